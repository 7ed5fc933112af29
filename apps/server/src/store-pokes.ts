import { EventEmitter, on } from 'node:events';

/**
 * Contentless "something changed for store X" signals. A poke carries no data: the device pulls,
 * so a missed poke costs latency, never correctness.
 */
export class StorePokes {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  poke(storeId: string): void {
    this.#emitter.emit(storeId, Date.now());
  }

  /** Yields on every poke for `storeId` until `signal` aborts. */
  async *listen(storeId: string, signal: AbortSignal | undefined): AsyncGenerator<number> {
    for await (const [at] of on(this.#emitter, storeId, signal ? { signal } : {})) yield at as number;
  }
}
