import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../shell/app.css';
import { createRoot, type Root } from 'react-dom/client';
import { withCheckDigit, type Order, type OrderLine } from '@repo/domain';
import { I18nProvider } from '../../i18n/i18n.js';
import { db, StoreDb, type PickProgress } from '../../local-db/store-db.js';
import { applyPull } from '../../sync/apply-pull.js';
import { manager } from '../../test/offered-order.js';
import { defaultWedgeSettings } from '../../scanner/wedge/wedge-settings.js';
import { PickScreen } from './pick-screen.js';

// Real IndexedDB in Chromium: the pick is on disk as it happens, and is read back after the
// database was closed and opened again, as after a reload or a killed app.

const waterUnit = '6902000000018';
const waterCase = withCheckDigit(`1${waterUnit.slice(0, 12)}`);
const milkUnit = '6902074000013';
const colaUnit = '6902037000012';
const water: OrderLine = { productId: 'p-001', gtin: `0${waterUnit}`, name: '农夫山泉 饮用天然水 550ml', quantity: 25, confirmedQuantity: 25 };
const milk: OrderLine = { productId: 'p-003', gtin: `0${milkUnit}`, name: '光明 鲜牛奶 250ml', quantity: 2, confirmedQuantity: 2 };

// Each scan waits out the scanner's double-fire window (400 ms); on a busy machine a test of a dozen
// scans needs more than the default 15 s.
vi.setConfig({ testTimeout: 45_000 });

// A use-by date a year from now, as AI (17) writes it, so the test never goes stale.
const nextYear = (() => {
  const iso = `${new Date().getFullYear() + 1}-12-31`;
  return { iso, yymmdd: iso.slice(2).replaceAll('-', '') };
})();

let screen: Root | null = null;
const onDone = vi.fn();

function order(status: 'accepted' | 'picking' | 'short', lines: OrderLine[] = [water, milk]): Order {
  const base = {
    id: 'o-1', number: 'D-o-1', customerId: 'c', customerName: '王芳', customerPhone: '13800138000',
    address: { text: '上海市徐汇区天钥桥路 1 号', lat: 31, lng: 121 }, lines, declinedBy: [],
    createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z', storeId: 'store-a',
  };
  return { ...base, status } as Order;
}

async function show(): Promise<void> {
  const container = document.body.appendChild(document.createElement('div'));
  screen = createRoot(container);
  screen.render(<I18nProvider><PickScreen orderId="o-1" actor={manager} onBack={() => {}} onDone={onDone} /></I18nProvider>);
  await expect.poll(() => document.querySelector('[data-scanner-sink]')).not.toBeNull();
}

function hide(): void {
  screen?.unmount();
  screen = null;
  document.body.replaceChildren();
}

async function wedge(text: string): Promise<void> {
  await userEvent.keyboard(`${text}{Enter}`);
  // The same code twice within the scanner's duplicate window is the scanner firing twice.
  await new Promise((r) => setTimeout(r, 400));
}

const line = (productId: string) => page.getByRole('listitem').filter({ has: page.elementLocator(document.body).getByText(productId === 'p-001' ? water.name : milk.name) });
const news = () => document.querySelector('.pick-news')?.textContent;

beforeEach(async () => {
  await page.viewport(360, 640);
  localStorage.setItem('store.locale', 'zh-Hans');
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.products.bulkPut([
    { id: 'p-001', gtin: waterUnit, name: water.name, category: '饮料', minShelfLifeDays: 30 },
    { id: 'p-002', gtin: colaUnit, name: '可口可乐 碳酸饮料 330ml', category: '饮料', minShelfLifeDays: 30 },
    { id: 'p-003', gtin: milkUnit, name: milk.name, category: '乳制品', minShelfLifeDays: 3 },
  ]);
  await db.packagings.put({ gtin: waterCase, productId: 'p-001', unitsPerPack: 24 });
  // Key events from the test driver come slower than a real scanner's on a busy machine; this
  // device's scanner is set up to allow for it (the wizard would measure it).
  await db.meta.put({ key: 'scanner', settings: { ...defaultWedgeSettings, maxAverageGapMs: 400 }, testedAt: '2026-11-23T00:00:00Z' });
  onDone.mockReset();
});

afterEach(() => {
  hide();
  localStorage.removeItem('store.locale');
});

test('[PK10] opening the pick of an accepted order queues pick.start with this device and an empty pick, together', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('accepted')], deletes: [], lastMutationId: 0 });
  await show();
  await expect.poll(async () => (await db.orders.get('o-1'))?.status).toBe('picking');
  const client = await db.meta.get('client');
  const device = client && 'clientId' in client ? client.clientId : '';
  expect(await db.outbox.toArray()).toMatchObject([{ name: 'pick.start', args: { orderId: 'o-1', device } }]);
  expect(await db.picks.get('o-1')).toMatchObject({ orderId: 'o-1', device, scans: [], short: {} });
  await expect.element(page.getByText('请扫描商品条码')).toBeVisible();
});

test('[PK7] each scan is on disk as it happens and survives closing and reopening the database', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  await expect.element(page.getByText('请扫描商品条码')).toBeVisible();
  await wedge(waterCase);
  await expect.poll(news).toContain('整箱 ×24');
  await wedge(milkUnit);
  await expect.poll(news).toContain('+1');

  hide();
  db.close();
  // A second connection, as a reloaded page opens it: the scans are there.
  const reopened = new StoreDb();
  const saved = (await reopened.picks.get('o-1')) as PickProgress;
  reopened.close();
  expect(saved.scans.map((s) => [s.productId, s.units])).toEqual([['p-001', 24], ['p-003', 1]]);

  await db.open();
  await show();
  await expect.element(page.getByText('已拣 24/25')).toBeVisible();
  await expect.element(page.getByText('已拣 1/2')).toBeVisible();
  await wedge(waterUnit);
  await expect.element(page.getByText('已拣 25/25')).toBeVisible();
  expect((await db.picks.get('o-1'))?.scans).toHaveLength(3);
});

test('[PK3] a wrong item stops the pick: nothing counts until acknowledged, then scans count again', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  await wedge(colaUnit);
  const stop = page.getByRole('alertdialog');
  await expect.element(stop).toHaveTextContent('可口可乐 碳酸饮料 330ml 不在此订单中');
  await wedge(milkUnit); // held: not counted
  expect(await db.picks.get('o-1')).toBeUndefined();
  await stop.getByRole('button', { name: '知道了，继续扫描' }).click();
  await wedge(milkUnit);
  await expect.element(page.getByText('已拣 1/2')).toBeVisible();
  // A command barcode acknowledges too, hands-free; it does nothing else.
  await wedge(`01${waterCase}17200101`);
  await expect.element(page.getByRole('alertdialog')).toHaveTextContent('已过期');
  await wedge('CMD:UNDO');
  await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
  expect((await db.picks.get('o-1'))?.scans).toHaveLength(1);
});

test('[PK9] finishing queues pick.finish with the lines and lots, and removes the saved pick in the same transaction', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  await wedge('CMD:FINISH');
  await expect.poll(news).toContain('还有 2 项没拣完');
  await wedge(`01${waterCase}17${nextYear.yymmdd}10L42`); // AI 10 last: variable length needs no separator
  await wedge(waterUnit);
  await wedge(milkUnit);
  await wedge(`010${milkUnit}17${nextYear.yymmdd}10M1`);
  await wedge('CMD:FINISH');
  await expect.poll(() => onDone.mock.calls.length).toBe(1);
  expect(await db.outbox.toArray()).toMatchObject([{
    name: 'pick.finish',
    args: { orderId: 'o-1', picked: [
      { productId: 'p-001', quantity: 25, lots: [{ lot: 'L42', expiry: nextYear.iso, quantity: 24 }] },
      { productId: 'p-003', quantity: 2, lots: [{ lot: 'M1', expiry: nextYear.iso, quantity: 1 }] },
    ] },
  }]);
  expect(await db.picks.get('o-1')).toBeUndefined();
  expect((await db.orders.get('o-1'))?.status).toBe('picked');
});

test('[PK11] a short goes to head office; its partial decision caps the saved pick and says what to put back', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  await wedge(waterCase);
  await wedge(milkUnit);
  await page.getByRole('button', { name: /光明 鲜牛奶/ }).click();
  await page.getByRole('button', { name: '缺货', exact: true }).click();
  await page.getByLabelText(/本店可供数量/).fill('1');
  await page.getByRole('button', { name: '确认缺货' }).click();
  await page.getByRole('button', { name: /农夫山泉/ }).click();
  await page.getByRole('button', { name: '缺货', exact: true }).click();
  await page.getByLabelText(/本店可供数量/).fill('20');
  await page.getByRole('button', { name: '确认缺货' }).click();
  await page.getByRole('button', { name: '报告缺货' }).click();
  await expect.element(page.getByRole('dialog')).toHaveTextContent('总部会决定');
  await page.screenshot({ path: '../../../../../test-results/screens/store-pick-report-short-360.png' });
  await page.getByRole('button', { name: '确认报告缺货' }).click();
  await expect.poll(() => onDone.mock.calls.length).toBe(1);
  expect((await db.outbox.toArray()).at(-1)).toMatchObject({ name: 'pick.report_short', args: { available: [{ productId: 'p-001', quantity: 20 }, { productId: 'p-003', quantity: 1 }] } });
  expect((await db.picks.get('o-1'))?.reportedShort?.lines).toEqual([water, milk]);
  await expect.element(page.getByText('正在等待总部决定')).toBeVisible();

  // Head office: partial. The order comes back to picking with the confirmed quantities.
  await db.outbox.clear();
  await applyPull('store-a', { cursor: 2, reset: true, puts: [order('picking', [{ ...water, confirmedQuantity: 20 }, { ...milk, confirmedQuantity: 1 }])], deletes: [], lastMutationId: 9 });
  await expect.element(page.getByRole('alert')).toHaveTextContent('总部决定：部分发货');
  await expect.element(page.getByRole('alert')).toHaveTextContent('农夫山泉 饮用天然水 550ml：应拣 25 → 20 — 请放回 4 件');
  await expect.element(page.getByText('已拣 20/20')).toBeVisible();
  await expect.element(page.getByText('已拣 1/1')).toBeVisible();
  await page.screenshot({ path: '../../../../../test-results/screens/store-pick-decision-360.png' });
  await page.getByRole('button', { name: '知道了，继续备货' }).click();
  expect((await db.picks.get('o-1'))?.decision).toBeUndefined();
});

test('[PK10] a pick on another handheld is named and nothing is counted here', async () => {
  const other = { ...order('picking'), picker: { userId: 'u-other', device: 'another-device' } } as Order;
  await applyPull('store-a', { cursor: 1, reset: true, puts: [other], deletes: [], lastMutationId: 0 });
  const container = document.body.appendChild(document.createElement('div'));
  screen = createRoot(container);
  screen.render(<I18nProvider><PickScreen orderId="o-1" actor={manager} onBack={() => {}} onDone={onDone} /></I18nProvider>);
  await expect.element(page.getByRole('alert')).toHaveTextContent('本店另一台手持终端（u-other）正在为此订单备货');
  await userEvent.keyboard(`${milkUnit}{Enter}`);
  expect(await db.picks.count()).toBe(0);
});

test('[PK9] a short quantity that is not a whole number from 0 to one less than needed is refused in words and changes nothing', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  await page.getByRole('button', { name: /光明 鲜牛奶/ }).click();
  await page.getByRole('button', { name: '缺货', exact: true }).click();
  for (const bad of ['2', '-1', '1.5', 'abc', '\u0000', '\ud800', '9'.repeat(10_000), '']) {
    await page.getByLabelText(/本店可供数量/).fill(bad);
    await page.getByRole('button', { name: '确认缺货' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('请输入 0 至 1 的整数。');
  }
  expect(await db.picks.get('o-1')).toBeUndefined();
  expect(await db.outbox.count()).toBe(0);
});

test('[PK3] a typed code that is huge, empty-looking or holds U+0000 or a lone surrogate stops the pick and counts nothing', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  for (const bad of ['9'.repeat(5_000), '\u0000', `${milkUnit}\ud800`, '<script>']) {
    await page.getByLabelText('手动输入条码').fill(bad);
    await page.getByRole('button', { name: '确认条码' }).click();
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent('无法识别的条码');
    await page.getByRole('button', { name: '知道了，继续扫描' }).click();
  }
  await page.getByLabelText('手动输入条码').fill(milkUnit);
  await page.getByRole('button', { name: '确认条码' }).click();
  await expect.element(page.getByText('已拣 1/2')).toBeVisible();
  expect((await db.picks.get('o-1'))?.scans).toHaveLength(1);
});

test('[PK8] CMD:NEXT moves to the next open line and CMD:SHORT opens the short dialog for it', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  const current = () => document.querySelector('[aria-current="true"]')?.getAttribute('data-product');
  await expect.poll(current).toBe('p-001');
  await wedge('CMD:NEXT');
  await expect.poll(current).toBe('p-003');
  await wedge('CMD:SHORT');
  await expect.element(page.getByRole('dialog')).toHaveTextContent('标记缺货：光明 鲜牛奶 250ml');
});

test('[PK11] an order re-dispatched while picking says so, and the saved pick is dropped once read', async () => {
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order('picking')], deletes: [], lastMutationId: 0 });
  await show();
  await wedge(milkUnit);
  await expect.element(page.getByText('已拣 1/2')).toBeVisible();
  await applyPull('store-a', { cursor: 2, reset: false, puts: [], deletes: ['o-1'], lastMutationId: 0, departures: [{ orderId: 'o-1', orderNumber: 'D-o-1', why: 'redispatched' }] });
  await expect.element(page.getByRole('alert')).toHaveTextContent('总部已将此订单改派到其他门店。已拣的商品请放回货架。');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect.poll(() => db.picks.get('o-1')).toBeUndefined();
});
