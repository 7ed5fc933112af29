import { EventEmitter, on } from 'node:events';
import type { Database } from '../db/database.js';
import type { StorePokes } from '../store-pokes.js';
import { expireDueOffers } from './offer-expiry.js';
import { settleReturnedOrders } from './redispatch.js';

export interface DispatcherOptions {
  readonly db: Database;
  readonly pokes: StorePokes;
  readonly autoRedispatch: boolean;
  readonly offerTtlMinutes: number;
  /** How often the timer looks for due offers and returned orders, with no one watching. */
  readonly tickMs: number;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

/**
 * The server's own dispatch clerk, one per process: on every tick it expires due offers and settles
 * orders that came back. Several processes on one database share the work through SKIP LOCKED, so
 * the timer needs no leader. `wake()` runs a tick now (a decline just arrived in this process).
 */
export class Dispatcher {
  readonly #options: DispatcherOptions;
  readonly #bell = new EventEmitter().setMaxListeners(0);
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(options: DispatcherOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer ??= setInterval(() => this.wake(), this.#options.tickMs);
    this.#timer.unref();
    this.wake();
  }

  /** Stops the timer and waits for a tick in progress, so the database can close after. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#again = false;
    await this.#running;
  }

  /** Runs a tick as soon as the current one (if any) ends; wakes during a tick coalesce into one. A stopped dispatcher ignores it. */
  wake(): void {
    if (!this.#timer) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => { this.#running = null; });
  }

  /** Yields whenever this process wrote dispatch notices, until `signal` aborts. */
  async *rings(signal: AbortSignal | undefined): AsyncGenerator<void> {
    for await (const _ of on(this.#bell, 'notice', signal ? { signal } : {})) yield;
  }

  /** One pass: expire, then settle; returns when nothing is left to do. Exposed for tests. */
  async tick(): Promise<{ expired: number; settled: number }> {
    const { db, pokes, autoRedispatch, offerTtlMinutes } = this.#options;
    const now = (this.#options.now ?? (() => new Date()))();
    const expiry = await expireDueOffers(db, { now });
    const settling = await settleReturnedOrders(db, { now, autoRedispatch, offerTtlMinutes });
    for (const storeId of new Set([...expiry.touched, ...settling.touched])) pokes.poke(storeId);
    if (settling.settled > 0) this.#bell.emit('notice');
    return { expired: expiry.expired, settled: settling.settled };
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.tick();
      } catch (error) {
        // A failed tick is retried on the next one; the rows it held were rolled back.
        this.#options.log?.(`Dispatch tick failed: ${(error as Error).message}`);
      }
    } while (this.#again);
  }
}
