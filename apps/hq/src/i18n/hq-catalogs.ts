import { mergeCatalogList } from '@repo/i18n';
import { boardStrings } from '../features/board/board-strings.js';
import { lateStrings } from '../features/board/late-strings.js';
import { dispatchStrings } from '../features/board/dispatch-strings.js';
import { orderStrings } from '../features/board/order-strings.js';
import { proofStrings } from '../features/proof/proof-strings.js';
import { shortStrings } from '../features/short/short-strings.js';
import { intakeStrings } from '../features/intake/intake-strings.js';
import { customersStrings } from '../features/customers/customers-strings.js';
import { reviewStrings } from '../features/review/review-strings.js';
import { sessionStrings } from '../session/session-strings.js';
import { callsStrings } from '../features/calls/calls-strings.js';
import { shellStrings } from '../shell/shell-strings.js';

/**
 * The console's own words, one catalog per feature (each next to its screens); zh-Hans is the
 * original and the others must have every key. A new feature adds its catalog to this list.
 */
export const hqCatalogList = [
  shellStrings, sessionStrings, intakeStrings, boardStrings, orderStrings, dispatchStrings, proofStrings, shortStrings, reviewStrings, callsStrings,
  lateStrings, customersStrings,
] as const;
export const hqCatalogs = mergeCatalogList(...hqCatalogList);

export type HqKey = keyof (typeof hqCatalogs)['zh-Hans'];
