import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqApi } from './fixtures/hq-api.js';
import { HqConsole } from './fixtures/hq-console.js';

// Issue 10 §1: the customer's file is the center of a call (docs/customers.md).

async function screens(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}-1280x800.png`, fullPage: false });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `test-results/screens/${name}-1366x768.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('[CF11] found by the last four digits, a new address from a pasted Amap link, and the order goes there and is ranked from there', async ({ browser, request }) => {
  const hq = await HqConsole.open(await browser.newContext({ locale: 'zh-CN' }));
  await hq.signIn();
  const { page } = hq;
  await page.getByRole('link', { name: '接单', exact: true }).click();

  // 周军 (c-001): 177 2982 2089. The last four digits find him among whoever else ends in 2089.
  await page.getByLabel('查找客户（电话、尾号四位或姓名）').fill('2089');
  const results = page.getByRole('list', { name: '客户搜索结果' });
  await expect(results.getByRole('button', { name: '打开 周军（177 2982 2089）的档案' })).toBeVisible();
  await screens(page, 'hq-customer-search');
  await results.getByRole('button', { name: '打开 周军（177 2982 2089）的档案' }).click();

  // The file: three addresses as cards, the first chosen; member level; notes; open and past orders.
  const addresses = page.getByRole('group', { name: '送货地址' });
  await expect(addresses.getByRole('radio')).toHaveCount(3);
  await expect(addresses.getByRole('radio', { name: /^送往 家：上海市徐汇区天钥桥路/ })).toBeChecked();
  await expect(page.getByRole('heading', { name: '备注' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '进行中的订单' })).toBeVisible();

  // A new address from a pasted Amap link: a short link is refused first, with what to do.
  await page.getByRole('button', { name: '+ 新增地址' }).click();
  const form = page.getByRole('form', { name: '新增送货地址' });
  await form.getByLabel('地址名称').fill('朋友家');
  await form.getByLabel('区', { exact: true }).selectOption('黄浦区');
  await form.getByLabel('街道、门牌、楼号、室').fill('福州路 300 号 5 楼');
  await form.getByLabel('地图链接或坐标（可选）').fill('https://surl.amap.com/3kXa9bC');
  await expect(form.getByText('短链接无法离线识别')).toBeVisible();
  await form.getByRole('button', { name: '保存地址' }).click();
  await expect(form.getByLabel('地图链接或坐标（可选）')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('地图链接或坐标（可选）').fill('【高德地图】福州路 https://uri.amap.com/marker?position=121.4801,31.2346&name=%E6%9C%8B%E5%8F%8B');
  await expect(form.getByText('地图链接定位（精确）')).toBeVisible();
  await expect(form.getByText('坐标 31.23460, 121.48010')).toBeVisible();
  await expect(form.getByText(/最近门店：人民广场店，\d+ ?米 · 在配送范围内/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the customer file with the new-address form');
  await screens(page, 'hq-customer-new-address');
  await form.getByRole('button', { name: '保存地址' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已新增地址“朋友家”' })).toBeVisible();
  const friend = addresses.getByRole('radio', { name: /^送往 朋友家：上海市黄浦区福州路 300 号 5 楼/ });
  await expect(friend).toBeChecked();
  await expect(addresses.getByText('地图链接定位（精确）')).toBeVisible();

  // The order goes to the new address; the file lists it among the open orders, linked to the board.
  await hq.addProducts([{ search: '农夫山泉', quantity: 2 }]);
  const number = await hq.submitOrder();
  const openOrders = page.getByRole('table', { name: '进行中的订单' });
  await expect(openOrders.getByRole('link', { name: number })).toBeVisible();
  await expect(openOrders.getByRole('row').filter({ hasText: number }).getByText('待派单')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the customer file after an order');
  await screens(page, 'hq-customer-file');

  await openOrders.getByRole('link', { name: number }).click();
  await expect(page).toHaveURL(/#\/board\/.+/);
  await expect(page.getByText('上海市黄浦区福州路 300 号 5 楼').first()).toBeVisible();
  // Dispatch ranks from the new address: 人民广场店 is the nearest store with the water, not 徐家汇店 near his home.
  await page.getByRole('button', { name: '派单到门店', exact: true }).click();
  await expect(page.getByRole('button', { name: '派给最佳门店：人民广场店' })).toBeVisible();

  const api = await HqApi.signIn(request);
  const [order] = (await api.query<{ number: string; address: { lat: number; lng: number } }[]>('orders.list', { limit: 20 })).filter((o) => o.number === number);
  expect(order?.address).toEqual(expect.objectContaining({ lat: 31.2346, lng: 121.4801 }));
});

test('[CF12] a screen pop for a new number opens the new-customer form in the call; the next pop for that number opens the file', async ({ browser }) => {
  const hq = await HqConsole.open(await browser.newContext({ locale: 'zh-CN' }));
  await hq.signIn();
  const { page } = hq;
  await page.goto('/hq/#/intake?phone=13912345678&call=call-e2e-0001');

  const strip = page.getByRole('region', { name: '通话中' });
  await expect(strip).toContainText('来电 139 1234 5678');
  await expect(strip).toContainText('通话编号 call-e2e-0001');
  const form = page.getByRole('form', { name: '新建客户' });
  await expect(form.getByLabel('电话')).toHaveValue('13912345678');

  // Nothing filled in: each field says what it needs.
  await form.getByRole('button', { name: '建立档案' }).click();
  await expect(form.getByText('请填写姓名（最多 40 个字）。')).toBeVisible();
  await expect(form.getByText('请选择区。')).toBeVisible();

  await form.getByLabel('姓名').fill('林小雨');
  await form.getByLabel('区', { exact: true }).selectOption('长宁区');
  await form.getByLabel('街道、门牌、楼号、室').fill('长宁路 1018 号 8 号楼 1201 室');
  await form.getByLabel('备注').fill('只收现金，请按门铃两次。');
  await expect(form.getByText('按街道定位（约 1 公里）')).toBeVisible();
  await expect(form.getByText(/最近门店：中山公园店，约 [\d.]+ ?(米|公里) · 在配送范围内/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the new-customer form during a call');
  await screens(page, 'hq-new-customer-in-call');
  await form.getByRole('button', { name: '建立档案' }).click();

  await expect(page.getByRole('status').filter({ hasText: '已为 林小雨 建立档案。' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^送往 家：上海市长宁区长宁路 1018 号/ })).toBeChecked();
  await expect(page.getByText('只收现金，请按门铃两次。')).toBeVisible();
  await hq.addProducts([{ search: '农夫山泉', quantity: 1 }]);
  await hq.submitOrder();
  await expect(page.getByRole('table', { name: '进行中的订单' }).getByRole('row')).toHaveCount(2);

  // The next call from that number opens the file by itself.
  await page.goto('/hq/#/intake?phone=%2B86%20139-1234-5678&call=call-e2e-0002');
  await expect(page.getByRole('region', { name: '通话中' })).toContainText('通话编号 call-e2e-0002');
  await expect(page.getByText('林小雨', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: '进行中的订单' }).getByRole('row')).toHaveCount(2);
  await screens(page, 'hq-screen-pop-file');
  await page.getByRole('button', { name: '结束通话' }).click();
  await expect(page.getByRole('region', { name: '通话中' })).toHaveCount(0);
});
