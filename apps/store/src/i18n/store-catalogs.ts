import { mergeCatalogList } from '@repo/i18n';
import { closeStrings } from '../features/close/close-strings.js';
import { deliveriesStrings } from '../features/deliveries/deliveries-strings.js';
import { dispatchStrings } from '../features/dispatch/dispatch-strings.js';
import { handoffStrings } from '../features/handoff/handoff-strings.js';
import { returnsStrings } from '../features/returns/returns-strings.js';
import { pickStrings } from '../features/pick/pick-strings.js';
import { proofStrings } from '../proof/proof-strings.js';
import { scannerStrings } from '../scanner/scanner-strings.js';
import { shellStrings } from '../shell/shell-strings.js';
import { syncStrings } from '../sync-status/sync-strings.js';

/**
 * The store app's own words, one catalog per feature (each next to its screens); zh-Hans is the
 * original and the others must have every key. A new feature adds its catalog to this list.
 */
export const storeCatalogs = mergeCatalogList(
  shellStrings, dispatchStrings, pickStrings, scannerStrings, syncStrings, handoffStrings, returnsStrings, deliveriesStrings, closeStrings,
  proofStrings,
);
