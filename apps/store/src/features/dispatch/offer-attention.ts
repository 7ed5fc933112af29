import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import { db, type MetaRow } from '../../local-db/store-db.js';
import { playPattern, type Tone } from '../../scanner/feedback/scan-feedback.js';

/** A new offer rings like a shop-door chime, then again every 15 s until someone has seen it. */
const chime: { tones: readonly Tone[]; vibrate: readonly number[] } = {
  tones: [{ hz: 1319, ms: 160, gapMs: 60 }, { hz: 1047, ms: 160, gapMs: 60 }, { hz: 1568, ms: 260 }],
  vibrate: [300, 150, 300, 150, 300],
};
export const offerAlertRepeatMs = 15_000;

export interface OfferAttention {
  /** Offers on the device that nobody has seen yet (newest first). */
  readonly unseen: readonly string[];
  markSeen(orderIds: readonly string[]): Promise<void>;
}

/**
 * Offers get attention until seen: a chime and a vibration, repeated, and the tab title counts them
 * (a handheld in a pocket or a tab in the background still tells). Seen means the manager looked at
 * the offer or tapped 知道了 on the alert; it is kept in IndexedDB so a reload does not ring again.
 */
export function useOfferAttention(storeId: string, title: (count: number) => string, baseTitle: string): OfferAttention {
  const unseen = useLiveQuery(async () => {
    const [offers, row] = await Promise.all([
      db.orders.where('status').equals('offered').filter((o) => o.storeId === storeId).toArray(),
      db.meta.get('attention') as Promise<Extract<MetaRow, { key: 'attention' }> | undefined>,
    ]);
    const seen = new Set(row?.seenOffers ?? []);
    return offers.filter((o) => !seen.has(o.id)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((o) => o.id);
  }, [storeId]) ?? [];
  const count = unseen.length;

  useEffect(() => {
    document.title = count > 0 ? `${title(count)} · ${baseTitle}` : baseTitle;
    if (count === 0) return;
    playPattern(chime);
    const timer = setInterval(() => playPattern(chime), offerAlertRepeatMs);
    return () => clearInterval(timer);
  }, [count, title, baseTitle]);

  const markSeen = useCallback(async (orderIds: readonly string[]) => {
    await db.transaction('rw', db.meta, db.orders, async () => {
      const row = (await db.meta.get('attention')) as Extract<MetaRow, { key: 'attention' }> | undefined;
      // Keep only offers still on the device, so the list never grows without end.
      const offered = new Set(await db.orders.where('status').equals('offered').primaryKeys());
      const seen = [...new Set([...(row?.seenOffers ?? []), ...orderIds])].filter((id) => offered.has(id));
      await db.meta.put({ key: 'attention', seenOffers: seen });
    });
  }, []);

  return { unseen, markSeen };
}
