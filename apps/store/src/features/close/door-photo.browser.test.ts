import { expect, test } from 'vitest';
import { maxPhotoBytes, photoLongSidePx, readDoorPhoto } from './door-photo.js';

async function cameraJpeg(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#8a6');
  gradient.addColorStop(1, '#236');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#fff';
  context.font = '300px sans-serif';
  context.fillText('1202', width / 4, height / 2);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
}

test('[DL10] a large camera photo is stored as a JPEG of at most 1600 px on its long side and a few hundred KB', async () => {
  const original = await cameraJpeg(4000, 3000);
  const result = await readDoorPhoto(original);
  if (!result.ok) throw new Error(result.problem);
  expect(result.data.type).toBe('image/jpeg');
  expect(result.data.size).toBeLessThanOrEqual(400 * 1024);
  const stored = await createImageBitmap(result.data);
  expect([stored.width, stored.height]).toEqual([photoLongSidePx, 1200]);
});

test('[DL11] a file that is not an image, or an image over 8 MB, is refused before anything is stored', async () => {
  expect(await readDoorPhoto(new Blob(['%PDF-1.4'], { type: 'application/pdf' }))).toEqual({ ok: false, problem: 'not_image' });
  expect(await readDoorPhoto(new Blob(['not really a jpeg'], { type: 'image/jpeg' }))).toEqual({ ok: false, problem: 'not_image' });
  expect(await readDoorPhoto(new Blob([new Uint8Array(maxPhotoBytes + 1)], { type: 'image/jpeg' }))).toEqual({ ok: false, problem: 'too_big' });
});
