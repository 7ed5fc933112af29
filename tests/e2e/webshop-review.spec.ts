import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqConsole } from './fixtures/hq-console.js';
import { OwnServer } from './fixtures/own-server.js';

/**
 * Web-shop intake and review (docs/webshop.md): a server of its own with a web-shop API key, so the
 * shared server keeps the API switched off. It serves the apps the shared web server just built.
 */
const apiKey = 'e2e-webshop-key-0123456789';
let server: OwnServer;
let baseURL = '';

test.beforeAll(async () => {
  server = await OwnServer.start('webshop', { WEBSHOP_API_KEY: apiKey });
  baseURL = server.baseURL;
});

test.afterAll(() => server?.stop());

/** An order as the chain's web shop sends it: water by its barcode and milk by the chain's product id. */
function webOrder(webOrderNumber: string, customer: { name: string; phone: string }, pin: { text: string; district: string; lat: number; lng: number }, note?: string) {
  return {
    webOrderNumber, customer, address: pin, paymentMethod: 'prepaid',
    lines: [{ gtin: '6902000000018', quantity: 2 }, { productId: 'p-003', quantity: 1 }],
    ...(note ? { note } : {}),
  };
}

async function postWebOrder(body: unknown, idempotencyKey: string) {
  const response = await fetch(`${baseURL}/api/webshop/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { orderId: string; number: string; review: string } };
}

test('a web order sent twice with one key appears once for review; one is approved and dispatched, another is confirmed by phone', async ({ browser }) => {
  test.setTimeout(120_000);
  // The shop's checkout times out and sends the same order again with the same key: one order.
  const a = webOrder('WEB-20261130-0001', { name: '陈思远', phone: '13912340001' }, { text: '天钥桥路 80 号 3 号楼 502 室', district: '徐汇区', lat: 31.192, lng: 121.438 }, '到楼下请打电话');
  const first = await postWebOrder(a, 'checkout-7f3a');
  const retry = await postWebOrder(a, 'checkout-7f3a');
  expect([first.status, retry.status]).toEqual([201, 200]);
  expect(retry.body).toEqual(first.body);
  expect(first.body.review).toBe('pending');
  const b = await postWebOrder(webOrder('WEB-20261130-0002', { name: '林雪梅', phone: '13912340002' }, { text: '东方路 800 号', district: '浦东新区', lat: 31.236, lng: 121.503 }), 'checkout-91bc');
  const c = await postWebOrder(webOrder('WEB-20261130-0003', { name: '郭子涵', phone: '13912340003' }, { text: '福州路 300 号 12 楼', district: '黄浦区', lat: 31.23, lng: 121.478 }), 'checkout-c044');
  expect([b.status, c.status]).toEqual([201, 201]);

  const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const hq = await HqConsole.open(context);
  await hq.signIn();
  const nav = hq.page.getByRole('link', { name: '网店审核，3 单待处理' });
  await expect(nav).toBeVisible();
  await nav.click();

  const queue = hq.page.getByRole('list', { name: /待审核网店订单/ });
  // The order sent twice is there once; the oldest comes first.
  await expect(queue.getByRole('article')).toHaveCount(3);
  await expect(queue.getByRole('heading', { name: `订单 ${first.body.number}` })).toHaveCount(1);
  await expect(queue.getByRole('article').first()).toContainText(first.body.number);
  const cardA = queue.getByRole('article', { name: `订单 ${first.body.number}` });
  await expect(cardA).toContainText('网店单号 WEB-20261130-0001');
  await expect(cardA).toContainText('首次下单');
  await expect(cardA).toContainText('到楼下请打电话');
  await expect(cardA).toContainText('最近门店：徐家汇店');
  await expect(cardA).toContainText(/已等待/);
  await hq.page.screenshot({ path: 'test-results/screens/hq-webshop-review-1280x800.png' });
  await hq.page.setViewportSize({ width: 1366, height: 768 });
  await hq.page.screenshot({ path: 'test-results/screens/hq-webshop-review-1366x768.png' });
  await expectNoSeriousA11yViolations(hq.page, 'web-shop review queue');

  // A is fine: approved.
  await hq.page.getByRole('button', { name: `审核通过订单 ${first.body.number}` }).click();
  await expect(hq.page.getByRole('status').filter({ hasText: `订单 ${first.body.number} 已审核通过` })).toBeVisible();
  await expect(queue.getByRole('article')).toHaveCount(2);
  await expect(hq.page.getByRole('link', { name: '网店审核，2 单待处理' })).toBeVisible();

  // B needs a call first: the reason is required, then it moves to the call list.
  await hq.page.getByRole('button', { name: `订单 ${b.body.number} 转电话确认` }).click();
  await hq.page.getByRole('button', { name: '转入待确认来电' }).click();
  await expect(hq.page.getByRole('alert').filter({ hasText: '请写明电话确认的原因' })).toBeVisible();
  await hq.page.getByLabel('为什么要电话确认').fill('首次下单且地址缺门牌号，请核实');
  await hq.page.getByRole('button', { name: '转入待确认来电' }).click();
  await expect(hq.page.getByRole('status').filter({ hasText: `订单 ${b.body.number} 已转入待确认来电` })).toBeVisible();
  const calls = hq.page.getByRole('list', { name: /待确认来电/ });
  const callB = calls.getByRole('article', { name: `订单 ${b.body.number}` });
  await expect(callB).toContainText('确认原因：首次下单且地址缺门牌号，请核实');
  await expect(callB.getByRole('link', { name: '拨打 13912340002' })).toHaveAttribute('href', 'tel:13912340002');
  await hq.page.screenshot({ path: 'test-results/screens/hq-webshop-call-list-1366x768.png' });
  await hq.page.setViewportSize({ width: 1280, height: 800 });
  await hq.page.screenshot({ path: 'test-results/screens/hq-webshop-call-list-1280x800.png' });
  await expectNoSeriousA11yViolations(hq.page, 'web-shop call list');

  // The customer confirms on the phone.
  await callB.getByRole('button', { name: `订单 ${b.body.number}：顾客已确认` }).click();
  await expect(hq.page.getByRole('status').filter({ hasText: `订单 ${b.body.number} 顾客已确认` })).toBeVisible();
  await expect(calls).toHaveCount(0);
  await expect(hq.page.getByText('没有需要电话确认的订单。')).toBeVisible();

  // B's timeline tells the review: who took it in, who asked for the call and why, and the answer.
  await hq.page.goto(`/hq/#/board/${b.body.orderId}`);
  const timeline = hq.page.getByRole('region', { name: '处理记录' }).or(hq.page.locator('.timeline'));
  await expect(timeline.first()).toContainText('网店下单');
  await expect(timeline.first()).toContainText('转电话确认');
  await expect(timeline.first()).toContainText('原因：首次下单且地址缺门牌号，请核实');
  await expect(timeline.first()).toContainText('顾客电话确认');

  // C is still under review: its detail says so and offers no dispatch.
  await hq.page.goto(`/hq/#/board/${c.body.orderId}`);
  const detail = hq.page.locator('.order-detail');
  await expect(detail).toContainText('网店审核中');
  await expect(detail).toContainText('网店单号WEB-20261130-0003');
  await expect(hq.page.getByRole('button', { name: '派单到门店', exact: true })).toHaveCount(0);
  await hq.page.screenshot({ path: 'test-results/screens/hq-webshop-order-under-review-1280x800.png' });
  await expectNoSeriousA11yViolations(hq.page, 'order under review');

  // A, approved, is dispatched to the best store like any phone order.
  await hq.page.goto(`/hq/#/board/${first.body.orderId}`);
  await expect(detail).toContainText('网店');
  await expect(detail).not.toContainText('网店审核中');
  await hq.page.getByRole('button', { name: '派单到门店', exact: true }).click();
  await hq.page.getByRole('form', { name: '派单到门店' }).getByRole('button', { name: /^派给最佳门店：/ }).click();
  await expect(hq.page.getByRole('status').filter({ hasText: /已派单给.*，等待门店接单/ })).toBeVisible();
  await expect(detail).toContainText('待接单');
  await context.close();
});
