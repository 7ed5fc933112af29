import { expect, test } from '@playwright/test';
import { handheld } from './fixtures/handheld.js';
import { HqApi } from './fixtures/hq-api.js';
import { HqConsole } from './fixtures/hq-console.js';
import { StoreApp } from './fixtures/store-app.js';

// Storage the OS or the person cleared under a pending queue (docs/sync-protocol.md SY48).

test('[SY48] site data cleared with an action still queued: after signing in again the manager is told which order lost its action', async ({ baseURL, request, browser }) => {
  const hq = await HqApi.signIn(request);
  const context = await handheld(baseURL!);
  const app = new StoreApp(context.pages()[0] ?? (await context.newPage()));
  await app.page.goto('/store/');
  await app.signIn('store05.manager');
  await app.waitForServiceWorker();
  const order = await hq.dispatchNewOrder('store-05');
  await expect(app.orderCard(order.number)).toBeVisible();

  // Uploads fail (a flaky store network) while downloads work: the accept stays queued, and the
  // next pull tells the server what the device still has to send.
  await app.page.route('**/trpc/sync.push**', (route) => route.abort());
  await app.accept(order.number);
  expect(await app.outboxSize()).toBe(1);
  const next = await hq.dispatchNewOrder('store-05');
  await expect(app.orderCard(next.number)).toBeVisible();
  await app.page.waitForTimeout(500);

  // The browser's storage is cleared under the queue (Settings → clear site data, or the OS).
  const cdp = await context.newCDPSession(app.page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL!).origin, storageTypes: 'all' });
  await app.page.unroute('**/trpc/sync.push**');
  await app.page.goto('/store/');
  await app.signIn('store05.manager');
  const warning = app.page.getByRole('alert').filter({ hasText: '没有上传' });
  await expect(warning).toContainText('1 个订单');
  await expect(warning).toContainText(order.number);
  await app.page.screenshot({ path: 'test-results/screens/store-lost-storage-360.png' });
  expect(await app.outboxSize()).toBe(0);
  expect(await hq.status(order.id)).toBe('offered');
  await warning.getByRole('button', { name: '知道了' }).click();
  await expect(warning).toHaveCount(0);

  // Head office sees it too, on the board.
  const unsent = await hq.query<{ storeId: string; orderNumbers: string[] }[]>('devices.unsentWork', {});
  expect(unsent).toContainEqual(expect.objectContaining({ storeId: 'store-05', orderNumbers: [order.number] }));
  const office = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const console = await HqConsole.open(office);
  await console.signIn();
  await console.page.getByRole('link', { name: '派单看板', exact: true }).click();
  await expect(console.page.getByRole('region', { name: '门店设备上未上传的操作' })).toContainText(order.number);
  await Promise.all([context.close(), office.close()]);
});
