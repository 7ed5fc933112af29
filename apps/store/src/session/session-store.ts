import { TRPCClientError } from '@trpc/client';
import { createApiClient } from '../api/trpc-client.js';
import { db, type StoredSession } from '../local-db/store-db.js';
import { forgetSession, rememberToken, sessionToken } from './session-token.js';

/** The device's API client; it always sends the token of the session in IndexedDB. */
export const api = createApiClient(sessionToken);

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

/**
 * Ends the session here and, when reachable, on the server. Queued actions and rejections stay on
 * the device and are sent after the next sign-in: signing out never loses work.
 */
export async function signOut(): Promise<void> {
  try {
    await api.auth.logout.mutate();
  } catch {
    // Offline or already expired: the token dies with its expiry anyway.
  }
  await forgetSession();
}
