import { expect, test } from '@playwright/test';
import { withCheckDigit } from '@repo/domain';
import { StoreApp } from './fixtures/store-app.js';

const GS = '\u001d';
// 农夫山泉 饮用天然水 550ml in the demo catalogue, and its case of 24 (ITF-14).
const unitCode = '6902000000018';
const caseCode = withCheckDigit(`1${unitCode.slice(0, 12)}`);

async function openScanTest(app: StoreApp): Promise<void> {
  await app.page.getByRole('button', { name: '设置' }).click();
  await app.page.getByRole('button', { name: '扫描测试' }).click();
  await expect(app.page.getByRole('heading', { name: /扫描测试/ })).toBeVisible();
  await scannerListening(app);
}

/** The screen listens once its hidden scanner field is in the page (a person cannot scan faster). */
async function scannerListening(app: StoreApp): Promise<void> {
  await expect(app.page.getByRole('textbox', { name: '扫描输入' })).toBeAttached();
}

/** A keyboard-wedge scanner: the whole code typed a few ms per key, then Enter. */
async function wedgeScan(app: StoreApp, text: string): Promise<void> {
  await app.page.keyboard.type(text, { delay: 4 });
  await app.page.keyboard.press('Enter');
}

test('[SC1] the scan test screen reads a unit code and a case code from a wedge scanner, offline', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  await app.signIn('store12.manager');
  await app.waitForServiceWorker();
  // The catalogue is downloaded for the day; scanning then works without a network.
  await expect.poll(async () => (await app.rows('products')).length, { timeout: 15_000 }).toBe(300);
  await context.setOffline(true);
  await openScanTest(app);

  await wedgeScan(app, unitCode);
  const result = app.page.locator('.scan-result');
  await expect(result).toContainText('农夫山泉 饮用天然水 550ml');
  await expect(result).toContainText('单品条码：一次 1 件');

  await wedgeScan(app, caseCode);
  await expect(result).toContainText('整箱条码：一次 24 件');
  await expect(app.page.getByRole('status', { name: '整箱已换算为件数' })).toBeVisible();

  // GS1-128 with an expired date: a blocking problem that must be acknowledged.
  await wedgeScan(app, `01${caseCode}10LOT7${GS}17200101`);
  const problem = app.page.getByRole('alertdialog');
  await expect(problem).toContainText('已过期');
  await app.page.screenshot({ path: 'test-results/screens/store-scan-expired-360.png' });
  await problem.getByRole('button', { name: '知道了' }).click();
  await expect(problem).toHaveCount(0);

  await wedgeScan(app, '1234567890123');
  await expect(result).toContainText('无法识别的条码');
  await expect(app.page.getByText('已扫描 4 次')).toBeVisible();
  await context.close();
});

test('[SC2] the setup wizard learns a scanner that sends no suffix and a "~" for GS, and saves it', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  await app.signIn('store13.manager');
  await expect.poll(async () => (await app.rows('products')).length, { timeout: 15_000 }).toBe(300);
  await openScanTest(app);
  await app.page.getByRole('button', { name: '扫描枪设置向导' }).click();
  await expect(app.page.getByRole('heading', { name: '扫描枪设置向导' })).toBeVisible();
  await scannerListening(app);

  const sheet = ['6901234567892', '96385074', '036000291452', '10614141000415', `]C101069012345678921021A7~17271231`, 'Pick-test-42a'];
  for (const [i, text] of sheet.entries()) {
    await expect(app.page.getByRole('status').filter({ hasText: `第 ${i + 1}/6 步` })).toBeVisible();
    await app.page.keyboard.type(text, { delay: 4 }); // no suffix: the scanner just stops
  }
  const report = app.page.locator('.wizard-ok');
  await expect(report).toContainText('扫描枪设置正确');
  await expect(report).toContainText('没有发送结束符');
  await expect(report).toContainText('用「~」代替 GS 分隔符');
  await app.page.screenshot({ path: 'test-results/screens/store-wizard-360.png' });
  await report.getByRole('button', { name: '保存到本机' }).click();
  await expect(report).toContainText('已保存');
  const meta = await app.rows<{ key: string; settings?: { suffix: string; separatorAliases: string[] } }>('meta');
  expect(meta.find((m) => m.key === 'scanner')?.settings).toMatchObject({ suffix: 'none', separatorAliases: expect.arrayContaining(['~']) });

  // With the saved settings, a suffix-less scan with "~" reads as GS1 data on the test screen.
  await app.page.getByRole('button', { name: /扫描测试/ }).click();
  await expect(app.page.getByRole('heading', { name: /扫描测试/ })).toBeVisible();
  await scannerListening(app);
  await app.page.keyboard.type(`01${caseCode}~17271231`, { delay: 4 });
  await expect(app.page.locator('.scan-result')).toContainText('(17) 271231');
  await expect(app.page.locator('.scan-result')).toContainText('整箱条码：一次 24 件');
  await context.close();
});

test('[SC3] the printable test sheet draws every wizard code and the pick command barcodes', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto('/store/scanner-test-sheet.html');
  await expect(page.getByRole('img')).toHaveCount(10);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('img', { name: '01069012345678921021A7 17271231' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '完成拣货' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/store-test-sheet.png', fullPage: true });
});
