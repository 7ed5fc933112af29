import { EventEmitter, on } from 'node:events';

/**
 * Contentless "something changed for store X" signals. A poke carries no data: the device pulls,
 * so a missed poke costs latency, never correctness.
 *
 * The same channel carries the telephone desk's screen pops, under the topic `cti:<user id>`
 * (`cti/cti-calls.ts`); store ids never contain ':'.
 *
 * This class delivers pokes within one process (PGlite: one process owns the database). Several
 * processes on one PostgreSQL use `PostgresStorePokes`, which hears every commit through LISTEN.
 */
export class StorePokes {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  /** Called after a commit that changed what `storeId` sees. */
  poke(storeId: string): void {
    this.deliver(storeId);
  }

  /** Yields on every poke for `storeId` until `signal` aborts. */
  async *listen(storeId: string, signal: AbortSignal | undefined): AsyncGenerator<number> {
    for await (const [at] of on(this.#emitter, eventOf(storeId), signal ? { signal } : {})) yield at as number;
  }

  /** Stops delivering; nothing to release in one process. */
  async close(): Promise<void> {}

  /** Wakes this process's subscribers of `storeId`. */
  protected deliver(storeId: string): void {
    this.#emitter.emit(eventOf(storeId), Date.now());
  }

  /** The stores that have a subscriber in this process right now. */
  protected listenedStores(): string[] {
    return this.#emitter.eventNames().flatMap((name) => (typeof name === 'string' && name.startsWith(prefix) ? [name.slice(prefix.length)] : []));
  }
}

// `events.on` also listens for 'error' and rejects on it: no store id may ever name that event.
const prefix = 'store:';
const eventOf = (storeId: string) => `${prefix}${storeId}`;
