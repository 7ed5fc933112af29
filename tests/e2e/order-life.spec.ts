import { expect, test, type Page } from '@playwright/test';
import { withCheckDigit } from '@repo/domain';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { ClerkPhone } from './fixtures/clerk-phone.js';
import { HqApi, type CreatedOrder } from './fixtures/hq-api.js';
import { HqConsole } from './fixtures/hq-console.js';
import { StoreApp } from './fixtures/store-app.js';
import { tolerateSlowKeys } from './fixtures/wedge.js';

// Issue 9's walk: one order from the offer to the customer's hands through the real screens, the
// network cut for every store step, and head office seeing it delivered with its proof.
// Demo catalogue: p-001 water (unit code, and a case of 24), p-003 milk.
const water = { id: 'p-001', unit: '6902000000018', name: '农夫山泉 饮用天然水 550ml' };
const waterCase = withCheckDigit(`1${water.unit.slice(0, 12)}`);
const milk = { id: 'p-003', unit: '6902074000013', name: '光明 鲜牛奶 250ml' };
const door = { latitude: 31.1912, longitude: 121.4372, accuracy: 12 };
const shots = 'test-results/screens';

/** A keyboard-wedge scan, then a pause past the scanner's double-fire window. */
async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 4 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
}

function pickLine(page: Page, name: string) {
  return page.locator('.pick-line').filter({ hasText: name });
}

test('[FU8] one order from the offer to the customer\'s hands, offline at every store step, delivered with its proof at head office', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const hq = await HqApi.signIn(request);
  const order = await hq.mutate<CreatedOrder>('orders.create', {
    customerId: 'c-002', paymentMethod: 'on_delivery', lines: [{ productId: water.id, quantity: 25 }, { productId: milk.id, quantity: 1 }],
  });
  await hq.mutate('orders.dispatch', { orderId: order.id, storeId: 'store-04' });
  const { deliveryCode } = await hq.query<{ deliveryCode: string }>('orders.get', { orderId: order.id });

  // The store manager's handheld.
  const storeContext = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(storeContext);
  const { page } = app;
  await app.signIn('store04.manager');
  await app.waitForServiceWorker();
  await tolerateSlowKeys(page);
  await expect.poll(async () => (await app.rows('products')).length, { timeout: 15_000 }).toBe(300);
  await expect(app.orderCard(order.number)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'inbox with a new offer');

  // Accept, pick and hand off: all with the network cut.
  await storeContext.setOffline(true);
  await app.orderCard(order.number).click();
  await page.getByRole('button', { name: '接单', exact: true }).click();
  await expect(page.getByText('已接单。下一步：备货。')).toBeVisible();
  await page.getByRole('button', { name: '开始备货' }).click();
  await expect(page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();
  await wedgeScan(page, waterCase);
  await expect(page.locator('.pick-news')).toContainText('整箱 ×24');
  await wedgeScan(page, water.unit);
  await expect(pickLine(page, water.name)).toContainText('已拣完');
  await wedgeScan(page, milk.unit);
  await expect(pickLine(page, milk.name)).toContainText('已拣完');
  await wedgeScan(page, 'CMD:FINISH');
  await expect(page.locator('.chip.status-picked')).toBeVisible();
  await page.getByRole('button', { name: '交给店员配送' }).click();
  await expect(page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();
  await wedgeScan(page, 'CLERK:u-04-c1');
  await expect(page.getByText(/已交给 .* 配送/)).toBeVisible();
  expect((await app.rows<{ name: string }>('outbox')).map((e) => e.name)).toEqual(['offer.accept', 'pick.start', 'pick.finish', 'handoff.assign']);
  await storeContext.setOffline(false);
  await app.waitForEmptyOutbox(30_000);
  expect(await hq.status(order.id)).toBe('out_for_delivery');

  // The clerk's phone: the close at the door, offline, with code, signature, photo and position.
  const phoneContext = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN', geolocation: door, permissions: ['geolocation'] });
  const phone = await ClerkPhone.open(phoneContext, 'store04.clerk1');
  await expect(phone.card(order.number)).toBeVisible({ timeout: 20_000 });
  const photo = await phone.cameraJpeg();
  await phoneContext.setOffline(true);
  await phone.card(order.number).getByRole('button', { name: `送达 ${order.number}` }).click();
  await expect(phone.page.getByText('已定位，误差约 12 米')).toBeVisible();
  await phone.page.getByLabel(/^收货码/).fill(deliveryCode);
  await phone.page.getByRole('button', { name: '核对收货码' }).click();
  await expect(phone.page.getByText('收货码正确')).toBeVisible();
  await phone.sign();
  await phone.attachPhoto({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(phone.page.getByRole('img', { name: '已拍的照片' })).toBeVisible();
  await phone.page.getByRole('button', { name: '确认送达' }).click();
  await expect(phone.page.getByRole('heading', { name: '已送达' })).toBeVisible();
  await expect(phone.page.getByText('门口照片：在本机，等待上传')).toBeVisible();
  await phone.page.screenshot({ path: `${shots}/walk-delivered-offline-360.png` });
  await phoneContext.setOffline(false);
  await phone.waitForEmptyOutbox();
  await expect(phone.page.getByText('门口照片：已上传到服务器')).toBeVisible({ timeout: 30_000 });

  // Head office: delivered, with its proof, each store step applied once.
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1, start_pick: 1, finish_pick: 1, hand_off: 1, deliver: 1 });
  const detail = await hq.query<{ order: { status: string; picked?: { productId: string; quantity: number }[]; proof?: Record<string, unknown> } }>('orders.get', { orderId: order.id });
  expect(detail.order.status).toBe('delivered');
  expect(detail.order.picked?.map((p) => [p.productId, p.quantity])).toEqual([[water.id, 25], [milk.id, 1]]);
  expect(detail.order.proof).toMatchObject({ code: 'matched', position: { lat: door.latitude, lng: door.longitude, accuracyM: door.accuracy } });
  const consoleContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const console = await HqConsole.open(consoleContext);
  await console.signIn();
  await console.page.getByRole('link', { name: '派单看板', exact: true }).click();
  await console.page.getByRole('link', { name: order.number }).click();
  const proof = console.page.getByRole('region', { name: '送达凭证' });
  await expect(proof).toContainText('顾客报码一致');
  await expect(proof.getByRole('img').first()).toBeVisible({ timeout: 20_000 });
  await expect(proof.getByText('照片仍在配送员手机上，联网后自动上传')).toHaveCount(0);
  await console.page.screenshot({ path: `${shots}/walk-hq-delivered-1366.png` });
  await Promise.all([storeContext.close(), phoneContext.close(), consoleContext.close()]);
});
