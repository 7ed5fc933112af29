import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { ClerkPhone } from './fixtures/clerk-phone.js';
import { HqApi, type CreatedOrder } from './fixtures/hq-api.js';
import { StoreDeviceApi } from './fixtures/store-api.js';

// The delivery clerk's phone (docs/delivery.md, rule ids DL…). Each case gets an order out for
// delivery for store01.clerk1 through the real sync API, then works the clerk's screens, and ends
// by checking head office's copy of the order: what the phone recorded, applied exactly once.

const door = { latitude: 31.1912, longitude: 121.4372, accuracy: 15 };

interface OrderDetail {
  order: { status: string; payment?: { amountDueFen: number }; proof?: Record<string, unknown>; failureReason?: string; failureNote?: string; failurePhoto?: { sha256: string } };
  deliveryCode: string;
}

async function orderOutForDelivery(request: import('@playwright/test').APIRequestContext): Promise<{ hq: HqApi; order: CreatedOrder; code: string; dueFen: number }> {
  const hq = await HqApi.signIn(request);
  const order = await hq.dispatchNewOrder('store-01');
  const manager = await StoreDeviceApi.signIn(request, 'store01.manager');
  await manager.handToClerk(hq, order.id, await StoreDeviceApi.userId(request, 'store01.clerk1'));
  const detail = await hq.query<OrderDetail>('orders.get', { orderId: order.id });
  return { hq, order, code: detail.deliveryCode, dueFen: detail.order.payment?.amountDueFen ?? 0 };
}

async function clerkPhone(browser: Browser, options: { geolocation: boolean }): Promise<{ context: BrowserContext; phone: ClerkPhone }> {
  const context = await browser.newContext({
    serviceWorkers: 'allow', locale: 'zh-CN',
    ...(options.geolocation ? { geolocation: door, permissions: ['geolocation'] } : {}),
  });
  return { context, phone: await ClerkPhone.open(context) };
}

test('[DL1][DL4][DL5][DL6][DL9] offline at the door: wrong code refused, right code, signature, photo, position, cash; one close applied once after reconnecting', async ({ browser, request }) => {
  const { hq, order, code, dueFen } = await orderOutForDelivery(request);
  const { context, phone } = await clerkPhone(browser, { geolocation: true });
  const { page } = phone;
  const card = phone.card(order.number);
  await expect(card).toContainText('货到付款 · 应收 ¥');
  await expect(card.getByRole('link', { name: /拨打 1\d{10}/ })).toHaveAttribute('href', /^tel:1\d{10}$/);
  await expect(card.getByRole('link', { name: /用手机地图导航到/ })).toHaveAttribute('href', /^geo:/);
  await expect(card.getByRole('link', { name: /高德网页地图/ })).toHaveAttribute('href', /^https:\/\/uri\.amap\.com\/marker\?position=121\./);
  await expect(card).toContainText('前送达');
  await expectNoSeriousA11yViolations(page, 'my deliveries');
  await phone.screenshot('clerk-deliveries-zh-Hans-360');
  const photo = await phone.cameraJpeg();

  await context.setOffline(true);
  await card.getByRole('button', { name: `送达 ${order.number}` }).click();
  await expect(page.getByRole('heading', { name: `送达 ${order.number}` })).toBeVisible();
  await expect(page.getByText('已定位，误差约 15 米')).toBeVisible();
  await expect(page.getByLabel(/实收金额/)).toHaveValue((dueFen / 100).toFixed(2));
  await page.getByLabel(/实收金额/).fill('两块');
  await expect(page.getByRole('alert').filter({ hasText: '请输入收到的金额' })).toBeVisible();
  await page.getByLabel(/实收金额/).fill((dueFen / 100).toFixed(2));

  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel(/^收货码/).fill(wrong);
  await page.getByRole('button', { name: '核对收货码' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '收货码不对。还可以再试 4 次。' })).toBeVisible();
  await page.getByLabel(/^收货码/).fill(code);
  await page.getByRole('button', { name: '核对收货码' }).click();
  await expect(page.getByText('收货码正确')).toBeVisible();

  await phone.sign();
  await expect(page.getByText('已签名')).toBeVisible();
  await phone.attachPhoto({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByRole('img', { name: '已拍的照片' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'close at the door');
  await phone.screenshot('clerk-close-zh-Hans-360');

  await page.getByRole('button', { name: '确认送达' }).click();
  await expect(page.getByRole('heading', { name: '已送达' })).toBeVisible();
  await expect(page.getByRole('button', { name: /撤销送达（还剩 [12]:\d\d）/ })).toBeVisible();
  await expect(page.getByText('已保存在本机，联网后自动同步。')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'delivered');
  await phone.screenshot('clerk-delivered-zh-Hans-360');

  // On the phone: ONE queued close, and its photo and signature bound to that action's id.
  const outbox = await phone.rows<{ id: number; name: string; args: { photo: { sha256: string; bytes: number }; signature: { sha256: string } } }>('outbox');
  expect(outbox.map((e) => e.name)).toEqual(['delivery.close']);
  const close = outbox[0]!;
  const blobs = await phone.rows<{ sha256: string; kind: string; mutationId: number; orderId: string; bytes: number; type: string }>('blobs');
  const mine = blobs.filter((b) => b.orderId === order.id);
  expect(mine.map((b) => [b.kind, b.sha256, b.mutationId]).sort()).toEqual([
    ['door_photo', close.args.photo.sha256, close.id],
    ['signature', close.args.signature.sha256, close.id],
  ]);
  const stored = mine.find((b) => b.kind === 'door_photo')!;
  expect(stored.type).toBe('image/jpeg');
  expect(stored.bytes).toBeLessThan(photo.length);

  await context.setOffline(false);
  await phone.waitForEmptyOutbox();
  await expect(page.getByText('已同步到总部。')).toBeVisible();
  const detail = await hq.query<OrderDetail>('orders.get', { orderId: order.id });
  expect(detail.order.status).toBe('delivered');
  expect(detail.order.proof).toEqual({
    code: 'matched',
    photo: close.args.photo,
    signature: close.args.signature,
    position: { lat: door.latitude, lng: door.longitude, accuracyM: door.accuracy },
    collectedFen: dueFen,
  });
  expect(await hq.eventCounts(order.id)).toMatchObject({ deliver: 1 });
  await context.close();
});

test('[DL6][DL7] location refused: the close goes ahead without a position; undo after it synced puts the order back out for delivery', async ({ browser, request }) => {
  const { hq, order, code } = await orderOutForDelivery(request);
  const { context, phone } = await clerkPhone(browser, { geolocation: false });
  const { page } = phone;
  await phone.card(order.number).getByRole('button', { name: `送达 ${order.number}` }).click();
  await expect(page.getByText('未获准定位，不影响送达')).toBeVisible();
  await page.getByLabel(/^收货码/).fill(code);
  await phone.attachPhoto({ name: 'door.jpg', mimeType: 'image/jpeg', buffer: await phone.cameraJpeg() });
  await expect(page.getByRole('img', { name: '已拍的照片' })).toBeVisible();
  // The code typed but not checked yet is checked by the close button itself.
  await page.getByRole('button', { name: '确认送达' }).click();
  await expect(page.getByRole('heading', { name: '已送达' })).toBeVisible();
  await phone.waitForEmptyOutbox();
  expect((await hq.query<OrderDetail>('orders.get', { orderId: order.id })).order.proof).toMatchObject({ position: { unavailable: 'denied' } });

  await page.getByRole('button', { name: /撤销送达/ }).click();
  await expect(page.getByText('已撤销送达，订单回到“配送中”。')).toBeVisible();
  await phone.waitForEmptyOutbox();
  expect(await hq.status(order.id)).toBe('out_for_delivery');
  expect(await hq.eventCounts(order.id)).toMatchObject({ deliver: 1, undo_deliver: 1 });
  await page.getByRole('button', { name: '返回我的配送' }).click();
  await expect(phone.card(order.number).getByRole('button', { name: `送达 ${order.number}` })).toBeVisible();
  await context.close();
});

test('[DL8][DL11] a failed delivery offline: a photo reason needs its photo, a file that is not a photo is refused, then the order goes back to the store', async ({ browser, request }) => {
  const { hq, order } = await orderOutForDelivery(request);
  const { context, phone } = await clerkPhone(browser, { geolocation: true });
  const { page } = phone;
  await expect(phone.card(order.number)).toBeVisible();
  await context.setOffline(true);
  await phone.card(order.number).getByRole('button', { name: `${order.number} 配送失败` }).click();
  await expect(page.getByRole('heading', { name: `配送失败 ${order.number}` })).toBeVisible();
  await page.getByRole('button', { name: '确认配送失败' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请选择失败原因' })).toBeVisible();

  await page.getByRole('radio', { name: /商品破损/ }).check();
  await page.getByLabel(/^备注/).fill('漏'.repeat(201));
  await page.getByRole('button', { name: '确认配送失败' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '备注最多 200 字' })).toBeVisible();
  await page.getByLabel(/^备注/).fill('外箱压坏，饮料漏了');
  await page.getByRole('button', { name: '确认配送失败' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还缺：现场照片' })).toBeVisible();
  await phone.attachPhoto({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is text, not a photo') });
  await expect(page.getByRole('alert').filter({ hasText: '这个文件不是照片' })).toBeVisible();
  await phone.attachPhoto({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(9 * 1024 * 1024, 0xff) });
  await expect(page.getByRole('alert').filter({ hasText: '照片太大（超过 8 MB）' })).toBeVisible();
  await expect(page.getByRole('img', { name: '已拍的照片' })).toHaveCount(0);
  expect(await phone.rows('outbox')).toEqual([]);

  await phone.attachPhoto({ name: 'damage.jpg', mimeType: 'image/jpeg', buffer: await phone.cameraJpeg() });
  await expect(page.getByRole('img', { name: '已拍的照片' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'failed delivery');
  await phone.screenshot('clerk-fail-zh-Hans-360');
  await page.getByRole('button', { name: '确认配送失败' }).click();
  await expect(page.getByText('请把商品带回门店')).toBeVisible();
  await expect(page.getByText('现场照片：在本机，等待上传')).toBeVisible();
  await phone.screenshot('clerk-fail-done-zh-Hans-360');
  const [entry] = await phone.rows<{ id: number; args: { photo: { sha256: string } } }>('outbox');
  const blobs = await phone.rows<{ sha256: string; kind: string; mutationId: number }>('blobs');
  expect(blobs.filter((b) => b.sha256 === entry!.args.photo.sha256)).toMatchObject([{ kind: 'failure_photo', mutationId: entry!.id }]);

  await context.setOffline(false);
  await phone.waitForEmptyOutbox();
  const detail = await hq.query<OrderDetail>('orders.get', { orderId: order.id });
  expect(detail.order).toMatchObject({ status: 'returned_to_store', failureReason: 'goods_damaged', failureNote: '外箱压坏，饮料漏了', failurePhoto: entry!.args.photo });
  expect(await hq.eventCounts(order.id)).toMatchObject({ fail_delivery: 1 });
  await page.getByRole('button', { name: '返回我的配送' }).click();
  await expect(phone.card(order.number)).toHaveCount(0);
  await context.close();
});

test('[DL5] five wrong codes pause the code entry, and a reload does not reset the pause', async ({ browser, request }) => {
  const { order, code } = await orderOutForDelivery(request);
  const { context, phone } = await clerkPhone(browser, { geolocation: true });
  const { page } = phone;
  // The order must have reached the phone before the network goes.
  await expect(phone.card(order.number)).toBeVisible();
  await context.setOffline(true);
  await phone.card(order.number).getByRole('button', { name: `送达 ${order.number}` }).click();
  const wrong = code === '999999' ? '888888' : '999999';
  for (let i = 0; i < 5; i++) {
    await page.getByLabel(/^收货码/).fill(wrong);
    await page.getByRole('button', { name: '核对收货码' }).click();
  }
  await expect(page.getByRole('alert').filter({ hasText: '收货码错误次数过多' })).toBeVisible();
  await expect(page.getByRole('link', { name: /致电顾客/ })).toHaveAttribute('href', /^tel:/);
  await phone.screenshot('clerk-code-paused-zh-Hans-360');
  await page.reload();
  await phone.card(order.number).getByRole('button', { name: `送达 ${order.number}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: '收货码错误次数过多' })).toBeVisible();
  await expect(page.getByLabel(/^收货码/)).toBeDisabled();
  await context.close();
});

test('[DL12] the clerk screens in zh-Hant and en', async ({ browser, request }) => {
  const { order } = await orderOutForDelivery(request);
  const { context, phone } = await clerkPhone(browser, { geolocation: true });
  const { page } = phone;
  await page.evaluate(() => localStorage.setItem('store.locale', 'zh-Hant'));
  await page.reload();
  await expect(page.getByRole('heading', { name: /我的配送/ })).toBeVisible();
  await expect(phone.card(order.number)).toContainText('貨到付款');
  await phone.screenshot('clerk-deliveries-zh-Hant-360');
  await phone.card(order.number).getByRole('button', { name: `送達 ${order.number}` }).click();
  await expect(page.getByRole('heading', { name: `送達 ${order.number}` })).toBeVisible();
  await phone.screenshot('clerk-close-zh-Hant-360');

  await page.evaluate(() => localStorage.setItem('store.locale', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { name: /My deliveries/ })).toBeVisible();
  await expect(phone.card(order.number)).toContainText('Cash on delivery');
  await phone.screenshot('clerk-deliveries-en-360');
  await phone.card(order.number).getByRole('button', { name: `Deliver ${order.number}`, exact: true }).click();
  await expect(page.getByText('Position found, within about 15 m')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'close at the door (en)');
  await phone.screenshot('clerk-close-en-360');
  await context.close();
});
