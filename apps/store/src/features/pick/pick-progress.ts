import type { Actor, OrderLine, Result } from '@repo/domain';
import { db, type MetaRow, type OutboxEntry, type PickProgress } from '../../local-db/store-db.js';
import { clientIdentity } from '../../sync/client-identity.js';
import { queueAction } from '../../sync/queue-action.js';
import { reconcileWithDecision, type FinishPlan } from './pick-tally.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/** This device's sync client id, created on first use: the `device` a pick belongs to. */
export async function thisDevice(): Promise<string> {
  const row = (await db.meta.get('client')) as Extract<MetaRow, { key: 'client' }> | undefined;
  if (row) return row.clientId;
  return db.transaction('rw', db.meta, async () => (await clientIdentity()).clientId);
}

/** A pick not started yet on this device, for an order that is already picking here (after a decision). */
export function freshProgress(orderId: string, device: string): PickProgress {
  return { orderId, device, startedAt: new Date().toISOString(), scans: [], short: {} };
}

/**
 * Saves the pick as it stands, on its own small strict transaction ([PK7]): the scan is on disk
 * before the screen says it counted.
 */
export async function saveProgress(progress: PickProgress): Promise<void> {
  await db.picks.put(progress);
}

/** Queues `pick.start` for this handheld and creates its empty pick, together or not at all ([PK10]). */
export async function startPick(orderId: string, actor: StoreActor): Promise<Result<OutboxEntry>> {
  const device = await thisDevice();
  return queueAction({ name: 'pick.start', version: 1, args: { orderId, device } }, actor, {
    alsoWrites: [db.picks],
    attach: async () => {
      // A pick saved before (an earlier start that synced, then a reload) is kept, never restarted.
      if (!(await db.picks.get(orderId))) await db.picks.add(freshProgress(orderId, device));
    },
  });
}

/**
 * Queues the end of the pick ([PK9]). A full pick sends `pick.finish` and removes the saved pick in
 * the same transaction, so a finished pick is never redone. A short report sends
 * `pick.report_short` and keeps the pick, marked with the lines as they were, so that head
 * office's decision can be applied to what is already in the basket ([PK11]).
 */
export async function queueFinish(options: {
  progress: PickProgress;
  lines: readonly OrderLine[];
  plan: Extract<FinishPlan, { kind: 'finish' | 'report_short' }>;
  actor: StoreActor;
}): Promise<Result<OutboxEntry>> {
  const { progress, plan, actor } = options;
  const args = plan.kind === 'finish'
    ? { orderId: progress.orderId, device: progress.device, picked: plan.picked }
    : { orderId: progress.orderId, device: progress.device, available: plan.available };
  const name = plan.kind === 'finish' ? 'pick.finish' : 'pick.report_short';
  return queueAction({ name, version: 1, args }, actor, {
    alsoWrites: [db.picks],
    attach: (entry) =>
      plan.kind === 'finish'
        ? db.picks.delete(progress.orderId)
        : db.picks.put({ ...progress, reportedShort: { at: entry.createdAt, lines: options.lines } }),
  });
}

/**
 * Applies head office's decision on a short to the saved pick, once: reads and writes in one
 * transaction so two tabs never apply it twice. Returns the pick as it is afterwards, and whether
 * this call changed it.
 */
export async function applyDecision(orderId: string, lines: readonly OrderLine[]): Promise<{ progress: PickProgress | undefined; applied: boolean }> {
  return db.transaction('rw', db.picks, async () => {
    const progress = await db.picks.get(orderId);
    if (!progress?.reportedShort) return { progress, applied: false };
    const { progress: next, resolution, changes } = reconcileWithDecision(progress, progress.reportedShort.lines, lines);
    const decided: PickProgress = { ...next, decision: { resolution, changes, at: new Date().toISOString() } };
    await db.picks.put(decided);
    return { progress: decided, applied: true };
  });
}

/** The manager has read the decision. */
export async function dismissDecision(progress: PickProgress): Promise<PickProgress> {
  const { decision: _read, ...rest } = progress;
  await db.picks.put(rest);
  return rest;
}

/** The order left the store (re-dispatched, cancelled): its saved pick means nothing any more. */
export async function dropPick(orderId: string): Promise<void> {
  await db.picks.delete(orderId);
}
