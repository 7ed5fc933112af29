import { expect, test, type Page } from '@playwright/test';
import { countRows } from '../load/store-device.js';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqApi } from './fixtures/hq-api.js';
import { StoreApp } from './fixtures/store-app.js';
import { tolerateSlowKeys } from './fixtures/wedge.js';
import { StoreDeviceApi } from './fixtures/store-api.js';

// store-01's two clerks in the demo chain; u-02-c1 works at store-02.
const clerk1 = 'u-01-c1';
const clerk2 = 'u-01-c2';
const shots = 'test-results/screens';

/** A keyboard-wedge scanner reading a QR code: the text typed a few ms per key, then Enter. */
async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 4 });
  await page.keyboard.press('Enter');
}

async function staffNames(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => new Promise<Record<string, string>>((resolve, reject) => {
    const open = indexedDB.open('store-app');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('staff').objectStore('staff').getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(Object.fromEntries((request.result as { id: string; displayName: string }[]).map((s) => [s.id, s.displayName])));
      };
    };
  }));
}

async function serverOrder(hq: HqApi, orderId: string) {
  return (await hq.query<{ order: { status: string; clerkId?: string; goodsBackAt?: string } }>('orders.get', { orderId })).order;
}

test('[HO1][HO2][HO3][HO4][HO5][HO6][RT1][RT2][RT4][RT5] a picked order is handed off offline by badge scan, fails, comes back by its bag label and goes out again with the other clerk, each step once', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const hq = await HqApi.signIn(request);
  const order = await hq.dispatchNewOrder('store-01');
  // The steps before the hand-off, from the manager's other handheld over the real sync API.
  const otherHandheld = await StoreDeviceApi.signIn(request, 'store01.manager');
  await otherHandheld.acceptAndPick(order, [{ productId: 'p-001', quantity: 1 }]);

  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  const { page } = app;
  await app.signIn('store01.manager');
  await app.waitForServiceWorker();
  await tolerateSlowKeys(page);
  await expect.poll(async () => (await countRows(page, ['staff'])).staff, { timeout: 15_000 }).toBe(2);
  const names = await staffNames(page);
  await expect(app.orderCard(order.number)).toContainText('已拣货');

  // Offline from here until the hand-off is saved and the label printed.
  await context.setOffline(true);
  await app.orderCard(order.number).click();
  await page.getByRole('button', { name: '交给店员配送' }).click();
  await expect(page.getByRole('heading', { name: `交接 · ${order.number}` })).toBeVisible();
  await expect(page.getByText('货到付款，请配送员收款')).toBeVisible();
  await expect(page.locator('.handoff-facts .collect strong')).toHaveText(/^¥\d+\.\d{2}$/);
  await expect(page.getByText('共 1 件（1 种商品）')).toBeVisible();
  await expect(page.getByRole('group', { name: '选择配送员' }).getByRole('button')).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();
  await page.screenshot({ path: `${shots}/store-handoff-360.png` });
  await expectNoSeriousA11yViolations(page, 'hand-off screen');

  // Another store's clerk's badge: refused, nothing queued.
  await wedgeScan(page, 'CLERK:u-02-c1');
  const problem = page.getByRole('alertdialog');
  await expect(problem).toContainText('这张工牌不是本店的配送员');
  await page.screenshot({ path: `${shots}/store-handoff-foreign-badge-360.png` });
  await expectNoSeriousA11yViolations(page, 'hand-off screen, badge refused');
  await problem.getByRole('button', { name: '知道了' }).click();
  expect(await app.outboxSize()).toBe(0);

  // The clerk's badge: handed off at once.
  await wedgeScan(page, `CLERK:${clerk1}`);
  await expect(page.getByText(`已交给 ${names[clerk1]} 配送`)).toBeVisible();
  await expect(page.getByText('下一步：打印袋签')).toBeVisible();
  const queued = await app.rows<{ name: string; args: unknown }>('outbox');
  expect(queued).toEqual([expect.objectContaining({ name: 'handoff.assign', args: { orderId: order.id, clerk: { userId: clerk1, storeId: 'store-01' } } })]);
  // A second scan of the badge does not hand off twice.
  await wedgeScan(page, `CLERK:${clerk2}`);
  expect(await app.outboxSize()).toBe(1);
  await page.screenshot({ path: `${shots}/store-handoff-done-360.png` });
  await expectNoSeriousA11yViolations(page, 'hand-off done');

  // The bag label, printed offline.
  await page.getByRole('button', { name: '打印袋签' }).click();
  const qr = page.getByRole('img', { name: `袋签二维码 ${order.number}` });
  await expect(qr).toHaveAttribute('data-payload', `ORDER:${order.number}`);
  await expect(qr.locator('rect')).not.toHaveCount(1); // drawn, not just its white background
  const label = page.locator('.bag-label');
  await expect(label.locator('.label-number')).toHaveText(order.number);
  await expect(label).toContainText('1 件');
  await expect(label.locator('.label-money')).toHaveText(/^到付 ¥\d+\.\d{2}$/);
  await expect(label).toContainText(names[clerk1] ?? 'clerk');
  await page.screenshot({ path: `${shots}/store-bag-label-360.png` });
  await expectNoSeriousA11yViolations(page, 'bag label');
  await page.evaluate(() => {
    (window as { printed?: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  expect(await page.evaluate(() => (window as { printed?: number }).printed)).toBe(1);
  // On paper only the label: no header, sync bar, tab bar or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.tab-bar')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印', exact: true })).toBeHidden();
  await expect(label).toBeVisible();
  await page.screenshot({ path: `${shots}/store-bag-label-print.png` });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '← 返回', exact: true }).click();
  await page.getByRole('button', { name: '返回收件箱' }).click();
  await expect(page.getByRole('heading', { name: /派单收件箱/ })).toBeVisible();

  // Reconnected: the hand-off reaches the server once.
  await context.setOffline(false);
  await app.waitForEmptyOutbox();
  expect(await serverOrder(hq, order.id)).toMatchObject({ status: 'out_for_delivery', clerkId: clerk1 });

  // The clerk's phone reports the delivery failed.
  const clerkPhone = await StoreDeviceApi.signIn(request, 'store01.clerk1');
  await clerkPhone.pushApplied([{ name: 'delivery.fail', args: { orderId: order.id, reason: 'customer_unreachable', note: '电话三次无人接听' } }]);
  await expect(app.orderCard(order.number)).toContainText('配送失败已退回');

  await app.orderCard(order.number).click();
  await page.getByRole('button', { name: '确认货物已退回' }).click();
  await expect(page.getByRole('heading', { name: `配送失败退回 · ${order.number}` })).toBeVisible();
  await expect(page.locator('.failure-reason')).toHaveText('无法联系收货人');
  await expect(page.getByText('电话三次无人接听')).toBeVisible();
  await expect(page.getByText('已扫描 0/1 种商品')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();
  await page.screenshot({ path: `${shots}/store-return-360.png` });
  await expectNoSeriousA11yViolations(page, 'return screen');

  // Another order's bag: a hard stop, nothing confirmed.
  await wedgeScan(page, 'ORDER:D20990101-00001');
  await expect(problem).toContainText(`这是订单 D20990101-00001 的袋签，不是本订单 ${order.number}`);
  await page.screenshot({ path: `${shots}/store-return-wrong-bag-360.png` });
  await expectNoSeriousA11yViolations(page, 'return screen, wrong bag');
  await problem.getByRole('button', { name: '知道了' }).click();
  expect(await app.outboxSize()).toBe(0);

  // This order's bag label, read by the camera's identifier-prefixed text or the wedge alike.
  await wedgeScan(page, `ORDER:${order.number}`);
  await expect(page.getByText(/货物已确认退回/)).toBeVisible();
  const retryGroup = page.getByRole('group', { name: /第 2 步/ });
  await expect(retryGroup.getByRole('button').first()).toHaveText(`${names[clerk1]}（上次配送）`);
  await page.screenshot({ path: `${shots}/store-return-goods-back-360.png` });
  await expectNoSeriousA11yViolations(page, 'return screen, goods back');

  // A new attempt with the other clerk, chosen by tapping and confirming.
  await retryGroup.getByRole('button', { name: names[clerk2] ?? 'clerk' }).click();
  await page.getByRole('button', { name: `交给 ${names[clerk2]} 重新配送` }).click();
  await expect(page.getByText(`已交给 ${names[clerk2]} 重新配送`)).toBeVisible();
  await page.screenshot({ path: `${shots}/store-return-retried-360.png` });
  await expectNoSeriousA11yViolations(page, 'return screen, sent again');
  await app.waitForEmptyOutbox();

  expect(await serverOrder(hq, order.id)).toMatchObject({ status: 'out_for_delivery', clerkId: clerk2 });
  expect(await hq.eventCounts(order.id)).toMatchObject({ hand_off: 1, fail_delivery: 1, confirm_return: 1, retry_delivery: 1 });
  const history = (await hq.query<{ history: { type: string; toStatus: string }[] }>('orders.get', { orderId: order.id })).history;
  expect(history.map((h) => h.type).slice(-4)).toEqual(['hand_off', 'fail_delivery', 'confirm_return', 'retry_delivery']);
  expect(await app.rows('rejections')).toEqual([]);
  await context.close();
});

test('[RT3][RT5] without its label the goods are confirmed by scanning every product; then the order is left to head office and stays listed', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const order = await hq.dispatchNewOrder('store-01', 'c-002');
  const otherHandheld = await StoreDeviceApi.signIn(request, 'store01.manager');
  await otherHandheld.acceptAndPick(order, [{ productId: 'p-001', quantity: 1 }]);
  await otherHandheld.pushApplied([{ name: 'handoff.assign', args: { orderId: order.id, clerk: { userId: clerk2, storeId: 'store-01' } } }]);
  const clerkPhone = await StoreDeviceApi.signIn(request, 'store01.clerk2');
  await clerkPhone.pushApplied([{ name: 'delivery.fail', args: { orderId: order.id, reason: 'customer_refused' } }]);

  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  const { page } = app;
  await app.signIn('store01.manager');
  await tolerateSlowKeys(page);
  await expect.poll(async () => (await countRows(page, ['products', 'staff'])), { timeout: 15_000 }).toEqual({ products: 300, staff: 2 });
  const products = await page.evaluate(() => new Promise<{ id: string; gtin: string; name: string }[]>((resolve) => {
    const open = indexedDB.open('store-app');
    open.onsuccess = () => {
      const request = open.result.transaction('products').objectStore('products').getAll();
      request.onsuccess = () => resolve(request.result as { id: string; gtin: string; name: string }[]);
    };
  }));
  const onOrder = products.find((p) => p.id === 'p-001');
  const notOnOrder = products.find((p) => p.id !== 'p-001');
  if (!onOrder || !notOnOrder) throw new Error('demo catalogue without p-001');
  await app.orderCard(order.number).click();
  await page.getByRole('button', { name: '确认货物已退回' }).click();
  await expect(page.locator('.failure-reason')).toHaveText('收货人拒收');
  await expect(page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();

  // A product that is not on the order: a hard stop, nothing counted.
  await wedgeScan(page, notOnOrder.gtin);
  await expect(page.getByRole('alertdialog')).toContainText(`这件商品不在本订单中：${notOnOrder.name}`);
  await page.getByRole('alertdialog').getByRole('button', { name: '知道了' }).click();
  await expect(page.getByText('已扫描 0/1 种商品')).toBeVisible();
  expect(await app.outboxSize()).toBe(0);

  await wedgeScan(page, onOrder.gtin);
  await expect(page.getByText(/货物已确认退回/)).toBeVisible();
  await page.getByRole('button', { name: '等待总部处理' }).click();
  await expect(page.getByRole('heading', { name: /派单收件箱/ })).toBeVisible();
  await app.waitForEmptyOutbox();
  const detail = await serverOrder(hq, order.id);
  expect(detail.status).toBe('returned_to_store');
  expect(detail.goodsBackAt).toBeTruthy();
  await expect(app.orderCard(order.number)).toContainText('配送失败已退回');

  // Head office decides: it may cancel an order waiting in returned_to_store.
  await hq.mutate('orders.cancel', { orderId: order.id, reason: '顾客不要了' });
  expect((await serverOrder(hq, order.id)).status).toBe('cancelled');
  await context.close();
});

test('[HO7] the clerk badges page, from settings, prints one QR badge per clerk of the store', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  const { page } = app;
  await app.signIn('store01.manager');
  await expect.poll(async () => (await countRows(page, ['staff'])).staff, { timeout: 15_000 }).toBe(2);
  const names = await staffNames(page);
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByRole('button', { name: '打印配送员工牌' }).click();
  await expect(page.getByRole('heading', { name: '配送员工牌' })).toBeVisible();
  for (const id of [clerk1, clerk2]) {
    const qr = page.getByRole('img', { name: `${names[id]} 的工牌二维码` });
    await expect(qr).toHaveAttribute('data-payload', `CLERK:${id}`);
    await expect(qr.locator('rect')).not.toHaveCount(1);
  }
  await page.screenshot({ path: `${shots}/store-clerk-badges-360.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'clerk badges');
  await context.close();
});

test('[HO1][RT1] the hand-off reads in zh-Hant and the return screen in English', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const [forHandoff, forReturn] = [await hq.dispatchNewOrder('store-01', 'c-003'), await hq.dispatchNewOrder('store-01', 'c-004')];
  const otherHandheld = await StoreDeviceApi.signIn(request, 'store01.manager');
  await otherHandheld.acceptAndPick(forHandoff, [{ productId: 'p-001', quantity: 1 }]);
  await otherHandheld.acceptAndPick(forReturn, [{ productId: 'p-001', quantity: 1 }]);
  await otherHandheld.pushApplied([{ name: 'handoff.assign', args: { orderId: forReturn.id, clerk: { userId: clerk1, storeId: 'store-01' } } }]);
  const clerkPhone = await StoreDeviceApi.signIn(request, 'store01.clerk1');
  await clerkPhone.pushApplied([{ name: 'delivery.fail', args: { orderId: forReturn.id, reason: 'other', note: '小区门禁不让进' } }]);

  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  const { page } = app;
  await app.signIn('store01.manager');
  await expect.poll(async () => (await countRows(page, ['staff'])).staff, { timeout: 15_000 }).toBe(2);
  await page.evaluate(() => localStorage.setItem('store.locale', 'zh-Hant'));
  await page.reload();
  await page.getByRole('button', { name: `查看訂單 ${forHandoff.number}` }).click();
  await page.getByRole('button', { name: '交給店員配送' }).click();
  await expect(page.getByText('貨到付款，請配送員收款')).toBeVisible();
  await page.screenshot({ path: `${shots}/store-handoff-360-zh-Hant.png` });
  await expectNoSeriousA11yViolations(page, 'hand-off screen (zh-Hant)');

  await page.evaluate(() => localStorage.setItem('store.locale', 'en'));
  await page.reload();
  await page.getByRole('button', { name: new RegExp(forReturn.number) }).click();
  await page.getByRole('button', { name: 'Confirm goods are back' }).click();
  await expect(page.locator('.failure-reason')).toHaveText('Other reason');
  await expect(page.getByText('小区门禁不让进')).toBeVisible();
  await page.screenshot({ path: `${shots}/store-return-360-en.png` });
  await expectNoSeriousA11yViolations(page, 'return screen (en)');
  await context.close();
});
