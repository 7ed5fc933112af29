import { Workbox } from 'workbox-window';
import { db, type MetaRow } from '../local-db/store-db.js';

type Listener = (updateReady: boolean) => void;
let workbox: Workbox | null = null;
let updateReady = false;
let updateRequested = false;
const listeners = new Set<Listener>();

/**
 * Registers the service worker. A new version waits until the person chooses to update, so it never
 * replaces the page in the middle of their work.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox('/store/sw.js', { scope: '/store/' });
  workbox.addEventListener('waiting', () => {
    updateReady = true;
    listeners.forEach((l) => l(true));
  });
  // Reload only the tab whose person asked for the update (workbox's isUpdate is false on a
  // page that was first opened uncontrolled, so it cannot be used here).
  workbox.addEventListener('controlling', () => {
    if (updateRequested) window.location.reload();
  });
  void workbox.register();
  // Ask once for storage the browser will not evict under pressure: the outbox lives there.
  void navigator.storage?.persist?.();
}

export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  listener(updateReady);
  return () => listeners.delete(listener);
}

/** Hands over to the waiting version, but never while a push is in flight: its answer would be lost with the page. */
export async function applyUpdate(): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 200) {
    const status = (await db.meta.get('status')) as Extract<MetaRow, { key: 'status' }> | undefined;
    if (!status?.pushing) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  updateRequested = true;
  workbox?.messageSkipWaiting();
}
