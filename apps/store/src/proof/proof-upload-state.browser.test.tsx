import { afterEach, beforeEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n.js';
import { db, type ProofBlob } from '../local-db/store-db.js';
import { DeviceBar } from '../sync-status/device-bar.js';
import { ProofUploadState } from './proof-upload-state.js';
import { dropStoredBytes, keepStoredBytesMs } from './proof-uploader.js';

let root: Root | null = null;

function blob(sha: string, fields: Partial<ProofBlob> = {}): ProofBlob {
  return {
    sha256: sha.repeat(64).slice(0, 64), type: 'image/jpeg', bytes: 1000, orderId: 'o-1', clientId: 'c', mutationId: 1, kind: 'door_photo',
    data: new Blob([new Uint8Array(1000)]), state: 'waiting', uploadedBytes: 0, createdAt: new Date().toISOString(), ...fields,
  };
}

beforeEach(async () => {
  await db.blobs.clear();
  localStorage.setItem('store.locale', 'zh-Hans');
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

function show(node: React.ReactNode): void {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<I18nProvider>{node}</I18nProvider>));
}

test('[PU23] each proof shows where it is: on the device, how far uploaded, on the server, or refused', async () => {
  await db.blobs.bulkPut([
    blob('a'), blob('b', { state: 'uploading', uploadedBytes: 420 }), blob('c', { state: 'stored', uploadedBytes: 1000 }),
    blob('d', { lastError: 'refused:NOT_AN_IMAGE' }),
  ]);
  show(<>{['a', 'b', 'c', 'd', 'e'].map((s) => <ProofUploadState key={s} sha256={s.repeat(64)} />)}</>);
  await expect.element(page.getByText('门口照片：在本机，等待上传')).toBeVisible();
  await expect.element(page.getByText('上传中 42%')).toBeVisible();
  await expect.element(page.getByText('已上传到服务器')).toBeVisible();
  await expect.element(page.getByText('上传被拒绝，请联系总部')).toBeVisible();
  expect(document.querySelectorAll('[data-sha256]')).toHaveLength(4);
  // Progress written by the leader tab shows here without a reload.
  await db.blobs.update('b'.repeat(64), { uploadedBytes: 900 });
  await expect.element(page.getByText('上传中 90%')).toBeVisible();
});

test('[PU24] the device bar counts photos and signatures not yet on the server', async () => {
  await db.blobs.bulkPut([blob('a'), blob('b', { state: 'uploading' }), blob('c', { kind: 'signature' }), blob('d', { state: 'stored' })]);
  show(<DeviceBar />);
  await expect.element(page.getByRole('status')).toHaveTextContent(/2 张照片待上传 · 1 个签名待上传/);
  await db.blobs.where('state').anyOf('waiting', 'uploading').modify({ state: 'stored' });
  await expect.element(page.getByRole('status')).not.toHaveTextContent(/待上传/);
});

test('[PU25] a stored photo keeps its bytes on the device for 24 hours, then only its row stays', async () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const storedAt = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  await db.blobs.bulkPut([
    blob('a', { state: 'stored', storedAt: storedAt(keepStoredBytesMs + 60_000) }),
    blob('b', { state: 'stored', storedAt: storedAt(keepStoredBytesMs - 60_000) }),
    blob('c', { state: 'waiting', createdAt: storedAt(10 * keepStoredBytesMs) }),
  ]);
  expect(await dropStoredBytes(now)).toBe(1);
  const [a, b, c] = await db.blobs.bulkGet(['a', 'b', 'c'].map((s) => s.repeat(64)));
  expect([a?.data.size, a?.bytesDroppedAt, a?.state]).toEqual([0, now.toISOString(), 'stored']);
  expect(b?.data.size).toBe(1000);
  expect(c?.data.size).toBe(1000);
  expect(await dropStoredBytes(now)).toBe(0);
});
