import { router } from '../trpc.js';
import { authRouter } from './auth-router.js';
import { catalogRouter } from './catalog-router.js';
import { inboxRouter } from './inbox-router.js';
import { ordersRouter } from './orders-router.js';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  orders: ordersRouter,
  inbox: inboxRouter,
});

/** The API's type: the only thing apps import from the server. */
export type AppRouter = typeof appRouter;
