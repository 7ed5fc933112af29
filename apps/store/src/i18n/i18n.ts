import { mergeCatalogs, sharedCatalogs } from '@repo/i18n';
import { createI18n } from '@repo/i18n/react';
import { storeCatalogs } from './store-catalogs.js';

export const catalogs = mergeCatalogs(storeCatalogs, sharedCatalogs);
export const { I18nProvider, useI18n } = createI18n(catalogs, 'store.locale');
