// The Playwright provider's types give cdp() its typed send('Storage.…').
/// <reference types="@vitest/browser-playwright" />
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cdp, page } from 'vitest/browser';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { OrderScreen } from '../features/dispatch/order-screen.js';
import { I18nProvider } from '../i18n/i18n.js';
import { db } from '../local-db/store-db.js';
import { applyPull } from './apply-pull.js';
import { queueAction } from './queue-action.js';
import { manager, offered } from '../test/offered-order.js';

// The quota is Chromium's own (CDP Storage.overrideQuotaForOrigin), never a stubbed IndexedDB:
// the write fails the way it fails on a handheld whose storage is full.

const fillerName = 'sy39-filler';
let screen: Root | null = null;

function accept(orderId: string) {
  return { name: 'offer.accept', version: 1, args: { orderId } };
}

/**
 * Gives this origin a quota of `bytes`. Chromium's IndexedDB keeps the space the quota manager last
 * granted for up to 30 s (BucketContext::kBucketSpaceCacheTimeLimit), so a quota lowered after the
 * origin has written is ignored for that long; clearing the origin's IndexedDB drops that bucket,
 * and its next write asks the quota manager again.
 */
async function setQuota(bytes: number): Promise<void> {
  db.close();
  await cdp().send('Storage.clearDataForOrigin', { origin: location.origin, storageTypes: 'indexeddb' });
  await cdp().send('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize: bytes });
  await db.open();
}

/** Fills the quota with incompressible bytes until not even 64 more fit, as photos fill a phone. */
async function fillStorage(): Promise<void> {
  const filler = await openFiller();
  for (let size = 64 * 1024; size >= 64; size /= 2) while (await stored(filler, size));
  filler.close();
}

// Plain IndexedDB: the filler is not the app's data, and Dexie would log every refused chunk.
function openFiller(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(fillerName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('chunks', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function stored(filler: IDBDatabase, size: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const tx = filler.transaction('chunks', 'readwrite');
    tx.objectStore('chunks').add(crypto.getRandomValues(new Uint8Array(size)));
    tx.oncomplete = () => resolve(true);
    tx.onabort = () => (tx.error?.name === 'QuotaExceededError' ? resolve(false) : reject(tx.error));
  });
}

function deleteFiller(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(fillerName);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Every row of every table of the app's database: a refused action must leave all of it as it was. */
async function everything(): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

function show(element: ReactNode): void {
  const container = document.body.appendChild(document.createElement('div'));
  screen = createRoot(container);
  screen.render(element);
}

beforeEach(async () => {
  await setQuota(256 * 1024);
  await applyPull('store-a', { cursor: 1, reset: true, puts: [offered('o-1'), offered('o-2')], deletes: [], lastMutationId: 0 });
  // An action already waits in the outbox: the refused one must not disturb it.
  expect(await queueAction(accept('o-1'), manager)).toMatchObject({ ok: true, value: { id: 1 } });
});

afterEach(async () => {
  screen?.unmount();
  screen = null;
  document.body.replaceChildren();
  localStorage.removeItem('store.locale');
  // The next test file in this browser gets the normal quota back.
  await cdp().send('Storage.overrideQuotaForOrigin', { origin: location.origin });
  await deleteFiller();
});

test('[SY39] a full device refuses the action with STORAGE_FULL and writes nothing', async () => {
  await fillStorage();
  const before = await everything();

  const refused = await queueAction(accept('o-2'), manager);

  expect(refused).toEqual({ ok: false, rejection: { reason: 'STORAGE_FULL', message: 'The device storage is full.' } });
  expect(await everything()).toEqual(before);
  expect(await db.outbox.toArray()).toMatchObject([{ id: 1, orderId: 'o-1' }]);
  expect((await db.orders.get('o-2'))?.status).toBe('offered');
  // It was the space, not the action: once space is freed the same action is saved, as number 2.
  await deleteFiller();
  expect(await queueAction(accept('o-2'), manager)).toMatchObject({ ok: true, value: { id: 2, orderId: 'o-2' } });
});

test('[SY39] tapping 接单 on a full device tells the manager the phone storage is full', async () => {
  localStorage.setItem('store.locale', 'zh-Hans');
  await fillStorage();
  show(<I18nProvider><OrderScreen orderId="o-2" actor={manager} onBack={() => {}} onStep={() => {}} /></I18nProvider>);

  await page.getByRole('button', { name: '接单', exact: true }).click();

  await expect.element(page.getByRole('alert')).toHaveTextContent('手机存储空间已满，无法保存。请清理照片或其他应用后重试。');
  expect((await db.orders.get('o-2'))?.status).toBe('offered');
  expect(await db.outbox.count()).toBe(1);
});
