import { db, type MetaRow } from '../local-db/store-db.js';
import { createProofUploader } from '../proof/proof-uploader.js';
import { api } from '../session/session-store.js';
import { sessionToken } from '../session/session-token.js';
import { downloadCatalogIfStale } from './download-catalog.js';
import { onKick } from './sync-kick.js';
import { createSyncLoops } from './sync-loops.js';
import { setSyncStatus } from './sync-status.js';

const lockName = 'store-sync-leader';
const heartbeatMs = 2000;
/** A leader silent this long is taken to be frozen, and another tab takes over. */
const staleLeaderMs = 8000;

/**
 * Starts syncing for this tab. Tabs elect one leader with the Web Locks API; only the leader talks
 * to the server, every tab writes to the same outbox. Returns a function that stops everything.
 */
export function startSyncEngine(storeId: string): () => void {
  const tabId = crypto.randomUUID();
  let stopLeading: (() => void) | null = null;
  let released: (() => void) | null = null;
  let stopped = false;

  const lead = async () => {
    stopLeading = runLeader(storeId, tabId);
    await new Promise<void>((resolve) => (released = resolve));
  };
  const onLost = () => {
    stopLeading?.();
    stopLeading = null;
  };
  const request = (steal: boolean) =>
    navigator.locks.request(lockName, steal ? { steal: true } : {}, lead).then(onLost, onLost);

  void request(false);
  // A frozen leader keeps its lock: take it over when its heartbeat stops.
  const watchdog = setInterval(async () => {
    if (stopped || stopLeading) return;
    const leader = (await db.meta.get('leader')) as Extract<MetaRow, { key: 'leader' }> | undefined;
    if (leader && Date.now() - leader.heartbeatAt > staleLeaderMs) void request(true);
  }, heartbeatMs);

  return () => {
    stopped = true;
    clearInterval(watchdog);
    stopLeading?.();
    stopLeading = null;
    (released as (() => void) | null)?.();
  };
}

function runLeader(storeId: string, tabId: string): () => void {
  const loops = createSyncLoops(storeId);
  // Proof photos travel apart from the action queue; a kick (a new action with its photo) wakes both.
  const uploads = createProofUploader(sessionToken);
  const syncAll = () => {
    void loops.pull();
    void loops.push();
    uploads.kick();
    // The catalogue is a convenience for scanning; failing to refresh it must not disturb sync.
    downloadCatalogIfStale().catch(() => undefined);
  };
  const beat = () => void db.meta.put({ key: 'leader', tabId, heartbeatAt: Date.now() });
  beat();
  const heartbeat = setInterval(beat, heartbeatMs);
  const subscription = api.sync.poke.subscribe(undefined, {
    onData: () => void loops.pull(),
    onError: () => void setSyncStatus({ state: navigator.onLine ? 'connecting' : 'offline' }),
  });
  const onOnline = () => syncAll();
  const onOffline = () => void setSyncStatus({ state: 'offline' });
  const onVisible = () => document.visibilityState === 'visible' && syncAll();
  const stopKick = onKick(() => {
    void loops.push();
    uploads.kick();
  });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(syncAll, 30_000);
  void setSyncStatus({ state: navigator.onLine ? 'connecting' : 'offline', pushing: false });
  syncAll();

  return () => {
    loops.stop();
    uploads.stop();
    subscription.unsubscribe();
    stopKick();
    clearInterval(timer);
    clearInterval(heartbeat);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
