import { randomUUID } from 'node:crypto';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { CtiPop } from '../cti/cti-calls.js';
import { ctiSignatureHeaders } from '../http/cti-signature.js';
import type { AppRouter } from '../routers/app-router.js';

/** A test secret of the length env.ts asks for. */
export const testCtiSecret = 'test-cti-secret-0123456789abcdef-0123';

export interface RingOptions {
  readonly secret?: string;
  /** When the switch signed it; now by default. */
  readonly signedAt?: Date;
  /** Raw body to send instead of the call as JSON (malformed input). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

/** A call as the switch announces it, with a fresh call id. */
export function aCall(extension: string, overrides: Record<string, unknown> = {}) {
  return { callId: `call-${randomUUID()}`, caller: '+86 138 0013 8000', called: '400-820-8820', extension, ...overrides };
}

/** The telephone system's side: a real signed HTTP POST to the webhook. */
export async function ring(baseUrl: string, call: unknown, options: RingOptions = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = options.rawBody ?? JSON.stringify(call);
  const response = await fetch(`${baseUrl}/api/cti/incoming-call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(options.secret ?? testCtiSecret, body, options.signedAt), ...options.headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** An agent's console over real HTTP: queries by bearer token, pops over server-sent events. */
export function agentConsole(baseUrl: string, token: string): TRPCClient<AppRouter> {
  const url = `${baseUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url, connectionParams: () => ({ token }), EventSource }),
      false: httpBatchLink({ url, headers: { authorization: `Bearer ${token}` } }),
    })],
  });
}

/** Collects the pops a console receives until stopped; `next()` waits for the next unseen one. */
export class PopCollector {
  readonly pops: CtiPop[] = [];
  /** Why the subscription ended, if it did. */
  failure: unknown = null;
  #waiters: (() => void)[] = [];
  #subscription: { unsubscribe(): void };
  readonly started: Promise<void>;

  constructor(client: TRPCClient<AppRouter>, input: { since?: string; lastEventId?: string } = {}, onPop?: (pop: CtiPop) => void) {
    let started!: () => void;
    this.started = new Promise((resolve) => (started = resolve));
    this.#subscription = client.cti.pops.subscribe(input, {
      onStarted: () => started(),
      onError: (error) => {
        this.failure = error;
        for (const wake of this.#waiters.splice(0)) wake();
      },
      onData: (event) => {
        const pop = event.data;
        onPop?.(pop);
        this.pops.push(pop);
        for (const wake of this.#waiters.splice(0)) wake();
      },
    });
  }

  /** Resolves with the pop for `callId` once it has arrived, or rejects after `ms`. */
  async waitFor(callId: string, ms = 5_000): Promise<CtiPop> {
    const deadline = Date.now() + ms;
    for (;;) {
      const pop = this.pops.find((p) => p.callId === callId);
      if (pop) return pop;
      if (this.failure) throw new Error(`the pops subscription failed: ${String(this.failure)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no pop for ${callId} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  stop(): void {
    this.#subscription.unsubscribe();
  }
}
