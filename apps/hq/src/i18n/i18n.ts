import { mergeCatalogList, sharedCatalogs } from '@repo/i18n';
import { createI18n } from '@repo/i18n/react';
import { dispatchStrings } from '../features/dispatch/dispatch-strings.js';
import { hqCatalogs } from './hq-catalogs.js';

export const catalogs = mergeCatalogList(hqCatalogs, dispatchStrings, sharedCatalogs);
export const { I18nProvider, useI18n } = createI18n(catalogs, 'hq.locale');
