import { Workbox } from 'workbox-window';

type Listener = (updateReady: boolean) => void;
let workbox: Workbox | null = null;
let updateReady = false;
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
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
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

export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
