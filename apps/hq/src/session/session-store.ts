import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { toApiProblem } from '../api/api-problem.js';
import { createApiClient } from '../api/trpc-client.js';

const storageKey = 'hq.session';

const sessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
});
export type HqSession = z.infer<typeof sessionSchema>;

/** What the shell renders from: the session, or why there is none. */
export interface SessionState {
  readonly session: HqSession | null;
  /** True when the server ended the session, so the login can say why the user is back there. */
  readonly expired: boolean;
}

let state: SessionState = { session: readStoredSession(), expired: false };
const listeners = new Set<() => void>();

/** The console's API client; it always sends the current session's token. */
export const api = createApiClient({
  getToken: () => state.session?.token ?? null,
  onUnauthorized: () => {
    if (state.session) forgetSession(true);
  },
});

/** The current session's bearer token, for plain HTTP calls outside tRPC (proof photos). */
export function sessionToken(): string | null {
  return state.session?.token ?? null;
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

export type SignInFailure = 'failed' | 'throttled' | 'unreachable' | 'wrongApp';

/** Signs in and keeps the token in localStorage, so a reload or a new tab stays signed in. */
export async function signIn(username: string, password: string): Promise<SignInFailure | null> {
  try {
    const result = await api.auth.login.mutate({ username, password });
    // A store account's token is dropped unused; it expires on the server by itself.
    if (result.user.role !== 'hq') return 'wrongApp';
    const session: HqSession = { token: result.token, expiresAt: result.expiresAt, user: result.user };
    localStorage.setItem(storageKey, JSON.stringify(session));
    setState({ session, expired: false });
    return null;
  } catch (error) {
    const { code } = toApiProblem(error);
    if (code === 'TOO_MANY_REQUESTS') return 'throttled';
    if (code === 'UNAUTHORIZED' || code === 'BAD_REQUEST') return 'failed';
    return 'unreachable';
  }
}

/** Ends the session on the server when it can; the local copy goes either way. */
export async function signOut(): Promise<void> {
  try {
    await api.auth.logout.mutate();
  } catch {
    // Already expired or unreachable: the token dies with its expiry anyway.
  }
  forgetSession(false);
}

function forgetSession(expired: boolean): void {
  localStorage.removeItem(storageKey);
  setState({ session: null, expired });
}

function readStoredSession(): HqSession | null {
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
    return parsed.success && new Date(parsed.data.expiresAt) > new Date() ? parsed.data : null;
  } catch {
    return null;
  }
}

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing out in one tab signs out the others: they share the token.
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKey) setState({ session: readStoredSession(), expired: false });
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
