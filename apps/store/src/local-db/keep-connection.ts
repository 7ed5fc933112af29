import type Dexie from 'dexie';

/**
 * Keeps the app's IndexedDB connection usable. When another tab opens a newer schema, this old code
 * must not block it or keep writing with the old schema: close and reload into the new version
 * (the outbox is on disk, nothing is lost). When the browser drops the connection, open it again.
 */
export function keepConnection(db: Dexie, reload: () => void = () => window.location.reload()): void {
  let superseded = false;
  db.on('versionchange', () => {
    superseded = true;
    db.close();
    reload();
    return false;
  });
  db.on('close', () => {
    if (!superseded) void db.open().catch(() => reload());
  });
}
