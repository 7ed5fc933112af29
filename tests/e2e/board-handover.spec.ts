import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { HqConsole } from './fixtures/hq-console.js';
import { OwnServer } from './fixtures/own-server.js';

/**
 * The live board and the hand-over (docs/board.md): two head-office agents; agent 1 takes orders,
 * sees them as hers, one goes late, she hands them all to agent 2 at the shift change. A server of
 * its own with a 6-second offer limit (LATE_OFFER_MINUTES), so the shared server keeps its defaults.
 */
let server: OwnServer;
let baseURL = '';

test.beforeAll(async () => {
  server = await OwnServer.start('board', { LATE_OFFER_MINUTES: '0.1' });
  baseURL = server.baseURL;
});

test.afterAll(() => server?.stop());

async function screens(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 800], [1366, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/hq-${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('agent 1 takes orders, one goes late on the board, she hands them all to agent 2, whose 我的订单 shows them', async ({ browser }) => {
  test.setTimeout(150_000);
  const context1 = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const agent1 = await HqConsole.open(context1);
  await agent1.signIn('hq');
  const first = await agent1.takeOrder('周军', [{ search: '农夫山泉', quantity: 2 }]);
  const second = await agent1.takeOrder('周军', [{ search: '农夫山泉', quantity: 1 }]);
  await agent1.dispatch(first, '徐家汇店');

  const board = agent1.page.getByRole('region', { name: '派单看板' });
  await agent1.page.goto(`${baseURL}/hq/#/board`);
  const rows = board.getByRole('table', { name: '订单列表' }).getByRole('row');
  const row = (number: string) => rows.filter({ has: agent1.page.getByRole('link', { name: number, exact: true }) });

  // 我的订单: both orders are hers, with her as owner.
  const mine = board.getByRole('button', { name: /^我的订单（\d+）$/ });
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  await expect(row(first)).toBeVisible();
  await expect(row(second)).toBeVisible();
  await expect(row(second)).toContainText(/剩 \d+\s?分钟/);
  // The time in the state ticks by itself, between the board's refreshes.
  const elapsed = row(second).locator('time.elapsed');
  const before = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(before!, { timeout: 3_000 });

  // The offer no store takes goes late after 6 s, in red with its reason, and moves to the top.
  await expect(row(first)).toContainText(/已超时 \d+\s?(秒钟?|分钟)：门店未接单/, { timeout: 20_000 });
  await expect(row(first)).toHaveClass(/late/);
  const late = board.getByRole('button', { name: /^只看超时（\d+）$/ });
  await late.click();
  await expect(row(first)).toBeVisible();
  await expect(row(second)).toHaveCount(0, { timeout: 10_000 });
  await expectNoSeriousA11yViolations(agent1.page, 'the board, my late orders');
  await screens(agent1.page, 'board-mine-late');
  await late.click();
  await mine.click();
  await screens(agent1.page, 'board-all');

  // 交班: all her open orders go to the colleague of the next shift.
  await agent1.page.getByRole('button', { name: '交班', exact: true }).click();
  const dialog = agent1.page.getByRole('dialog', { name: '交班：把我的订单交给同事' });
  await expect(dialog).toBeVisible();
  const to = dialog.getByLabel('交给');
  await to.selectOption({ index: 1 });
  const colleague = (await to.locator('option:checked').textContent())!.replace(/（手上 \d+ 单）$/, '');
  const open = Number((await mine.textContent())!.match(/\d+/)![0]);
  expect(open).toBeGreaterThanOrEqual(2);
  await expect(dialog).toContainText(`你的 ${open} 个未完成订单将全部交给 ${colleague}`);
  await expectNoSeriousA11yViolations(agent1.page, 'the hand-over dialog');
  await screens(agent1.page, 'handover-dialog');
  await dialog.getByRole('button', { name: '确认交班' }).click();
  await expect(agent1.page.getByRole('status').filter({ hasText: `已把 ${open} 个订单交给 ${colleague}。` })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(mine).toHaveText('我的订单（0）');
  await expect(row(first)).toContainText(colleague);

  // Agent 2 signs in: 我的订单 holds them, and the order says who owns it and who handed it over.
  const context2 = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const agent2 = await HqConsole.open(context2);
  await agent2.signIn('hq2');
  await agent2.page.getByRole('link', { name: '派单看板', exact: true }).click();
  const board2 = agent2.page.getByRole('region', { name: '派单看板' });
  await board2.getByRole('button', { name: `我的订单（${open}）` }).click();
  const rows2 = board2.getByRole('table', { name: '订单列表' }).getByRole('row');
  await expect(rows2.filter({ hasText: first })).toContainText('门店未接单');
  await expect(rows2.filter({ hasText: second })).toBeVisible();
  await board2.getByRole('link', { name: first, exact: true }).click();
  const detail = agent2.page.getByRole('region', { name: `订单 ${first}` });
  await expect(detail).toContainText(`负责人${colleague}`);
  const timeline = detail.getByRole('region', { name: '处理记录' });
  await expect(timeline.getByRole('listitem').filter({ hasText: '转交负责人' })).toContainText(`→ ${colleague}（交班）`);
  await timeline.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(agent2.page, 'the handed-over order');
  await screens(agent2.page, 'board-handed-over-detail');
  // One order back to agent 1 from its detail: only that one moves.
  await detail.getByRole('button', { name: '转交此单' }).click();
  const one = agent2.page.getByRole('dialog', { name: `转交订单 ${first}` });
  await one.getByLabel('交给').selectOption({ index: 1 });
  const back = (await one.getByLabel('交给').locator('option:checked').textContent())!.replace(/（手上 \d+ 单）$/, '');
  await expect(one).toContainText(`订单 ${first} 将交给 ${back}`);
  await one.getByRole('button', { name: '确认交班' }).click();
  await expect(detail.getByRole('status').filter({ hasText: `已把 1 个订单交给 ${back}。` })).toBeVisible();
  await expect(detail).toContainText(`负责人${back}`);
  await expect(board2.getByRole('button', { name: `我的订单（${open - 1}）` })).toBeVisible();

  // The same board in English: every word from the catalogs, durations through Intl.
  await agent2.page.getByLabel('语言').selectOption('en');
  const english = agent2.page.getByRole('region', { name: 'Dispatch board' });
  await expect(english.getByRole('button', { name: `My orders (${open - 1})` })).toBeVisible();
  await expect(english.getByRole('table', { name: 'Orders' })).toContainText(/Late by \d+ min: store has not accepted/);
  await screens(agent2.page, 'board-handed-over-detail-en');
  await Promise.all([context1.close(), context2.close()]);
});
