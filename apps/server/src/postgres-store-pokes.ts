import pg from 'pg';
import { StorePokes } from './store-pokes.js';

/** The channel the store_versions trigger announces on (drizzle/0005_store_pokes.sql). */
export const storePokeChannel = 'store_pokes';
/** How the listening connection shows in pg_stat_activity. */
export const listenerApplicationName = 'store-pokes-listener';

const firstRetryMs = 100;
const lastRetryMs = 5_000;

export interface PostgresStorePokesOptions {
  readonly url: string;
  readonly log?: (message: string) => void;
}

/**
 * Pokes across every server process on one PostgreSQL ([SO1]-[SO3], docs/deploy.md). A trigger on
 * store_versions NOTIFYs inside the transaction that moves a store's version, so the notification
 * leaves at commit and never for a rollback. Each process LISTENs on one dedicated connection (not
 * a pool connection: LISTEN belongs to a session) and wakes its own subscribers.
 */
export class PostgresStorePokes extends StorePokes {
  readonly #url: string;
  readonly #log: (message: string) => void;
  #client: pg.Client | null = null;
  #retryMs = firstRetryMs;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  private constructor(options: PostgresStorePokesOptions) {
    super();
    this.#url = options.url;
    this.#log = options.log ?? ((message) => console.warn(message));
  }

  /** Resolves once LISTEN is in place, so no commit after start-up goes unheard; throws if it cannot. */
  static async start(options: PostgresStorePokesOptions): Promise<PostgresStorePokes> {
    const pokes = new PostgresStorePokes(options);
    await pokes.#connect();
    return pokes;
  }

  /**
   * Nothing to do: the commit's NOTIFY reaches every process, this one included. Delivering here as
   * well would wake each local device twice and double its pulls.
   */
  override poke(_storeId: string): void {}

  override async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, application_name: listenerApplicationName, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === storePokeChannel && message.payload) this.deliver(message.payload);
    });
    // Both may fire for one loss; #lost handles the first and ignores the rest.
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${storePokeChannel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) return void (await client.end().catch(() => undefined));
    this.#client = client;
    this.#retryMs = firstRetryMs;
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#client !== client) return;
    this.#client = null;
    void client.end().catch(() => undefined);
    this.#log(`Store pokes: the LISTEN connection was lost${error ? ` (${error.message})` : ''}; reconnecting.`);
    this.#reconnectLater();
  }

  #reconnectLater(): void {
    if (this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#connect().then(
        () => {
          this.#log('Store pokes: listening again.');
          // Commits made while nobody listened were not heard: every subscriber pulls once.
          for (const storeId of this.listenedStores()) this.deliver(storeId);
        },
        (error: unknown) => {
          this.#retryMs = Math.min(this.#retryMs * 2, lastRetryMs);
          this.#log(`Store pokes: reconnect failed (${(error as Error).message}); next try in ${this.#retryMs} ms.`);
          this.#reconnectLater();
        },
      );
    }, this.#retryMs);
  }
}
