import type { Page } from '@playwright/test';
import { HqClient, type CreatedOrder } from './hq-client.js';
import { withLoadServer } from './load-server.js';
import { intFromEnv, ms, percentile } from './stats.js';
import { countRows, missingOrders, openStoreDevice, pollUntil, within } from './store-device.js';

// New dispatch visible on a device (issue target: p95 <= 2 s): server commit -> poke -> pull ->
// order card in the DOM. Measured twice on one device: first with an empty outbox (the peer), then
// while PENDING accepts wait behind one failing push (every push answered 503 by a Playwright route,
// so the queue cannot drain and the push loop keeps retrying with backoff).
// The commit time is taken as the moment the dispatch response reaches this program (the server
// commits, pokes, then answers; so this slightly shortens the measured latency); the card time is
// Date.now() in a MutationObserver in the page. Same machine, same clock.
// Prints figures; asserts nothing about time. Run from the repo root:
//   ./node_modules/.bin/tsx tests/load/dispatch-latency.bench.ts

const settings = {
  storeId: process.env.DISPATCH_STORE ?? 'store-02',
  username: process.env.DISPATCH_USER ?? 'store02.manager',
  dispatches: intFromEnv('DISPATCH_COUNT', 30),
  /** Actions waiting behind the failing one: PENDING + 1 accepts are queued through the app. */
  pending: intFromEnv('DISPATCH_PENDING', 100),
  /** Long enough that the run spans the 30 s sync timer, so the failing push is retried during it. */
  pauseMs: intFromEnv('DISPATCH_PAUSE_MS', 1000),
  cardTimeoutMs: intFromEnv('DISPATCH_CARD_TIMEOUT_MS', 15_000),
};

interface Sample {
  /** Dispatch response received -> card in the DOM. */
  readonly fromCommitMs: number;
  /** Dispatch request sent -> card in the DOM (an upper bound). */
  readonly fromSendMs: number;
}

await withLoadServer({ env: { OFFER_TTL_MINUTES: '600' } }, async (server) => {
  const log = (line: string) => console.log(`[dispatch-latency] ${line}`);
  log(`server ${server.baseUrl} (${server.build}); settings ${JSON.stringify(settings)}`);
  const hq = await HqClient.signIn(server.baseUrl);
  const toQueue = await hq.dispatchNewOrders({ storeId: settings.storeId, count: settings.pending + 1 });
  const device = await openStoreDevice({ baseUrl: server.baseUrl, username: settings.username });
  try {
    const page = device.page;
    await missingOrders(page, { key: 'to-queue', orderIds: toQueue.map((o) => o.id) });
    if (!(await pollUntil(async () => (await missingOrders(page, { key: 'to-queue' })) === 0, { timeoutMs: 60_000 }))) {
      throw new Error('the device never held the orders to accept');
    }
    await watchForCards(page);

    const baseline = await measureDispatches({ hq, page, label: 'empty outbox', customerOffset: 1000 });

    let refused = 0;
    await page.route(/\/trpc\/[^?]*sync\.push/, (route) => {
      refused += 1;
      return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
    });
    const started = Date.now();
    // Newest first: each is then among the first cards of the offers still waiting, where a manager taps.
    await acceptThroughApp(page, [...toQueue].reverse());
    const { outbox } = await countRows(page, ['outbox']);
    log(`queued ${toQueue.length} accepts through the app in ${ms(Date.now() - started)}; outbox ${outbox}; pushes refused so far ${refused}`);

    const refusedBefore = refused;
    const loaded = await measureDispatches({ hq, page, label: `${settings.pending} pending + 1 failing`, customerOffset: 2000 });
    const after = await countRows(page, ['outbox']);
    report({ baseline, loaded, refusedDuring: refused - refusedBefore, outboxAfter: after.outbox ?? 0 });
  } finally {
    await device.close();
  }
});

/** Dispatches one new order at a time and waits for its card; bounded by count and per-card timeout. */
async function measureDispatches(options: { hq: HqClient; page: Page; label: string; customerOffset: number }): Promise<Sample[]> {
  const samples: Sample[] = [];
  let missed = 0;
  for (let i = 0; i < settings.dispatches; i++) {
    const order = await options.hq.createOrder(options.customerOffset + i);
    const sentAt = Date.now();
    await options.hq.dispatch(order.id, settings.storeId);
    const committedAt = Date.now();
    const seenAt = await cardSeenAt(options.page, order);
    if (seenAt === null) missed += 1;
    else samples.push({ fromCommitMs: seenAt - committedAt, fromSendMs: seenAt - sentAt });
    await new Promise((r) => setTimeout(r, settings.pauseMs));
  }
  console.log(`[dispatch-latency] ${options.label}: ${samples.length} cards seen, ${missed} not within ${ms(settings.cardTimeoutMs)}`);
  return samples;
}

/** A MutationObserver that stamps Date.now() the first time a card whose label ends in a watched number appears. */
async function watchForCards(page: Page): Promise<void> {
  await page.evaluate(() => {
    // No named helper functions in here: tsx would wrap them in a `__name` the page lacks.
    const state = { watched: new Set<string>(), seen: new Map<string, number>() };
    (globalThis as { __cards?: typeof state }).__cards = state;
    new MutationObserver(() => {
      const now = Date.now();
      state.watched.forEach((number) => {
        if (document.querySelector(`[aria-label$=" ${number}"]`)) {
          state.seen.set(number, now);
          state.watched.delete(number);
        }
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function cardSeenAt(page: Page, order: CreatedOrder): Promise<number | null> {
  // Watching starts after the dispatch call so the number cannot be on screen yet; a card that
  // appeared before this evaluate ran is caught by the immediate check.
  const immediate = await within(10_000, 'watch', page.evaluate((number) => {
    const state = (globalThis as { __cards?: { watched: Set<string>; seen: Map<string, number> } }).__cards;
    if (!state) throw new Error('card watcher missing');
    if (document.querySelector(`[aria-label$=" ${number}"]`)) return Date.now();
    state.watched.add(number);
    return null;
  }, order.number));
  if (immediate !== null) return immediate;
  const seen = await page
    .waitForFunction(
      (number) => (globalThis as { __cards?: { seen: Map<string, number> } }).__cards?.seen.get(number) ?? null,
      order.number,
      { timeout: settings.cardTimeoutMs, polling: 50 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  return typeof seen === 'number' ? seen : null;
}

/** Accepts each order by clicking through the app, as a store manager does. */
async function acceptThroughApp(page: Page, orders: readonly CreatedOrder[]): Promise<void> {
  for (const order of orders) {
    await page.getByRole('button', { name: `查看订单 ${order.number}` }).click();
    await page.getByRole('button', { name: '接单', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /已保存在本机|已同步到总部/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /返回收件箱/ }).click();
  }
}

function report(options: { baseline: readonly Sample[]; loaded: readonly Sample[]; refusedDuring: number; outboxAfter: number }): void {
  const row = (label: string, xs: readonly Sample[], pick: (s: Sample) => number) =>
    `  ${label.padEnd(34)}${ms(percentile(xs.map(pick), 0.5)).padStart(9)}${ms(percentile(xs.map(pick), 0.95)).padStart(9)}${ms(Math.max(...xs.map(pick))).padStart(9)}`;
  const p95 = (xs: readonly Sample[]) => percentile(xs.map((s) => s.fromCommitMs), 0.95);
  const p50 = (xs: readonly Sample[]) => percentile(xs.map((s) => s.fromCommitMs), 0.5);
  console.log(
    [
      '',
      `New dispatch visible on a device (${settings.dispatches} dispatches per case; commit ~ dispatch response received)`,
      `  ${'case'.padEnd(34)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}`,
      row('empty outbox, from commit', options.baseline, (s) => s.fromCommitMs),
      row('empty outbox, from request sent', options.baseline, (s) => s.fromSendMs),
      row(`${settings.pending} pending + 1 failing, from commit`, options.loaded, (s) => s.fromCommitMs),
      row(`${settings.pending} pending + 1 failing, from sent`, options.loaded, (s) => s.fromSendMs),
      `  ratio loaded / empty: p50 ${(p50(options.loaded) / p50(options.baseline)).toFixed(2)}x, p95 ${(p95(options.loaded) / p95(options.baseline)).toFixed(2)}x`,
      `  pushes answered 503 during the loaded run: ${options.refusedDuring}; outbox at the end: ${options.outboxAfter}`,
      '  target: p95 <= 2000 ms with 100 pending and 1 failing action',
      '',
    ].join('\n'),
  );
}
