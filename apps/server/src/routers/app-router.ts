import { router } from '../trpc.js';
import { authRouter } from './auth-router.js';
import { catalogRouter } from './catalog-router.js';
import { customersRouter } from './customers-router.js';
import { ctiRouter } from './cti-router.js';
import { devicesRouter } from './devices-router.js';
import { dispatchRouter } from './dispatch-router.js';
import { ordersRouter } from './orders-router.js';
import { reviewRouter } from './review-router.js';
import { syncRouter } from './sync-router.js';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  customers: customersRouter,
  devices: devicesRouter,
  dispatch: dispatchRouter,
  orders: ordersRouter,
  sync: syncRouter,
  review: reviewRouter,
  cti: ctiRouter,
});

/** The API's type: the only thing apps import from the server. */
export type AppRouter = typeof appRouter;
