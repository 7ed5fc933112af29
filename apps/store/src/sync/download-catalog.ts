import { db, type MetaRow } from '../local-db/store-db.js';
import { api } from '../session/session-store.js';

const refreshAfterMs = 12 * 3_600_000;

/**
 * Downloads head office's products and case codes (每日营业前下载) when the copy on the device is
 * missing or older than 12 hours, so scans resolve offline all day.
 */
export async function downloadCatalogIfStale(now = new Date()): Promise<void> {
  const last = (await db.meta.get('catalog')) as Extract<MetaRow, { key: 'catalog' }> | undefined;
  const fresh = last && now.getTime() - new Date(last.downloadedAt).getTime() < refreshAfterMs;
  // A device from before the clerk list was downloaded fetches it at once, not tomorrow.
  if (fresh && (await db.staff.count()) > 0) return;
  const catalog = await api.catalog.storeCatalog.query();
  await db.transaction('rw', [db.products, db.packagings, db.staff, db.meta], async () => {
    await db.products.clear();
    await db.packagings.clear();
    await db.staff.clear();
    await db.products.bulkPut(catalog.products);
    await db.packagings.bulkPut(catalog.packagings);
    await db.staff.bulkPut(catalog.clerks);
    await db.meta.put({ key: 'catalog', downloadedAt: now.toISOString() });
  });
}
