import { expect, test, type Browser, type BrowserContext, type Request } from '@playwright/test';
import { HqApi } from './fixtures/hq-api.js';
import { deviceBlob, keepPhotoOnDevice, serverBlobFiles, testPhoto, type TestPhoto } from './fixtures/proof-blobs.js';
import { StoreApp } from './fixtures/store-app.js';

// Proof photos upload on their own, resuming after a cut (docs/proof-uploads.md). Each case ends
// with the photo stored exactly once on the server, byte for byte, and nothing partial left over.
const chunk = 256 * 1024;

async function storeDevice(browser: Browser, store: string): Promise<{ context: BrowserContext; app: StoreApp }> {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const app = await StoreApp.open(context);
  await app.signIn(`${store}.manager`);
  await app.waitForServiceWorker();
  return { context, app };
}

async function expectStoredOnce(hq: HqApi, app: StoreApp, photo: TestPhoto): Promise<void> {
  await expect.poll(async () => (await deviceBlob(app.page, photo.sha256))?.state, { timeout: 30_000 }).toBe('stored');
  const read = await hq.readBlob(photo.sha256);
  expect(read.status).toBe(200);
  expect(read.contentType).toBe('image/jpeg');
  expect(read.body.equals(photo.bytes)).toBe(true);
  expect(serverBlobFiles(photo.sha256)).toEqual({ stored: true, partial: [] });
  await expect(app.connectionStatus()).not.toContainText('张照片待上传');
}

function patchOffsets(requests: Request[]): number[] {
  return requests.filter((r) => r.method() === 'PATCH').map((r) => Number(r.headers()['upload-offset']));
}

test('[PU20] a photo upload cut halfway resumes from the bytes the server holds, not from the start', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store10');
  const photo = testPhoto(1_000_000);
  const half = photo.bytes.length / 2;
  const sent: Request[] = [];
  let cut = false;
  await app.page.route('**/blobs/*', async (route) => {
    const req = route.request();
    sent.push(req);
    const offset = Number(req.headers()['upload-offset']);
    if (req.method() !== 'PATCH' || cut || offset + chunk <= half) return route.continue();
    cut = true;
    // The server gets the chunk up to the 50 % mark, then the connection dies before any answer.
    const { 'content-length': _length, ...headers } = req.headers();
    await route.fetch({ headers, postData: photo.bytes.subarray(offset, half) });
    await route.abort('connectionreset');
  });

  await keepPhotoOnDevice(app.page, photo);
  await expectStoredOnce(hq, app, photo);
  expect(cut).toBe(true);
  const offsets = patchOffsets(sent);
  const cutAt = offsets.findIndex((o) => o + chunk > half);
  // After the cut the device asked HEAD and went on from exactly 500,000: no byte was sent twice.
  expect(offsets.slice(cutAt + 1)[0]).toBe(half);
  expect(offsets.filter((o) => o < half && o !== offsets[cutAt])).toEqual([0, chunk].filter((o) => o < offsets[cutAt]!));
  await context.close();
});

test('[PU21] a page reloaded mid-upload shows the progress it had, and resumes where the server is', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store11');
  const photo = testPhoto(1_200_000);
  const sent: Request[] = [];
  await app.page.route('**/blobs/*', async (route) => {
    sent.push(route.request());
    // A slow link, so the reload lands in the middle of the upload.
    if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, 400));
    await route.continue().catch(() => undefined);
  });

  await keepPhotoOnDevice(app.page, photo);
  await expect(app.connectionStatus()).toContainText('1 张照片待上传');
  await expect.poll(async () => (await deviceBlob(app.page, photo.sha256))?.uploadedBytes ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(chunk);
  const before = await deviceBlob(app.page, photo.sha256);
  expect(before?.uploadedBytes).toBeLessThan(photo.bytes.length);
  const sentBeforeReload = sent.length;

  await app.page.reload();
  await expect(app.page.getByRole('heading', { name: /派单收件箱/ })).toBeVisible();
  await expectStoredOnce(hq, app, photo);
  const after = patchOffsets(sent.slice(sentBeforeReload));
  expect(after[0]).toBeGreaterThanOrEqual(before!.uploadedBytes);
  expect(after.every((o) => o > 0)).toBe(true);
  await context.close();
});

test('[PU22] a photo kept offline waits on the device and uploads once the network is back', async ({ browser, request }) => {
  const hq = await HqApi.signIn(request);
  const { context, app } = await storeDevice(browser, 'store12');
  const photos = [testPhoto(300_000), testPhoto(700_000)];

  await context.setOffline(true);
  for (const photo of photos) await keepPhotoOnDevice(app.page, photo);
  await expect.poll(async () => (await deviceBlob(app.page, photos[1]!.sha256))?.lastError, { timeout: 10_000 }).toBeTruthy();
  // The rows were written behind Dexie's back (raw IndexedDB), which its live queries do not see;
  // a restart of the app offline reads them afresh, as the clerk's phone would after a day out.
  await app.page.reload();
  await expect(app.connectionStatus()).toContainText('2 张照片待上传');
  expect((await deviceBlob(app.page, photos[0]!.sha256))?.state).toBe('waiting');
  await app.page.screenshot({ path: 'test-results/screens/store-proof-waiting-offline-360.png' });

  await context.setOffline(false);
  for (const photo of photos) await expectStoredOnce(hq, app, photo);
  await context.close();
});
