import { expect, test, type Page } from '@playwright/test';
import { HqConsole } from './fixtures/hq-console.js';
import { StoreApp } from './fixtures/store-app.js';

test.use({ locale: 'zh-CN' });

/** Collects every Content-Security-Policy violation the page reports, from the page and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  return violations;
}

for (const app of ['/store/', '/hq/']) {
  test(`[SEC50] ${app} is served with its CSP and hardening headers`, async ({ request }) => {
    const response = await request.get(app);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
  });
}

test('[SEC50] the store app loads, signs in and syncs under its CSP with no violation', async ({ context }) => {
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/store/');
  const store = new StoreApp(page);
  await store.signIn('store01.manager');
  await store.waitForServiceWorker();
  await page.reload();
  await expect(page.getByRole('heading', { name: /派单收件箱/ })).toBeVisible();
  expect(violations).toEqual([]);
});

test('[SEC50] the head-office console loads and signs in under its CSP with no violation', async ({ context }) => {
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await page.goto('/hq/');
  await new HqConsole(page).signIn();
  expect(violations).toEqual([]);
});
