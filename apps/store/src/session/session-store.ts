import { TRPCClientError } from '@trpc/client';
import { createApiClient } from '../api/trpc-client.js';
import { db, type StoredSession } from '../local-db/store-db.js';

let currentToken: string | null = null;

/** The device's API client; it always sends the token of the session in IndexedDB. */
export const api = createApiClient(() => currentToken);

export function rememberToken(session: StoredSession | undefined): void {
  currentToken = session?.token ?? null;
}

export type SignInFailure = 'failed' | 'throttled' | 'offline' | 'wrongApp';

/** Signs in and keeps the session in IndexedDB so the app opens offline next time. */
export async function signIn(username: string, password: string): Promise<SignInFailure | null> {
  try {
    const result = await api.auth.login.mutate({ username, password });
    if (result.user.role === 'hq') return 'wrongApp';
    const session: StoredSession = { key: 'current', token: result.token, expiresAt: result.expiresAt, user: result.user };
    rememberToken(session);
    await db.session.put(session);
    return null;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const code = (error.data as { code?: string } | undefined)?.code;
      if (code === 'TOO_MANY_REQUESTS') return 'throttled';
      if (code === 'UNAUTHORIZED' || code === 'BAD_REQUEST') return 'failed';
    }
    return 'offline';
  }
}

/** Ends the session here and, when reachable, on the server; local orders of the store are cleared. */
export async function signOut(): Promise<void> {
  try {
    await api.auth.logout.mutate();
  } catch {
    // Offline or already expired: the token dies with its expiry anyway.
  }
  rememberToken(undefined);
  await db.transaction('rw', db.session, db.orders, db.meta, async () => {
    await db.session.clear();
    await db.orders.clear();
    await db.meta.clear();
  });
}
