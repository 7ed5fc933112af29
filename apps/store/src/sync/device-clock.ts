import { db, type MetaRow } from '../local-db/store-db.js';

/**
 * This device's estimate of the server's clock. Handheld clocks are often minutes off; every
 * countdown and every time-based decision on the device (an offer's expiry, the undo window) uses
 * this, and the server stays the judge (docs/sync-protocol.md, device time).
 */
let offsetMs = 0;

/** The server's time as best this device knows it. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

export function serverNowMs(): number {
  return Date.now() + offsetMs;
}

/** Loads the last estimate, so a device restarted offline keeps counting down correctly. */
export async function loadClockOffset(): Promise<void> {
  const row = (await db.meta.get('clock')) as Extract<MetaRow, { key: 'clock' }> | undefined;
  if (row) offsetMs = row.offsetMs;
}

/**
 * Takes the server's time from an answer; the request took `sentAt`..`receivedAt` on this device,
 * so the server read its clock about halfway through (NTP's estimate, without the precision).
 */
export async function noteServerTime(serverTime: string | undefined, sentAt: number, receivedAt: number): Promise<void> {
  if (!serverTime) return;
  const server = new Date(serverTime).getTime();
  if (!Number.isFinite(server)) return;
  offsetMs = Math.round(server - (sentAt + receivedAt) / 2);
  await db.meta.put({ key: 'clock', offsetMs, measuredAt: new Date(receivedAt).toISOString() });
}
