import { beforeEach, expect, test } from 'vitest';
import { createRoot } from 'react-dom/client';
import { page } from 'vitest/browser';
import { OfferClock } from '../features/dispatch/inbox-screen.js';
import { I18nProvider } from '../i18n/i18n.js';
import { db } from '../local-db/store-db.js';
import { manager, offered } from '../test/offered-order.js';
import { applyPull } from './apply-pull.js';
import { loadClockOffset, noteServerTime, serverNowMs } from './device-clock.js';
import { queueAction } from './queue-action.js';

const minute = 60_000;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  localStorage.setItem('store.locale', 'zh-Hans');
});

/** Tells the device the server's clock reads `skewMs` away from its own, as a pull answer would. */
async function serverClockAt(skewMs: number): Promise<void> {
  const sent = Date.now();
  await noteServerTime(new Date(sent + skewMs).toISOString(), sent, sent);
}

function show(node: React.ReactNode): void {
  document.body.innerHTML = '<div id="root"></div>';
  createRoot(document.getElementById('root')!).render(<I18nProvider>{node}</I18nProvider>);
}

test.each([
  ['20 minutes fast', -20 * minute],
  ['20 minutes slow', 20 * minute],
  ['right', 0],
])('[SY44] a 15-minute offer counts down from 15 on a device whose clock is %s', async (_label, skewMs) => {
  await serverClockAt(skewMs);
  const expiresAt = new Date(serverNowMs() + 15 * minute).toISOString();
  show(<OfferClock expiresAt={expiresAt} now={Date.now()} />);
  await expect.element(page.getByText('15 分钟内接单')).toBeVisible();
});

test('[SY44] a device 20 minutes fast still accepts an offer the server holds open, and 20 minutes slow refuses one that has expired', async () => {
  await serverClockAt(-20 * minute);
  const open = { ...offered('o-open'), offerExpiresAt: new Date(serverNowMs() + 5 * minute).toISOString() };
  await applyPull('store-a', { cursor: 1, reset: true, puts: [open], deletes: [], lastMutationId: 0 });
  expect(await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-open' } }, manager)).toMatchObject({ ok: true });

  await serverClockAt(20 * minute);
  const gone = { ...offered('o-gone'), offerExpiresAt: new Date(Date.now() + 5 * minute).toISOString() };
  await applyPull('store-a', { cursor: 2, reset: true, puts: [gone], deletes: [], lastMutationId: 0 });
  expect(await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-gone' } }, manager)).toMatchObject({ ok: false, rejection: { reason: 'OFFER_EXPIRED' } });
});

test('[SY44] the estimate survives a restart: it is kept on the device', async () => {
  await serverClockAt(7 * minute);
  const row = await db.meta.get('clock');
  expect(row).toMatchObject({ key: 'clock', offsetMs: 7 * minute });
  await serverClockAt(0);
  await db.meta.put({ key: 'clock', offsetMs: 7 * minute, measuredAt: new Date().toISOString() });
  await loadClockOffset();
  expect(Math.round((serverNowMs() - Date.now()) / 1000)).toBe(7 * 60);
});
