/**
 * Starts the sync engine once its code has loaded. The inbox is drawn from IndexedDB alone, so the
 * engine's code (tRPC, the protocol's zod schemas, the loops, the proof uploader) is fetched after
 * the first render instead of before it. Returns a stop function that is safe to call before the
 * engine has started. `onLoadFailed` is called when the chunk cannot be loaded (a tab running a
 * version whose files an update removed).
 */
export function startSyncEngineLater(storeId: string, onLoadFailed: () => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  import('./sync-engine.js').then(
    ({ startSyncEngine }) => {
      if (!stopped) stop = startSyncEngine(storeId);
    },
    () => stopped || onLoadFailed(),
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
