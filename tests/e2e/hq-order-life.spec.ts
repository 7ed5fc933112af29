import { createHmac, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqConsole } from './fixtures/hq-console.js';
import { OwnServer } from './fixtures/own-server.js';
import { photoOnThePhone, signedInClient, StoreDevice } from './fixtures/store-sync-client.js';

/**
 * Issue 10's walk, head office's side of one order from the ringing phone to 结单: a signed call pops
 * the caller's file, the agent takes the order to a new address, the best store lets the offer
 * expire, the server re-offers it to the next store, which accepts; the board shows it late in
 * picking, then waiting to be closed; the owner hands it over at the shift change; the colleague
 * closes it. A server of its own: 15-second offers, a 1-second dispatch tick, a 6-second pick limit.
 */
const secret = `e2e-walk-${randomUUID()}`;
const extension = '8101';
/** 周军 (c-001) in the demo chain, as the telephone system sends his number. */
const caller = { spaced: '+86 177 2982 2089', digits: '17729822089' };
let server: OwnServer;
let baseURL = '';

test.beforeAll(async () => {
  server = await OwnServer.start('hq-walk', {
    CTI_SECRET: secret, OFFER_TTL_MINUTES: '0.25', DISPATCH_TICK_SECONDS: '1', AUTO_REDISPATCH: 'on', LATE_PICK_MINUTES: '0.1',
  });
  baseURL = server.baseURL;
});

test.afterAll(() => server?.stop());

/** The telephone system's side: a webhook signed as docs/cti.md says. */
async function ring(call: Record<string, string>): Promise<Response> {
  const body = JSON.stringify(call);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return fetch(`${baseURL}/api/cti/incoming-call`, {
    method: 'POST', body, headers: { 'content-type': 'application/json', 'x-cti-timestamp': timestamp, 'x-cti-signature': `sha256=${signature}` },
  });
}

async function screens(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 800], [1366, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/hq-walk-${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** store-07 → store07.manager; the demo chain names its people after their store. */
const peopleOf = (storeId: string) => {
  const n = storeId.slice(-2);
  return { manager: `store${n}.manager`, clerk: `store${n}.clerk1`, clerkId: `u-${n}-c1` };
};

test('[HQ-WALK] a call pops the file, the order goes to a new address, expires at one store, is re-offered, goes late, is handed over at the shift change and closed', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const agent = await HqConsole.open(context);
  await agent.signIn('hq');
  const page = agent.page;
  await page.getByLabel('分机').fill(extension);
  await page.getByRole('button', { name: '签入分机' }).click();
  await expect(page.getByText(`分机 ${extension}`)).toBeVisible();

  // The phone rings: the switch posts a signed call; the caller's file opens by itself.
  const callId = `walk-${randomUUID()}`;
  const answer = await ring({ callId, caller: caller.spaced, called: '400-820-8820', extension });
  expect(answer.status).toBe(200);
  await expect(page.getByRole('alert', { name: '来电' })).toContainText('177****2089');
  await expect(page).toHaveURL(new RegExp(`#/intake\\?phone=${caller.digits}&call=${callId}$`));
  await expect(page.getByRole('region', { name: '通话中' })).toContainText(`通话编号 ${callId}`);
  // The banner no longer offers to open what is already open below it.
  await expect(page.getByRole('alert', { name: '来电' })).toContainText('客户档案已在下方打开');
  const addresses = page.getByRole('group', { name: '送货地址' });
  await expect(addresses.getByRole('radio').first()).toBeVisible();
  await screens(page, 'screen-pop');

  // He wants it at a friend's today: a new address in the call, from the map link he sends.
  await page.getByRole('button', { name: '+ 新增地址' }).click();
  const form = page.getByRole('form', { name: '新增送货地址' });
  await form.getByLabel('地址名称').fill('朋友家');
  await form.getByLabel('区', { exact: true }).selectOption('黄浦区');
  await form.getByLabel('街道、门牌、楼号、室').fill('福州路 300 号 5 楼');
  await form.getByLabel('地图链接或坐标（可选）').fill('https://uri.amap.com/marker?position=121.4801,31.2346');
  await expect(form.getByText('坐标 31.23460, 121.48010')).toBeVisible();
  await form.getByRole('button', { name: '保存地址' }).click();
  await expect(addresses.getByRole('radio', { name: /^送往 朋友家：/ })).toBeChecked();
  await agent.addProducts([{ search: '农夫山泉', quantity: 2 }]);
  const number = await agent.submitOrder();

  const hqApi = await signedInClient(baseURL, 'hq');
  const [created] = (await hqApi.orders.list.query({ limit: 20 })).filter((o) => o.number === number);
  if (!created) throw new Error(`order ${number} not listed`);
  const orderId = created.id;
  expect(created.address).toMatchObject({ lat: 31.2346, lng: 121.4801 });
  expect((await hqApi.orders.get.query({ orderId })).intake).toMatchObject({ channel: 'phone', callId });

  // One click offers it to the best store for the new address.
  await page.goto(`${baseURL}/hq/#/board/${orderId}`);
  const detail = page.getByRole('region', { name: `订单 ${number}` });
  await expect(detail).toContainText(callId);
  await detail.getByRole('button', { name: '派单到门店', exact: true }).click();
  const best = page.getByRole('form', { name: '派单到门店' }).getByRole('button', { name: /^派给最佳门店：/ });
  const bestStore = (await best.textContent())!.replace(/^派给最佳门店：/, '').trim();
  await best.click();

  // Nobody there answers; 15 s later the server expires the offer and offers the next store by itself.
  const notices = page.getByRole('region', { name: '门店回退通知' });
  await expect(notices).toContainText(`${bestStore}未在时限内接单，派单已超时（订单 ${number}）`, { timeout: 45_000 });
  await expect(notices).toContainText('已自动转派给');
  const reoffered = (await hqApi.orders.get.query({ orderId })).order;
  expect(reoffered.status).toBe('offered');
  if (reoffered.status !== 'offered') return;
  const next = peopleOf(reoffered.storeId);
  await screens(page, 'expired-reoffered');

  // The next store accepts and starts picking, then takes longer than the 6-second limit.
  const handheld = await StoreDevice.signIn(baseURL, next.manager);
  await handheld.send('offer.accept', { orderId });
  await handheld.send('pick.start', { orderId, device: handheld.clientId });
  await page.getByRole('link', { name: '派单看板', exact: true }).click();
  const board = page.getByRole('region', { name: '派单看板' });
  const row = board.getByRole('table', { name: '订单列表' }).getByRole('row')
    .filter({ has: page.getByRole('link', { name: number, exact: true }) });
  await expect(row).toContainText(/已超时 \d+\s?(秒钟?|分钟)：拣货过慢/, { timeout: 30_000 });
  await expect(row).toHaveClass(/late/);
  await expect(row).toContainText('周军');
  await expectNoSeriousA11yViolations(page, 'the board with the order late in picking');
  await screens(page, 'late-in-picking');

  // Picked, handed to a clerk, delivered at the door with the customer's code.
  const lines = reoffered.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, lots: [] }));
  await handheld.send('pick.finish', { orderId, device: handheld.clientId, picked: lines });
  await handheld.send('handoff.assign', { orderId, clerk: { userId: next.clerkId, storeId: reoffered.storeId } });
  const { deliveryCode, order: sent } = await hqApi.orders.get.query({ orderId });
  const phone = await StoreDevice.signIn(baseURL, next.clerk);
  await phone.send('delivery.close', {
    orderId, at: new Date().toISOString(), code: deliveryCode, photo: photoOnThePhone(),
    position: { lat: 31.2346, lng: 121.4801, accuracyM: 10 }, collectedFen: sent.payment?.amountDueFen ?? 0,
  });
  await expect(row).toContainText('待结单', { timeout: 15_000 });
  await screens(page, 'delivered-to-close');

  // Shift change: her open orders, this one with them, go to 陈静 in one step.
  await board.getByRole('button', { name: '交班', exact: true }).click();
  const handOver = page.getByRole('dialog', { name: '交班：把我的订单交给同事' });
  await handOver.getByLabel('交给').selectOption({ label: (await handOver.getByLabel('交给').locator('option', { hasText: '陈静' }).textContent())! });
  await handOver.getByRole('button', { name: '确认交班' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已把 \d+ 个订单交给 陈静/ })).toBeVisible();
  await expect(row).toContainText('陈静');

  // 陈静 closes it (结单); the timeline tells the whole story with who did what.
  const context2 = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const colleague = await HqConsole.open(context2);
  await colleague.signIn('hq2');
  await colleague.page.goto(`${baseURL}/hq/#/board/${orderId}`);
  const detail2 = colleague.page.getByRole('region', { name: `订单 ${number}` });
  await expect(detail2).toContainText('负责人陈静');
  const timeline = detail2.getByRole('region', { name: '处理记录' });
  await expect(timeline.getByRole('listitem').filter({ hasText: '转交负责人' })).toContainText(/→ 陈静.*（交班）/);
  await expect(timeline).toContainText(bestStore);
  await detail2.getByRole('button', { name: '结单', exact: true }).click();
  await detail2.getByRole('button', { name: '确认结单' }).click();
  await expect(detail2.getByRole('status').filter({ hasText: '订单已结单。' })).toBeVisible();
  expect((await hqApi.orders.get.query({ orderId })).order.status).toBe('closed');
  await expectNoSeriousA11yViolations(colleague.page, 'the closed order');
  await timeline.scrollIntoViewIfNeeded();
  await screens(colleague.page, 'closed-timeline');
  await Promise.all([context.close(), context2.close()]);
});
