import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** The store PWA in Debian's Chromium at a handheld's 360x640, signed in as a store user. */
export interface StoreDevice {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openStoreDevice(options: { baseUrl: string; username: string; password?: string }): Promise<StoreDevice> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ baseURL: options.baseUrl, serviceWorkers: 'allow', locale: 'zh-CN', viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto('/store/');
    await page.getByLabel('用户名').fill(options.username);
    await page.getByLabel('密码').fill(options.password ?? 'demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /派单收件箱/ }).waitFor({ timeout: 20_000 });
    // A controlled page can be reloaded offline.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    return { browser, context, page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Row counts of the app's object stores, read with the raw IndexedDB API (not the app's code). */
export function countRows(page: Page, stores: readonly string[], timeoutMs = 10_000): Promise<Record<string, number>> {
  return within(timeoutMs, 'row count', page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('store-app');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...stores],
  ));
}

/**
 * How many of `orderIds` the device lacks in `table` (default `orders`), or holds in another status
 * than `status` when one is given; read with the raw IndexedDB API. The ids are handed to the page
 * once per `key` and kept there, so each poll moves only a number.
 */
export function missingOrders(
  page: Page,
  options: { key: string; orderIds?: readonly string[]; table?: 'orders' | 'serverOrders'; status?: string; timeoutMs?: number },
): Promise<number> {
  const { key, orderIds, table = 'orders', status = null, timeoutMs = 10_000 } = options;
  return within(timeoutMs, 'order check', page.evaluate(
    ({ key, ids, table, status }) => {
      // No named helper functions in here: tsx would wrap them in a `__name` the page lacks.
      const sets = ((globalThis as { __loadExpected?: Map<string, Set<string>> }).__loadExpected ??= new Map());
      if (ids) sets.set(key, new Set(ids));
      const expected = sets.get(key);
      if (!expected) throw new Error(`no expected ids for ${key}`);
      return new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('store-app');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(table);
          const store = tx.objectStore(table);
          let missing = 0;
          if (status === null) {
            const request = store.getAllKeys();
            request.onsuccess = () => {
              const held = new Set(request.result as string[]);
              expected.forEach((id) => held.has(id) || (missing += 1));
            };
          } else {
            expected.forEach((id) => {
              const request = store.get(id);
              request.onsuccess = () => (request.result as { status?: string } | undefined)?.status === status || (missing += 1);
            });
          }
          tx.oncomplete = () => (open.result.close(), resolve(missing));
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { key, ids: orderIds ? [...orderIds] : null, table, status },
  ));
}

/** Polls `check` every `intervalMs` until it is true; false when `timeoutMs` passes first. */
export async function pollUntil(check: () => Promise<boolean>, options: { timeoutMs: number; intervalMs?: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
  return false;
}

/**
 * Rejects when `promise` takes longer than `timeoutMs`. `page.evaluate` has no timeout of its own,
 * and a callback that throws inside an IndexedDB event handler would otherwise hang the program.
 */
export async function within<T>(timeoutMs: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs)));
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
