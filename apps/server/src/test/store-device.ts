import { randomUUID } from 'node:crypto';
import type { Mutation } from '@repo/sync/protocol';
import type { TestServer } from './test-chain.js';

/** A store device signed in as a user: numbers its own mutations like the app's outbox and pushes them one by one. */
export function storeDevice(server: TestServer, token: string) {
  const clientId = randomUUID();
  let next = 1;
  return {
    clientId,
    async send(name: string, args: Record<string, unknown>) {
      const mutation: Mutation = { id: next++, name, version: 1, args, createdAt: new Date().toISOString() };
      const { outcomes } = await server.caller(token).sync.push({ clientId, mutations: [mutation] });
      return outcomes[0]!;
    },
  };
}
