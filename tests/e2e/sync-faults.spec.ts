import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { HqApi } from './fixtures/hq-api.js';
import { StoreApp } from './fixtures/store-app.js';

// Each case ends by checking on the server that every action the device acknowledged was applied
// exactly once, and that the device's outbox is empty. Rule ids: docs/sync-protocol.md.
// Each case uses a store of its own so inboxes do not mix.

async function storeDevice(browser: import('@playwright/test').Browser, store: string): Promise<{ context: BrowserContext; app: StoreApp }> {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  await app.signIn(`${store}.manager`);
  await app.waitForServiceWorker();
  return { context, app };
}

test('[SY20] an accept made offline survives a reload and is applied once after reconnecting', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store02');
  const order = await hq.dispatchNewOrder('store-02');
  await expect(app.orderCard(order.number)).toBeVisible();

  await context.setOffline(true);
  await app.accept(order.number);
  await app.page.reload();
  await expect(app.orderCard(order.number)).toContainText('已接单');
  await expect(app.orderCard(order.number)).toContainText('待同步');
  await expect(app.connectionStatus()).toContainText('1 个操作待同步');
  expect(await app.outboxSize()).toBe(1);
  await app.page.screenshot({ path: 'test-results/screens/store-pending-offline-360.png' });

  await context.setOffline(false);
  await app.waitForEmptyOutbox();
  await expect(app.orderCard(order.number)).toContainText('已同步');
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  expect(await hq.status(order.id)).toBe('accepted');
  await context.close();
});

test('[SY21] a push whose response is lost after the server committed is not applied twice', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store03');
  const order = await hq.dispatchNewOrder('store-03');
  await expect(app.orderCard(order.number)).toBeVisible();

  let dropped = 0;
  await app.page.route('**/trpc/sync.push**', async (route) => {
    if (dropped > 0) return route.continue();
    dropped += 1;
    await route.fetch(); // the server receives and commits it…
    await route.abort('connectionreset'); // …and the device never hears back.
  });
  await app.accept(order.number);
  await app.waitForEmptyOutbox(40_000);
  expect(dropped).toBe(1);
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  expect(await app.rows('rejections')).toEqual([]);
  await context.close();
});

test('[SY22] a page reloaded in the middle of a push re-sends it and it is applied once', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store04');
  const order = await hq.dispatchNewOrder('store-04');
  await expect(app.orderCard(order.number)).toBeVisible();

  let held = false;
  await app.page.route('**/trpc/sync.push**', async (route) => {
    if (held) return route.continue();
    held = true;
    await route.fetch(); // committed on the server; the page goes away before it answers
    void app.page.reload().catch(() => undefined);
  });
  await app.orderCard(order.number).click();
  const reloaded = app.page.waitForEvent('load');
  await app.page.getByRole('button', { name: '接单', exact: true }).click();
  await expect.poll(() => held).toBe(true);
  await reloaded;
  await app.waitForEmptyOutbox(40_000);
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await context.close();
});

test('[SY23] a poison action at the head of the queue is rejected and shown; the actions behind it go through', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store05');
  const poison = await hq.dispatchNewOrder('store-05');
  const fine = await hq.dispatchNewOrder('store-05');
  await expect(app.orderCard(fine.number)).toBeVisible();

  await context.setOffline(true);
  await app.accept(poison.number);
  await app.accept(fine.number);
  // Head office cancels the first order while the store is offline.
  await hq.mutate('orders.cancel', { orderId: poison.id, reason: '客户来电取消' });
  await context.setOffline(false);

  await app.waitForEmptyOutbox();
  const rejected = app.page.getByRole('region', { name: /个操作被拒绝/ });
  await expect(rejected).toContainText(`接单：订单 ${poison.number}`);
  // Who got to the order first (here head office's cancel), and what it is now (SY45).
  await expect(rejected).toContainText('已先处理了此订单');
  await expect(rejected).toContainText('订单现在的状态：已取消');
  // Why it left the store, with head office's reason (SY43).
  await expect(app.page.getByRole('region', { name: '订单变动' })).toContainText(`订单 ${poison.number} 已被总部取消。`);
  await expect(app.page.getByRole('region', { name: '订单变动' })).toContainText('原因：客户来电取消');
  await app.page.screenshot({ path: 'test-results/screens/store-rejected-360.png' });
  expect(await hq.eventCounts(poison.id)).not.toHaveProperty('accept');
  expect(await hq.eventCounts(fine.id)).toMatchObject({ accept: 1 });
  // The cancelled order leaves the store's inbox; the refusal stays until dismissed.
  await expect(app.orderCard(poison.number)).toHaveCount(0);
  await rejected.getByRole('button', { name: `知道了（订单 ${poison.number}）` }).click();
  await expect(rejected).toHaveCount(0);
  await context.close();
});

test('[SY24] two tabs acting at once share one outbox and one leader; each action is applied once', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store06');
  const second = new StoreApp(await context.newPage());
  await second.page.setViewportSize({ width: 360, height: 640 });
  await second.page.goto('/store/');
  const orders = [await hq.dispatchNewOrder('store-06'), await hq.dispatchNewOrder('store-06')];
  await expect(second.orderCard(orders[1]!.number)).toBeVisible();

  await Promise.all([app.accept(orders[0]!.number), second.accept(orders[1]!.number)]);
  await app.waitForEmptyOutbox();
  for (const order of orders) expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await expect(second.orderCard(orders[0]!.number)).toContainText('已接单');
  await context.close();
});

test('[SY25] when the leading tab closes, another tab takes over and sends the queue', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store07');
  const follower = new StoreApp(await context.newPage());
  await follower.page.goto('/store/');
  const order = await hq.dispatchNewOrder('store-07');
  await expect(follower.orderCard(order.number)).toBeVisible();

  await context.setOffline(true);
  await follower.accept(order.number);
  await app.page.close(); // the first tab held the leader lock
  await context.setOffline(false);
  await follower.waitForEmptyOutbox();
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await context.close();
});

test('[SY26] a session that expires while offline pauses the queue; after signing in again it is sent once', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store08');
  const order = await hq.dispatchNewOrder('store-08');
  await expect(app.orderCard(order.number)).toBeVisible();

  await context.setOffline(true);
  await app.accept(order.number);
  // The session ends on the server while the device is away (as an expiry would).
  const token = await app.sessionToken();
  await request.post('/trpc/auth.logout', { data: {}, headers: { authorization: `Bearer ${token}` } });
  await context.setOffline(false);

  await expect(app.page.getByRole('alert').filter({ hasText: '登录已过期' })).toBeVisible({ timeout: 20_000 });
  expect(await app.outboxSize()).toBe(1);
  await app.page.getByRole('button', { name: '重新登录' }).click();
  await app.signIn('store08.manager');
  await app.waitForEmptyOutbox();
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await context.close();
});

test('[SY27] downloads never wait for uploads: a new dispatch arrives while a push keeps failing', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store09');
  const stuck = await hq.dispatchNewOrder('store-09');
  await expect(app.orderCard(stuck.number)).toBeVisible();

  await app.page.route('**/trpc/sync.push**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await app.accept(stuck.number);
  const fresh = await hq.dispatchNewOrder('store-09');
  await expect(app.orderCard(fresh.number)).toBeVisible();
  expect(await app.outboxSize()).toBe(1);

  await app.page.unroute('**/trpc/sync.push**');
  await app.page.evaluate(() => window.dispatchEvent(new Event('online')));
  await app.waitForEmptyOutbox(40_000);
  expect(await hq.eventCounts(stuck.id)).toMatchObject({ accept: 1 });
  await context.close();
});

test('[SY28] five hundred actions queued offline, through a restart, all arrive once each and in order', async ({ browser, request }) => {
  test.setTimeout(600_000);
  const queued = 500;
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store10');
  const orders = await hq.dispatchNewOrders('store-10', queued);
  const ids = new Set(orders.map((o) => o.id));
  await expect.poll(async () => (await app.rows<{ id: string }>('orders')).filter((o) => ids.has(o.id)).length, { timeout: 60_000 }).toBe(queued);

  await context.setOffline(true);
  // Newest first: the offers waiting for a decision are on top of the inbox, newest first.
  const inQueueOrder = [...orders].reverse();
  for (const order of inQueueOrder) await app.accept(order.number);
  expect(await app.outboxSize()).toBe(queued);
  // Like a handheld restarted during the outage: the app comes back from the service worker, queue intact.
  await app.page.reload();
  await expect(app.connectionStatus()).toContainText(`${queued} 个操作待同步`);
  expect(await app.outboxSize()).toBe(queued);

  await context.setOffline(false);
  await app.waitForEmptyOutbox(120_000);
  const accepts = await Promise.all(inQueueOrder.map(async (o) => ({ counts: await hq.eventCounts(o.id), at: await hq.eventTimes(o.id, 'accept') })));
  expect(accepts.filter((a) => a.counts.accept !== 1)).toEqual([]);
  // The server applied them in the order the manager made them (times never go backwards).
  const times = accepts.map((a) => Date.parse(a.at[0]!));
  expect(times.filter((t, i) => i > 0 && t < times[i - 1]!)).toEqual([]);
  await context.close();
});

test('[SY29] an app update offered while actions are queued keeps the queue and sends it once', async ({ browser, request }) => {
  const swFile = path.resolve(import.meta.dirname, '../../apps/store/dist/sw.js');
  const original = readFileSync(swFile, 'utf8');
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store11');
  try {
    const order = await hq.dispatchNewOrder('store-11');
    await expect(app.orderCard(order.number)).toBeVisible();
    await app.page.route('**/trpc/sync.push**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await app.accept(order.number);
    expect(await app.outboxSize()).toBe(1);

    // A new release is deployed: the service worker file changes on the server.
    writeFileSync(swFile, `${original}\n// release ${Date.now()}\n`);
    await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = app.page.getByRole('alert').filter({ hasText: '有新版本可用' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await app.page.screenshot({ path: 'test-results/screens/store-update-offered-360.png' });
    const reloaded = app.page.waitForEvent('load');
    await banner.getByRole('button', { name: '立即更新' }).click();
    await reloaded;

    expect(await app.outboxSize()).toBe(1);
    await app.page.unroute('**/trpc/sync.push**');
    await app.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await app.waitForEmptyOutbox(40_000);
    expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  } finally {
    writeFileSync(swFile, original);
    await context.close();
  }
});

test('[SY31] the leading tab closed in the middle of a push: the other tab sends it again and it is applied once', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store12');
  const follower = new StoreApp(await context.newPage());
  await follower.page.goto('/store/');
  const order = await hq.dispatchNewOrder('store-12');
  await expect(app.orderCard(order.number)).toBeVisible();

  let closed = false;
  await app.page.route('**/trpc/sync.push**', async (route) => {
    await route.fetch(); // committed on the server…
    closed = true;
    void app.page.close(); // …and the tab that sent it is gone before the answer.
  });
  await app.orderCard(order.number).click();
  await app.page.getByRole('button', { name: '接单', exact: true }).click();
  await expect.poll(() => closed).toBe(true);
  await follower.waitForEmptyOutbox(40_000);
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await context.close();
});

test('[SY34] a frozen leading tab is replaced within seconds and the queue still goes out once', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store13');
  const follower = new StoreApp(await context.newPage());
  await follower.page.goto('/store/');
  const order = await hq.dispatchNewOrder('store-13');
  await expect(follower.orderCard(order.number)).toBeVisible();

  const leaderTab = async () => (await follower.rows<{ key: string; tabId?: string }>('meta')).find((m) => m.key === 'leader')?.tabId;
  const before = await leaderTab();
  // Freeze the first tab (the leader): its JavaScript stops for 20 s, as in a tab the OS froze.
  // (CDP's Page.setWebLifecycleState does not freeze a visible headless page.)
  void app.page.evaluate(() => { const until = Date.now() + 20_000; while (Date.now() < until); }).catch(() => undefined);
  const frozenAt = Date.now();
  await follower.accept(order.number);
  await follower.waitForEmptyOutbox(30_000);
  expect(Date.now() - frozenAt).toBeLessThan(20_000); // sent while the old leader was still frozen
  expect(await leaderTab()).not.toBe(before);
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await context.close();
});

test('[SY35] a server restored to before the device\'s last push: the queue is renumbered after what the server has, and sent once', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store03');
  const order = await hq.dispatchNewOrder('store-03');
  await expect(app.orderCard(order.number)).toBeVisible();
  await context.setOffline(true);
  await app.accept(order.number);

  // What a restore looks like from the device: its queue continues from ids the server never saw.
  await app.page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('store-app');
        open.onsuccess = () => {
          const tx = open.result.transaction(['outbox', 'meta'], 'readwrite');
          const outbox = tx.objectStore('outbox');
          outbox.getAll().onsuccess = (event) => {
            const [entry] = (event.target as IDBRequest<{ id: number }[]>).result;
            outbox.delete(entry!.id);
            outbox.put({ ...entry, id: 41 });
            const meta = tx.objectStore('meta');
            meta.get('client').onsuccess = (e) => meta.put({ ...(e.target as IDBRequest).result, nextMutationId: 42 });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await context.setOffline(false);
  await app.waitForEmptyOutbox();
  expect(await hq.eventCounts(order.id)).toMatchObject({ accept: 1 });
  await context.close();
});
