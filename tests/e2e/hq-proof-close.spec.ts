import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqConsole } from './fixtures/hq-console.js';
import { photoOnThePhone, signedInClient, StoreDevice } from './fixtures/store-sync-client.js';

/** 徐家汇店 (store-01), its manager's handheld and clerk 1's phone, in the demo chain. */
const store = { id: 'store-01', manager: 'store01.manager', clerk: 'store01.clerk1', clerkId: 'u-01-c1' };

async function screens(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 800], [1366, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/hq-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('head office sees a delivered order with its proof (the photo still on the phone), then closes it (结单)', async ({ browser, baseURL }) => {
  const hqApi = await signedInClient(baseURL!, 'hq');
  const order = await hqApi.orders.create.mutate({ customerId: 'c-001', lines: [{ productId: 'p-001', quantity: 2 }], paymentMethod: 'on_delivery' });
  await hqApi.orders.dispatch.mutate({ orderId: order.id, storeId: store.id });

  const handheld = await StoreDevice.signIn(baseURL!, store.manager);
  await handheld.send('offer.accept', { orderId: order.id });
  await handheld.send('pick.start', { orderId: order.id, device: handheld.clientId });
  await handheld.send('pick.finish', { orderId: order.id, device: handheld.clientId, picked: [{ productId: 'p-001', quantity: 2, lots: [{ lot: 'L2611A', expiry: '2027-05-31', quantity: 2 }] }] });
  await handheld.send('handoff.assign', { orderId: order.id, clerk: { userId: store.clerkId, storeId: store.id } });

  // The clerk closed at the door 6 minutes ago, offline; the close reaches the server only now, its photo not yet.
  const { deliveryCode } = await hqApi.orders.get.query({ orderId: order.id });
  const due = order.payment!.amountDueFen;
  const phone = await StoreDevice.signIn(baseURL!, store.clerk);
  const photo = photoOnThePhone();
  await phone.send('delivery.close', {
    orderId: order.id, at: new Date(Date.now() - 6 * 60_000).toISOString(), code: deliveryCode, photo,
    position: { lat: 31.19536, lng: 121.43741, accuracyM: 14 }, collectedFen: due - 50,
  });

  const context = await browser.newContext({ locale: 'zh-CN' });
  const hq = await HqConsole.open(context);
  await hq.signIn();
  await hq.page.getByRole('link', { name: '派单看板', exact: true }).click();
  await hq.page.getByRole('button', { name: /^待结单（\d+）$/ }).click();
  await hq.page.getByRole('link', { name: order.number }).click();

  const detail = hq.page.getByRole('region', { name: `订单 ${order.number}` });
  const proof = detail.getByRole('region', { name: '送达凭证' });
  await expect(proof.getByText('照片仍在配送员手机上，联网后自动上传')).toBeVisible();
  await expect(proof.getByRole('img')).toHaveCount(0);
  await expect(proof).toContainText('顾客报码一致');
  await expect(proof).toContainText('31.19536, 121.43741（精度约 14 米）');
  await expect(proof.getByRole('link', { name: '在地图上查看' })).toHaveAttribute('href', /position=121\.43741,31\.19536/);
  await expect(proof).toContainText('差额 -¥0.50');
  await expect(detail).toContainText(deliveryCode!);
  await expect(detail.getByRole('table', { name: '拣货批次与效期' })).toContainText('L2611A');
  const timeline = detail.getByRole('region', { name: '处理记录' });
  await expect(timeline.getByRole('listitem').filter({ hasText: '已送达' })).toContainText(/同步延迟 6\s?分钟/);
  await expect(timeline.getByRole('listitem').filter({ hasText: '交店员配送' })).toContainText('徐家汇店');
  await expectNoSeriousA11yViolations(hq.page, 'the delivered order with its proof');
  await screens(hq.page, 'delivered-proof');

  await detail.getByRole('button', { name: '结单', exact: true }).click();
  await expect(detail.getByRole('note')).toContainText('实收与应收不一致');
  await screens(hq.page, 'close-panel');
  await detail.getByRole('button', { name: '确认结单' }).click();
  await expect(detail.getByRole('status').filter({ hasText: '订单已结单。' })).toBeVisible();
  await expect(detail.getByText('已结单', { exact: true }).first()).toBeVisible();
  // The proof stays readable on the closed order.
  await expect(detail.getByRole('region', { name: '送达凭证' })).toContainText('顾客报码一致');
  expect((await hqApi.orders.get.query({ orderId: order.id })).order.status).toBe('closed');
  await timeline.scrollIntoViewIfNeeded();
  await screens(hq.page, 'closed-timeline');
  await context.close();
});

test('a short order: head office records the customer\'s answer and sends what the store has', async ({ browser, baseURL }) => {
  const hqApi = await signedInClient(baseURL!, 'hq');
  const order = await hqApi.orders.create.mutate({
    customerId: 'c-002', lines: [{ productId: 'p-001', quantity: 3 }, { productId: 'p-002', quantity: 1 }], paymentMethod: 'on_delivery',
  });
  await hqApi.orders.dispatch.mutate({ orderId: order.id, storeId: store.id });
  const handheld = await StoreDevice.signIn(baseURL!, store.manager);
  await handheld.send('offer.accept', { orderId: order.id });
  await handheld.send('pick.start', { orderId: order.id, device: handheld.clientId });
  await handheld.send('pick.report_short', { orderId: order.id, device: handheld.clientId, available: [{ productId: 'p-001', quantity: 1 }] });

  const context = await browser.newContext({ locale: 'zh-CN' });
  const hq = await HqConsole.open(context);
  await hq.signIn();
  await hq.page.goto(`/hq/#/board/${order.id}`);
  const detail = hq.page.getByRole('region', { name: `订单 ${order.number}` });
  await expect(detail.getByRole('listitem').filter({ hasText: '报告缺货' })).toContainText('订 3 可供 1');
  await detail.getByRole('button', { name: '处理缺货' }).click();
  const panel = detail.getByRole('form', { name: '处理缺货' });
  await expect(panel.getByRole('table', { name: '缺货商品' })).toContainText('2');

  // The substitute shows what it costs before anything is decided.
  await panel.getByRole('radio', { name: '换成其他商品' }).check();
  await panel.getByRole('searchbox').first().fill('可乐');
  await panel.getByRole('button', { name: /^选择 / }).first().click();
  await expect(panel.getByText(/差价 /)).toBeVisible();
  await expect(panel.getByText(/应收金额：¥/)).toBeVisible();
  await expectNoSeriousA11yViolations(hq.page, 'the shortage decision with a substitute');
  await screens(hq.page, 'short-substitute');

  await panel.getByRole('radio', { name: '部分发货（先电话确认）' }).check();
  await panel.getByRole('button', { name: '确认处理' }).click();
  await expect(panel.getByRole('alert')).toHaveText('请记录顾客在电话中的答复。');
  await panel.getByLabel('顾客答复（必填）').fill('客户同意部分发货，缺的两瓶不要了');
  await screens(hq.page, 'short-partial');
  await panel.getByRole('button', { name: '确认处理' }).click();
  await expect(detail.getByRole('status').filter({ hasText: '已确认部分发货' })).toBeVisible();
  await expect(detail.getByRole('listitem').filter({ hasText: '处理缺货' })).toContainText('顾客答复：客户同意部分发货，缺的两瓶不要了');
  await expectNoSeriousA11yViolations(hq.page, 'the order after the shortage decision');

  const resolved = (await hqApi.orders.get.query({ orderId: order.id })).order;
  expect(resolved.status).toBe('picking');
  expect(resolved.lines.map((l) => l.confirmedQuantity)).toEqual([1, 1]);
  await context.close();
});
