import { randomUUID } from 'node:crypto';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { Order } from '@repo/domain';
import type { Mutation, PullResponse, PushResponse } from '@repo/sync/protocol';
import type { AppRouter } from '../routers/app-router.js';

type Api = TRPCClient<AppRouter>;

export interface NodeStoreDeviceOptions {
  /** Where the device connects: the load balancer, or one process. */
  readonly baseUrl: string;
  /** A store user's session token (one sign-in may serve several devices of a store). */
  readonly token: string;
  /** Called with each order id the first time a pull brings it, and the time it arrived. */
  readonly onOrderSeen?: (orderId: string, at: number) => void;
}

/**
 * A store handheld without the browser: the store app's protocol over the real HTTP API. It holds
 * a poke subscription (SSE, the token in connection params as the app sends it), pulls on every poke
 * from its cursor, keeps the store's orders in memory and pushes numbered mutations. Load tests and
 * the multi-process test run hundreds of these in one Node process.
 */
export class NodeStoreDevice {
  readonly clientId = randomUUID();
  /** The server's truth as this device last pulled it. */
  readonly orders = new Map<string, Order>();
  /** Which server answered each poke connection (HAProxy's x-served-by), in order. */
  readonly servedBy: string[] = [];
  pokes = 0;
  pulls = 0;
  pullFailures = 0;
  /** Why the last failed pull failed, for load reports. */
  lastPullError: string | null = null;
  #cursor: number | null = null;
  #lastMutationId = 0;
  #pulling: Promise<void> | null = null;
  #pullAgain = false;
  #subscription: { unsubscribe(): void } | null = null;
  readonly #api: Api;
  readonly #onOrderSeen: NodeStoreDeviceOptions['onOrderSeen'];

  constructor(options: NodeStoreDeviceOptions) {
    this.#onOrderSeen = options.onOrderSeen;
    this.#api = storeApi(options, (server) => this.servedBy.push(server));
  }

  /** Signs in through `auth.login` and returns the session token. */
  static async signIn(baseUrl: string, username: string, password = 'demo1234'): Promise<string> {
    const anonymous = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/trpc` })] });
    return (await anonymous.auth.login.mutate({ username, password })).token;
  }

  /** Opens the poke subscription; resolves on the first poke, which every new subscription gets. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      let first = true;
      this.#subscription = this.#api.sync.poke.subscribe(undefined, {
        onData: () => {
          this.pokes += 1;
          void this.pull();
          if (first) (first = false), resolve();
        },
        onError: (error) => (first ? reject(error) : undefined),
      });
    });
  }

  /** Pulls from the cursor; a pull asked for while one runs is made once more right after it. */
  pull(): Promise<void> {
    if (this.#pulling) {
      this.#pullAgain = true;
      return this.#pulling;
    }
    this.#pulling = (async () => {
      do {
        this.#pullAgain = false;
        try {
          this.#apply(await this.#api.sync.pull.mutate({ clientId: this.clientId, cursor: this.#cursor }));
        } catch (error) {
          // The next poke, or the reconnect's first poke, pulls again; nothing is lost meanwhile.
          this.pullFailures += 1;
          this.lastPullError = (error as Error).message;
        }
      } while (this.#pullAgain);
      this.#pulling = null;
    })();
    return this.#pulling;
  }

  /** Sends the next mutations, numbered after the last one the server applied. */
  async push(actions: readonly Pick<Mutation, 'name' | 'version' | 'args'>[]): Promise<PushResponse> {
    const mutations = actions.map((action, i) => ({ ...action, id: this.#lastMutationId + i + 1, createdAt: new Date().toISOString() }) as Mutation);
    const response = await this.#api.sync.push.mutate({ clientId: this.clientId, mutations });
    this.#lastMutationId = response.lastMutationId;
    return response;
  }

  close(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }

  #apply(response: PullResponse): void {
    this.pulls += 1;
    if (response.reset) this.orders.clear();
    const at = Date.now();
    for (const order of response.puts) {
      if (!this.orders.has(order.id)) this.#onOrderSeen?.(order.id, at);
      this.orders.set(order.id, order);
    }
    for (const id of response.deletes) this.orders.delete(id);
    this.#cursor = response.cursor;
    this.#lastMutationId = Math.max(this.#lastMutationId, response.lastMutationId);
  }
}

function storeApi({ baseUrl, token }: NodeStoreDeviceOptions, onConnected: (server: string) => void): Api {
  const url = `${baseUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          connectionParams: () => ({ token }),
          EventSource,
          eventSourceOptions: {
            fetch: async (input, init) => {
              const response = await fetch(input, init);
              onConnected(response.headers.get('x-served-by') ?? 'direct');
              return response;
            },
          },
        }),
        false: httpBatchLink({ url, headers: { authorization: `Bearer ${token}` } }),
      }),
    ],
  });
}
