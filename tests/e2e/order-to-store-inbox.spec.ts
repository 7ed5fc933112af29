import { expect, test } from '@playwright/test';
import { HqConsole } from './fixtures/hq-console.js';
import { StoreApp } from './fixtures/store-app.js';

test('an order taken and dispatched in the head-office console appears in the store inbox live, and stays there offline after a reload', async ({ browser }) => {
  const storeContext = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const store = await StoreApp.open(storeContext);
  await store.signIn('store01.manager');
  await store.waitForServiceWorker();

  // Head office takes an order on the phone and dispatches it to 徐家汇店 while the manager watches.
  const hqContext = await browser.newContext({ locale: 'zh-CN' });
  const hq = await HqConsole.open(hqContext);
  await hq.signIn();
  // 周军 (c-001) lives within 徐家汇店's delivery radius (docs/dispatch.md DS1).
  const number = await hq.takeOrder('周军', [{ search: '农夫山泉', quantity: 2 }, { search: '牛奶', quantity: 1 }]);
  await hq.page.screenshot({ path: 'test-results/screens/hq-intake-1280.png' });
  await hq.dispatch(number, '徐家汇店');
  await hq.page.screenshot({ path: 'test-results/screens/hq-dispatched-1280.png' });

  await expect(store.orderCard(number)).toBeVisible();
  await expect(store.orderCard(number)).toContainText('待接单');
  await expect(store.connectionStatus()).toContainText('在线');
  expect(await store.storedOrderNumbers()).toContain(number);
  await store.page.screenshot({ path: 'test-results/screens/store-inbox-online-360.png' });

  // Cut the network: the page reloads from the service worker and the inbox comes from IndexedDB.
  await storeContext.setOffline(true);
  await store.page.reload();
  await expect(store.orderCard(number)).toBeVisible();
  await expect(store.connectionStatus()).toContainText('离线');
  await store.page.screenshot({ path: 'test-results/screens/store-inbox-offline-360.png' });

  await store.orderCard(number).click();
  await expect(store.page.getByRole('heading', { name: number })).toBeVisible();
  await expect(store.page.getByRole('table', { name: '商品' })).toContainText('农夫山泉');
  await store.page.screenshot({ path: 'test-results/screens/store-order-offline-360.png' });
  await hqContext.close();
  await storeContext.close();
});
