import { mergeCatalogList, sharedCatalogs } from '@repo/i18n';
import { createI18n } from '@repo/i18n/react';
import { devicesStrings } from '../features/devices/devices-strings.js';
import { dispatchStrings } from '../features/dispatch/dispatch-strings.js';
import { hqCatalogs } from './hq-catalogs.js';

export const catalogs = mergeCatalogList(hqCatalogs, dispatchStrings, devicesStrings, sharedCatalogs);
export const { I18nProvider, useI18n } = createI18n(catalogs, 'hq.locale');
