import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@repo/server/app-router';

type Outputs = inferRouterOutputs<AppRouter>;

/** Shapes the console reads, as the server's router returns them. */
export type CatalogCustomer = Outputs['catalog']['customers'][number];
export type CatalogProduct = Outputs['catalog']['products'][number];
export type CatalogStore = Outputs['catalog']['stores'][number];
export type OrderDetail = Outputs['orders']['get'];
export type OrderHistoryEntry = OrderDetail['history'][number];
export type CandidateRanking = Outputs['orders']['candidateStores'];
export type CandidateStore = CandidateRanking['candidates'][number];
export type LeftOutStore = CandidateRanking['leftOut'][number];
export type DispatchNotice = Outputs['dispatch']['waiting'][number];
export type LiveBoard = Outputs['orders']['board'];
export type LiveBoardRow = LiveBoard['rows'][number];
export type OrderOwner = Outputs['orders']['owners'][number];
export type CustomerMatch = Outputs['customers']['search'][number];
export type CustomerFile = Outputs['customers']['file'];
export type CustomerAddress = CustomerFile['addresses'][number];
export type CustomerFileOrder = CustomerFile['openOrders'][number];
