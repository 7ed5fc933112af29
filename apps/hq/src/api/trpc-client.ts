import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import { tap } from '@trpc/server/observable';
import type { AppRouter } from '@repo/server/app-router';

export type ApiClient = ReturnType<typeof createApiClient>;

export interface ApiClientOptions {
  readonly getToken: () => string | null;
  /** Called when the server no longer accepts the token, from whichever call found out first. */
  readonly onUnauthorized: () => void;
}

/** The console's tRPC client: same origin, the session's bearer token on every call. */
export function createApiClient({ getToken, onUnauthorized }: ApiClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      watchUnauthorized(onUnauthorized),
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Server-sent events (dispatch notices): EventSource sends no headers, so the token rides in the connection params.
        true: httpSubscriptionLink({ url: '/trpc', connectionParams: () => ({ token: getToken() ?? '' }) }),
        false: httpBatchLink({
          url: '/trpc',
          // The server refuses batches over its maxBatchSize (20).
          maxItems: 10,
          headers: () => {
            const token = getToken();
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        }),
      }),
    ],
  });
}

function watchUnauthorized(onUnauthorized: () => void): TRPCLink<AppRouter> {
  return () => ({ op, next }) =>
    next(op).pipe(
      tap({
        error: (error) => {
          // A failed login is also UNAUTHORIZED, but there is no session to end then.
          if (op.path !== 'auth.login' && error.data?.code === 'UNAUTHORIZED') onUnauthorized();
        },
      }),
    );
}
