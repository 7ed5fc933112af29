import { db, type StoredSession } from '../local-db/store-db.js';

// Apart from the API client (session-store.ts), so the shell and its banners can read and drop the
// session without loading tRPC before the inbox is drawn.
let currentToken: string | null = null;

/** The bearer token of the session in IndexedDB, for the API client and plain HTTP calls (proof uploads). */
export function sessionToken(): string | null {
  return currentToken;
}

export function rememberToken(session: StoredSession | undefined): void {
  currentToken = session?.token ?? null;
}

/** Drops only the session (for an expired one): everything else waits for the next sign-in. */
export async function forgetSession(): Promise<void> {
  rememberToken(undefined);
  await db.session.clear();
}
