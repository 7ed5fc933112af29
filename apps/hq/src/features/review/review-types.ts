import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@repo/server/app-router';

/** A web order in the review queue or on the call list, as `review.queue` and `review.callList` return it. */
export type ReviewItem = inferRouterOutputs<AppRouter>['review']['queue'][number];
