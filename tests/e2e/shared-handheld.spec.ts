import { expect, test } from '@playwright/test';
import { handheld } from './fixtures/handheld.js';
import { HqApi } from './fixtures/hq-api.js';
import { StoreApp } from './fixtures/store-app.js';

// Device faults on one handheld with a persistent profile (a real Chromium user-data dir, as a PDA
// keeps it): several people sign in and out of it. Rule ids: docs/sync-protocol.md.

/** Signs in whoever: a manager lands on the inbox, a clerk on their own screen; both show the device bar. */
async function signInAs(app: StoreApp, username: string): Promise<void> {
  await app.page.getByLabel('用户名').fill(username);
  await app.page.getByLabel('密码').fill('demo1234');
  await app.page.getByRole('button', { name: '登录' }).click();
  await expect(app.page.locator('.connection-bar')).toBeVisible();
}

async function signOut(app: StoreApp, expectWarning: boolean): Promise<void> {
  await app.page.getByRole('button', { name: '设置' }).click();
  await app.page.getByRole('button', { name: '退出登录' }).click();
  if (expectWarning) {
    const warning = app.page.getByRole('alertdialog');
    await expect(warning).toContainText('您本人下次在本机登录时自动上传');
    await warning.getByRole('button', { name: '仍然退出' }).click();
  }
  await expect(app.page.getByLabel('用户名')).toBeVisible();
}

test('[SY47] one handheld, two stores and a clerk: a queued action is sent only as the person who made it, never lost', async ({ baseURL, request }) => {
  const hq = await HqApi.signIn(request);
  const context = await handheld(baseURL!);
  const app = new StoreApp(context.pages()[0] ?? (await context.newPage()));
  await app.page.goto('/store/');
  const mine = await hq.dispatchNewOrder('store-10');
  const theirs = await hq.dispatchNewOrder('store-11');

  await signInAs(app, 'store10.manager');
  await app.waitForServiceWorker();
  await expect(app.orderCard(mine.number)).toBeVisible();
  await context.setOffline(true);
  await app.accept(mine.number);
  expect(await app.outboxSize()).toBe(1);
  await signOut(app, true);
  await context.setOffline(false);

  // Another store's manager on the same handheld: store10's accept waits, visibly, and is never sent as store11.
  await signInAs(app, 'store11.manager');
  await expect(app.page.locator('.connection-bar')).toContainText('另有 1 个操作属于 其他门店的账号');
  await expect(app.orderCard(theirs.number)).toBeVisible();
  await expect(app.orderCard(mine.number)).toHaveCount(0);
  await app.accept(theirs.number);
  await expect.poll(() => hq.status(theirs.id), { timeout: 20_000 }).toBe('accepted');
  expect(await app.outboxSize()).toBe(1);
  expect(await hq.status(mine.id)).toBe('offered');
  await app.page.screenshot({ path: 'test-results/screens/store-held-for-other-360.png' });
  await signOut(app, false);

  // A clerk of the same store: the manager's accept is still not sent under the clerk's name.
  await signInAs(app, 'store10.clerk1');
  await expect(app.page.locator('.connection-bar')).toContainText('另有 1 个操作属于');
  await app.page.waitForTimeout(1_500);
  expect(await hq.status(mine.id)).toBe('offered');
  await signOut(app, false);

  // The maker signs in again: the accept goes out once, as them.
  await signInAs(app, 'store10.manager');
  await app.waitForEmptyOutbox();
  expect(await hq.status(mine.id)).toBe('accepted');
  expect(await hq.eventCounts(mine.id)).toMatchObject({ accept: 1 });
  expect(await hq.eventCounts(theirs.id)).toMatchObject({ accept: 1 });
  await context.close();
});
