import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqConsole } from './fixtures/hq-console.js';
import { OwnServer } from './fixtures/own-server.js';
import { StoreApp } from './fixtures/store-app.js';

/**
 * Dispatch with offer expiry (docs/dispatch.md): a server of its own with 15-second offers and a
 * 1-second dispatch tick, so the shared server keeps its defaults for the other specs. It serves
 * the apps the shared web server just built.
 */
let server: OwnServer;
let baseURL = '';

test.beforeAll(async () => {
  server = await OwnServer.start('dispatch', { OFFER_TTL_MINUTES: '0.25', DISPATCH_TICK_SECONDS: '1', AUTO_REDISPATCH: 'on' });
  baseURL = server.baseURL;
});

test.afterAll(() => server?.stop());

test('the best store lets the offer expire, the server re-offers it to the next store, whose manager accepts', async ({ browser }) => {
  test.setTimeout(150_000);
  // The next store's manager has the app open: the re-offer arrives there by itself.
  const storeContext = await browser.newContext({ baseURL, serviceWorkers: 'allow', locale: 'zh-CN' });
  const store = await StoreApp.open(storeContext);
  await store.signIn('store13.manager');

  const hqContext = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const hq = await HqConsole.open(hqContext);
  await hq.signIn();
  // 周军 (c-001) lives between 徐家汇店 (1.6 km) and 打浦桥店 (1.7 km); water is stocked everywhere.
  const number = await hq.takeOrder('周军', [{ search: '农夫山泉', quantity: 2 }]);
  await hq.page.getByRole('link', { name: '派单看板', exact: true }).click();
  await hq.page.getByRole('link', { name: number }).click();
  await hq.page.getByRole('button', { name: '派单到门店', exact: true }).click();

  const panel = hq.page.getByRole('form', { name: '派单到门店' });
  const best = panel.getByRole('button', { name: '派给最佳门店：徐家汇店' });
  await expect(best).toBeVisible();
  // Each candidate: distance, stock, devices; the closed 曹家渡店 and far stores are left out with why.
  await expect(panel.getByRole('radio', { name: '打浦桥店' })).toBeVisible();
  await expect(panel.getByRole('radio', { name: '徐家汇店' })).toHaveAccessibleDescription(/公里.*库存齐全.*(在线|离线)/);
  await expect(panel.getByRole('radio', { name: '曹家渡店' })).toHaveCount(0);
  await hq.page.screenshot({ path: 'test-results/screens/hq-dispatch-panel-1280x800.png' });
  await hq.page.setViewportSize({ width: 1366, height: 768 });
  await hq.page.screenshot({ path: 'test-results/screens/hq-dispatch-panel-1366x768.png' });
  await panel.getByText(/未列入的门店/).click();
  await expect(panel.getByText(/曹家渡店 · .* · 未营业/)).toBeVisible();
  await expect(panel.getByText(/人民广场店 · .* · 超出送货范围/)).toBeVisible();
  await hq.page.screenshot({ path: 'test-results/screens/hq-dispatch-left-out-1366x768.png' });
  await expectNoSeriousA11yViolations(hq.page, 'dispatch panel');

  await best.click();
  const waitingNotice = hq.page.getByRole('status').filter({ hasText: '已派单给徐家汇店，等待门店接单' });
  await expect(waitingNotice).toBeVisible();

  // No one at 徐家汇店 answers. 15 s later the server expires the offer and re-offers it by itself.
  const notice = hq.page.getByRole('region', { name: '门店回退通知' });
  await expect(notice).toContainText(`徐家汇店未在时限内接单，派单已超时（订单 ${number}）`, { timeout: 40_000 });
  await expect(notice).toContainText('已自动转派给打浦桥店');
  // The "waiting" notice goes with the offer it spoke of.
  await expect(waitingNotice).toHaveCount(0, { timeout: 10_000 });
  await hq.page.screenshot({ path: 'test-results/screens/hq-dispatch-expired-notice-1366x768.png' });
  await expectNoSeriousA11yViolations(hq.page, 'dispatch notice');

  // The notice is there on every screen of the console, not only the board.
  await hq.page.getByRole('link', { name: '接单', exact: true }).click();
  await expect(notice).toContainText('已自动转派给打浦桥店');

  // 打浦桥店's manager sees the new offer and accepts it in time.
  await expect(store.orderCard(number)).toBeVisible({ timeout: 15_000 });
  await store.accept(number);
  await store.waitForEmptyOutbox();
  await hq.page.getByRole('link', { name: `查看订单 ${number}` }).first().click();
  await expect(hq.page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
  await expect(hq.page.locator('.order-detail')).toContainText('已接单', { timeout: 10_000 });
  await hqContext.close();
  await storeContext.close();
});
