import { expect, test } from '@playwright/test';
import { HqApi } from './fixtures/hq-api.js';
import { StoreApp } from './fixtures/store-app.js';

test('an order dispatched by head office appears in the store inbox live, and stays there offline after a reload', async ({ browser, request }) => {
  const storeContext = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const store = await StoreApp.open(storeContext);
  await store.signIn('store01.manager', 'demo1234');
  await store.waitForServiceWorker();

  // Head office takes an order and dispatches it to 徐家汇店 (store-01) while the manager watches.
  const hq = await HqApi.signIn(request);
  const order = await hq.mutate<{ id: string; number: string }>('orders.create', {
    customerId: 'c-001',
    lines: [{ productId: 'p-001', quantity: 2 }, { productId: 'p-012', quantity: 1 }],
  });
  await hq.mutate('orders.dispatch', { orderId: order.id, storeId: 'store-01' });

  await expect(store.orderCard(order.number)).toBeVisible();
  await expect(store.connectionStatus()).toContainText('在线');
  expect(await store.storedOrderNumbers()).toContain(order.number);
  await store.page.screenshot({ path: 'test-results/screens/store-inbox-online-360.png' });

  // Cut the network: the page reloads from the service worker and the inbox comes from IndexedDB.
  await storeContext.setOffline(true);
  await store.page.reload();
  await expect(store.orderCard(order.number)).toBeVisible();
  await expect(store.connectionStatus()).toContainText('离线');
  await store.page.screenshot({ path: 'test-results/screens/store-inbox-offline-360.png' });

  await store.orderCard(order.number).click();
  await expect(store.page.getByRole('heading', { name: new RegExp(order.number) })).toBeVisible();
  await expect(store.page.getByRole('table', { name: '商品' })).toContainText('2');
  await store.page.screenshot({ path: 'test-results/screens/store-order-offline-360.png' });
  await storeContext.close();
});
