import type { Order, OrderTransition } from '@repo/domain';
import type { PushRejection } from '../protocol.js';

/** What apply-push needs from the server's database; PGlite and PostgreSQL both implement it. */
export interface PushDatabase {
  /** Runs `fn` in one transaction; a throw rolls everything in it back. */
  transaction<T>(fn: (tx: PushTransaction) => Promise<T>): Promise<T>;
}

/**
 * A push's round trips are per push, not per mutation: the lifecycle runs in memory on the locked
 * orders, and the results are written in a few set-based statements.
 */
export interface PushTransaction {
  /**
   * Locks the device's row until commit (creating it at 0 on first contact) and returns the last
   * mutation id applied for it. Null when the client id belongs to another store.
   */
  lockClient(clientId: string, storeId: string): Promise<number | null>;
  /**
   * Locks these orders in id order (so a push never deadlocks with another writer of them) and
   * returns their current truth. A missing id is simply absent from the map.
   */
  lockOrders(orderIds: readonly string[]): Promise<ReadonlyMap<string, Order>>;
  /** Which of these user ids are clerks of the store: a hand-off names a person the server must know. */
  storeClerks(storeId: string, userIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Who last changed each of these orders (name as the store knows them), to explain a refusal. */
  lastActors(orderIds: readonly string[]): Promise<ReadonlyMap<string, { userId: string; name: string }>>;
  /** The stored outcomes of already applied mutations, for replies to a replay. */
  findOutcomes(clientId: string, mutationIds: readonly number[]): Promise<ReadonlyMap<number, StoredOutcome>>;
  /** Records the outcomes of newly applied mutations and advances the device's last mutation id. */
  recordProgress(progress: { clientId: string; lastMutationId: number; outcomes: readonly RecordedOutcome[] }): Promise<void>;
  /**
   * Writes lifecycle steps in order (history, the orders' new rows, removals from a store) and
   * bumps the version of every store that sees a change, once; returns those stores. It takes the
   * store-wide version row, so callers run it last, just before commit.
   */
  saveTransitions(transitions: readonly OrderTransition[]): Promise<string[]>;
}

export type StoredOutcome = ({ readonly status: 'applied' } | { readonly status: 'rejected'; readonly rejection: PushRejection }) & {
  /** SHA-256 of the mutation's name, version and args; null for outcomes recorded before it was kept. */
  readonly actionHash?: string | null;
};

export interface RecordedOutcome {
  readonly mutationId: number;
  readonly outcome: StoredOutcome;
  readonly actionHash: string;
}
