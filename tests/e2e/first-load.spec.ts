import { expect, test, type Page } from '@playwright/test';
import { withCheckDigit } from '@repo/domain';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { StoreApp } from './fixtures/store-app.js';
import { tolerateSlowKeys } from './fixtures/wedge.js';

// The store app's first load is the shell, the inbox and their libraries; other screens, the sync
// engine, zod and the GS1 table are chunks loaded later, all precached by the service worker
// (issue 12; figures in docs/benchmarks.md, "First load of the store app").

const GS = '\u001d';
const caseCode = withCheckDigit('1690200000001'); // the demo catalogue's case of 24 农夫山泉 (ITF-14)

test('after an offline restart the inbox opens without the GS1 table, and the scan test screen brings it from the precache', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  await app.signIn('store13.manager');
  await app.waitForServiceWorker();
  await expect.poll(async () => (await app.rows('products')).length, { timeout: 15_000 }).toBe(300);

  await context.setOffline(true);
  await app.page.reload();
  await expect(app.page.getByRole('heading', { name: /派单收件箱/ })).toBeVisible();
  await expect(app.connectionStatus()).toContainText('离线');
  // The sync engine's chunk (with zod) follows the first render; the GS1 table is not part of either.
  await expect.poll(() => scriptsLoaded(app.page)).toContainEqual(expect.stringMatching(/\/sync-engine-/));
  expect(await scriptsLoaded(app.page)).not.toContainEqual(expect.stringMatching(/\/gs1-ai-table-/));

  await tolerateSlowKeys(app.page);
  await app.page.getByRole('button', { name: '设置' }).click();
  await app.page.getByRole('button', { name: '扫描测试' }).click();
  await expect(app.page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();
  // GS1-128 with lot and an expired date: read with the table, offline.
  await app.page.keyboard.type(`01${caseCode}10LOT7${GS}17200101`, { delay: 4 });
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('alertdialog')).toContainText('已过期');
  expect(await scriptsLoaded(app.page)).toContainEqual(expect.stringMatching(/\/gs1-ai-table-/));
  await context.close();
});

test('a screen whose chunk is gone (a tab left on the old version by an update) says so, and a reload opens it', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  await app.signIn('store13.manager');
  await app.waitForServiceWorker();

  // As when another tab's update cleaned the old precache: the settings screen's file is neither
  // in Cache Storage nor reachable.
  expect(await dropFromCaches(app.page, '/settings-screen-')).toBeGreaterThan(0);
  await context.setOffline(true);
  await app.page.getByRole('button', { name: '设置' }).click();
  const problem = app.page.getByRole('alert').filter({ hasText: '此页面未能打开' });
  await expect(problem).toContainText('未同步的操作不会丢失');
  await app.page.screenshot({ path: 'test-results/screens/store-screen-load-failed-360.png' });
  await expectNoSeriousA11yViolations(app.page, 'a screen that could not be loaded');

  // Back online the reload opens the version the server has; the screen's file, still missing from
  // the cache, comes from the network (held back a moment here to show the loading state).
  await context.setOffline(false);
  let releaseScreen = () => {};
  const screenHeld = new Promise<void>((resolve) => (releaseScreen = resolve));
  await context.route('**/assets/settings-screen-*.js', async (route) => {
    await screenHeld;
    await route.continue();
  });
  await problem.getByRole('button', { name: '重新加载' }).click();
  await expect(app.page.getByRole('heading', { name: /派单收件箱/ })).toBeVisible();
  await app.page.getByRole('button', { name: '设置' }).click();
  await expect(app.page.locator('main [aria-busy="true"]')).toContainText('正在打开');
  await app.page.screenshot({ path: 'test-results/screens/store-screen-loading-360.png' });
  releaseScreen();
  await expect(app.page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(app.page.locator('main [aria-busy="true"]')).toHaveCount(0);
  await context.close();
});

/** The script files this page has fetched (from the network or the service worker), by URL. */
function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.endsWith('.js')));
}

/** Deletes every Cache Storage entry whose URL contains `part`; returns how many. */
function dropFromCaches(page: Page, part: string): Promise<number> {
  return page.evaluate(async (fragment) => {
    let dropped = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (request.url.includes(fragment) && (await cache.delete(request))) dropped += 1;
      }
    }
    return dropped;
  }, part);
}
