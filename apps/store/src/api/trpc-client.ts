import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from '@repo/server/app-router';

export type ApiClient = ReturnType<typeof createApiClient>;

/** A tRPC client that sends the session's bearer token; subscriptions carry it in connection params. */
export function createApiClient(getToken: () => string | null) {
  const url = '/trpc';
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, connectionParams: () => ({ token: getToken() ?? '' }) }),
        false: httpBatchLink({
          url,
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
