import { mergeCatalogs, sharedCatalogs } from '@repo/i18n';
import { createI18n } from '@repo/i18n/react';
import { hqCatalogs } from './hq-catalogs.js';

export const catalogs = mergeCatalogs(hqCatalogs, sharedCatalogs);
export const { I18nProvider, useI18n } = createI18n(catalogs, 'hq.locale');
