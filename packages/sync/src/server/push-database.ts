import type { Actor, OrderEvent, Result } from '@repo/domain';
import type { PushRejection } from '../protocol.js';

/** What apply-push needs from the server's database; PGlite and PostgreSQL both implement it. */
export interface PushDatabase {
  /** Runs `fn` in one transaction; a throw rolls everything in it back. */
  transaction<T>(fn: (tx: PushTransaction) => Promise<T>): Promise<T>;
}

export interface PushTransaction {
  /**
   * Locks the device's row until commit (creating it at 0 on first contact) and returns the last
   * mutation id applied for it. Null when the client id belongs to another store.
   */
  lockClient(clientId: string, storeId: string): Promise<number | null>;
  /** Locks these orders in id order, so a push never deadlocks with another writer of them. */
  lockOrders(orderIds: readonly string[]): Promise<void>;
  setLastMutationId(clientId: string, mutationId: number): Promise<void>;
  recordOutcomes(clientId: string, outcomes: readonly { mutationId: number; outcome: StoredOutcome }[]): Promise<void>;
  findOutcome(clientId: string, mutationId: number): Promise<StoredOutcome | null>;
  /**
   * Runs a lifecycle event against current truth; returns the stores that see the change. A
   * rejection must be decided before anything is written, so a refused event leaves no trace.
   */
  applyOrderEvent(change: { orderId: string; event: OrderEvent; actor: Actor; now: Date }): Promise<Result<string[]>>;
}

export type StoredOutcome = { readonly status: 'applied' } | { readonly status: 'rejected'; readonly rejection: PushRejection };
