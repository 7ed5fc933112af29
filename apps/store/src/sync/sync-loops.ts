import { TRPCClientError } from '@trpc/client';
import { retryDelayMs } from '@repo/sync/client';
import { pullResponseSchema, pushResponseSchema } from '@repo/sync/protocol';
import { db } from '../local-db/store-db.js';
import { api } from '../session/session-store.js';
import { applyPull } from './apply-pull.js';
import { noteServerTime } from './device-clock.js';
import { applyPushOutcomes } from './apply-push-outcomes.js';
import { ownerClient, type OwnerRow } from './client-identity.js';
import { rechainOutbox } from './rechain-outbox.js';
import { serial } from './serial.js';
import { setSyncStatus } from './sync-status.js';

// As many as the protocol takes in one push: the server applies a push in one transaction of six
// round trips whatever its size, while each push costs the device a settle and a pull.
const pushBatchSize = 500;

/**
 * The leader's two loops. Pull and push run independently, so a stuck upload never delays a new
 * dispatch coming down. Each loop runs one request at a time and coalesces wake-ups.
 */
export function createSyncLoops(storeId: string) {
  let stopped = false;
  let pushAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const pull = serial(async () => {
    if (stopped) return;
    try {
      const owner = await signedInClient();
      if (!owner) return;
      const { clientId } = owner;
      const last = (await db.meta.get('pull')) as { cursor: number; storeId: string } | undefined;
      const cursor = last?.storeId === storeId ? last.cursor : null;
      const sentAt = Date.now();
      const queue = await queueReport(clientId);
      const response = pullResponseSchema.parse(await api.sync.pull.mutate({ clientId, cursor, queue }));
      await noteServerTime(response.serverTime, sentAt, Date.now());
      if (stopped) return;
      await applyPull(storeId, response, new Date(), clientId);
      if (response.unsentElsewhere.length > 0) {
        await db.meta.put({ key: 'unsentElsewhere', orders: response.unsentElsewhere, at: new Date().toISOString() });
      }
      await setSyncStatus({ state: 'online', lastSyncedAt: new Date().toISOString() });
    } catch (error) {
      await reportFailure(error);
    }
  });

  const push = serial(async () => {
    clearTimeout(retryTimer);
    while (!stopped) {
      const owner = await signedInClient();
      if (!owner) return;
      const { clientId } = owner;
      // Only the signed-in person's actions, as that person; everyone else's wait for them.
      const batch = await db.outbox.orderBy('id').filter((e) => e.clientId === clientId).limit(pushBatchSize).toArray();
      if (batch.length === 0) return;
      try {
        await setSyncStatus({ pushing: true });
        const mutations = batch.map(({ id, name, version, args, createdAt, prev }) => ({ id, name, version, args, createdAt, ...(prev !== undefined ? { prev } : {}) }));
        const response = pushResponseSchema.parse(await api.sync.push.mutate({ clientId, mutations }));
        await applyPushOutcomes(response);
        // Pull right after: the server's truth now includes what was just applied.
        void pull();
        pushAttempt = 0;
        await setSyncStatus({ state: 'online', pushing: false, lastSyncedAt: new Date().toISOString() });
      } catch (error) {
        await setSyncStatus({ pushing: false });
        if (isGap(error)) {
          // The server is behind this device (restored from a backup): what it lacks is still here,
          // so number the queue to follow what it has and send it again.
          const response = pullResponseSchema.parse(await api.sync.pull.mutate({ clientId, cursor: null }));
          await rechainOutbox(clientId, response.lastMutationId);
          await applyPull(storeId, response, new Date(), clientId);
          continue;
        }
        if (await reportFailure(error)) return;
        pushAttempt += 1;
        retryTimer = setTimeout(() => void push(), retryDelayMs(pushAttempt));
        return;
      }
    }
  });

  return {
    pull,
    push,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}

/** Records why sync failed; true when retrying cannot help until the person acts (session expired). */
async function reportFailure(error: unknown): Promise<boolean> {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  if (code === 'UNAUTHORIZED') {
    await setSyncStatus({ state: 'session_expired', pushing: false });
    return true;
  }
  if (code === 'FORBIDDEN') {
    await setSyncStatus({ state: 'blocked', pushing: false, detail: 'FORBIDDEN' });
    return true;
  }
  await setSyncStatus({ state: navigator.onLine ? 'connecting' : 'offline' });
  return false;
}

/** What this person still has to send from this device, told to the server on every pull (SY48). */
async function queueReport(clientId: string) {
  const entries = await db.outbox.orderBy('id').filter((e) => e.clientId === clientId).toArray();
  const orderIds = [...new Set(entries.map((e) => e.orderId))].slice(0, 200);
  return { depth: entries.length, orderIds, ...(entries[0] ? { oldestAt: entries[0].createdAt } : {}) };
}

/** The signed-in person's sync client on this device; none while nobody is signed in. */
async function signedInClient(): Promise<OwnerRow | undefined> {
  const session = await db.session.get('current');
  const storeId = session?.user.storeId;
  if (!session || !storeId) return undefined;
  return db.transaction('rw', db.meta, db.outbox, () => ownerClient(storeId, session.user.id));
}

function isGap(error: unknown): boolean {
  return error instanceof TRPCClientError && typeof (error.data as { expectedMutationId?: unknown } | undefined)?.expectedMutationId === 'number';
}
