import { decodeStoreAction, transition, type Actor, type Order, type StoreAction } from '@repo/domain';

/** An action waiting in the device's outbox. */
export interface PendingAction extends StoreAction {
  readonly id: number;
  readonly orderId: string;
  readonly createdAt: string;
}

/**
 * What the device shows for one order: the server's truth with the device's unsent actions replayed
 * on top, through the same lifecycle the server runs. Actions the server already applied (id at or
 * below `lastMutationId`) are part of the truth already; one that no longer fits is left for the
 * server to reject, so the screen shows truth rather than a guess.
 */
export function rebaseOrder<A extends PendingAction>(
  serverOrder: Order | undefined,
  pending: readonly A[],
  ctx: { actorOf: (action: A) => Actor; lastMutationId: number; appliedBy?: (action: A) => boolean },
): Order | undefined {
  // Which actions the truth already holds: by default every id up to the last applied; a device
  // shared by several people (one client each) says per action.
  const applied = ctx.appliedBy ?? ((action: A) => action.id <= ctx.lastMutationId);
  let view = serverOrder;
  for (const action of pending) {
    if (!view || applied(action)) continue;
    const decoded = decodeStoreAction(action);
    if (!decoded.ok || decoded.orderId !== view.id) continue;
    const next = transition(view, decoded.event, { actor: ctx.actorOf(action), now: new Date(action.createdAt) });
    if (next.ok) view = next.value;
  }
  return view;
}
