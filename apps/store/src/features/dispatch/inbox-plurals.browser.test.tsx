import { afterEach, beforeEach, expect, test } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { page } from 'vitest/browser';
import type { Locale } from '@repo/i18n';
import { I18nProvider } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { DeviceBar } from '../../sync-status/device-bar.js';
import { applyPull } from '../../sync/apply-pull.js';
import { queueAction } from '../../sync/queue-action.js';
import { manager, offered } from '../../test/offered-order.js';
import { InboxScreen } from './inbox-screen.js';
import '../../shell/app.css';

// The inbox as a manager reading English sees it: counts come from Intl.PluralRules, not "(s)".
let root: Root | null = null;

/** An order whose offer runs 15 more minutes, as a fresh dispatch's does. */
const offer = (id: string) => ({ ...offered(id), offerExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });

function show(): void {
  document.body.innerHTML = '<div id="root"></div>';
  root = createRoot(document.getElementById('root')!);
  root.render(<I18nProvider><DeviceBar /><InboxScreen storeId="store-a" onOpen={() => {}} /></I18nProvider>);
}

async function signedIn(locale: Locale): Promise<void> {
  localStorage.setItem('store.locale', locale);
  await db.session.put({ key: 'current', token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: manager.userId, username: 'm', displayName: '王店长', role: 'store_manager', storeId: manager.storeId } });
}

beforeEach(async () => {
  await page.viewport(360, 640);
  await Promise.all(db.tables.map((t) => t.clear()));
});

afterEach(() => {
  root?.unmount();
  root = null;
  localStorage.removeItem('store.locale');
});

test('[I18N7] the English inbox with one order of one product, one action waiting, says "1 order", "1 product", "1 action"', async () => {
  await signedIn('en');
  await applyPull('store-a', { cursor: 1, reset: true, puts: [offer('o-1')], deletes: [], lastMutationId: 0 });
  expect(await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager)).toMatchObject({ ok: true });
  show();
  await expect.element(page.getByRole('heading', { name: /Dispatch inbox/ })).toHaveTextContent(/\b1 order$/);
  await expect.element(page.getByText(/· 1 product$/)).toBeVisible();
  await expect.element(page.getByRole('status')).toHaveTextContent(/1 action waiting \(oldest just now\)/);
  await page.screenshot({ path: '../../../../../test-results/screens/store-inbox-en-1-order-360.png' });
});

test('[I18N7] with two orders of two products the English inbox says "2 orders" and "2 products"; Chinese has one form', async () => {
  await signedIn('en');
  const two = { ...offer('o-2'), lines: [...offered('o-2').lines, { productId: 'q', gtin: '06901234567885', name: '牛奶', quantity: 2, confirmedQuantity: 2 }] };
  await applyPull('store-a', { cursor: 1, reset: true, puts: [two, { ...two, id: 'o-3', number: 'D-o-3' }], deletes: [], lastMutationId: 0 });
  show();
  await expect.element(page.getByRole('heading', { name: /Dispatch inbox/ })).toHaveTextContent(/\b2 orders$/);
  await expect.element(page.getByText(/· 2 products$/).first()).toBeVisible();
  await page.screenshot({ path: '../../../../../test-results/screens/store-inbox-en-2-orders-360.png' });

  root?.unmount();
  localStorage.setItem('store.locale', 'zh-Hans');
  show();
  await expect.element(page.getByRole('heading', { name: /派单收件箱/ })).toHaveTextContent(/2 个订单$/);
  await expect.element(page.getByText(/· 2 种商品$/).first()).toBeVisible();
});
