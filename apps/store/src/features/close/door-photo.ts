/** Photos bigger than this are refused before anything is decoded (a phone photo is 2–6 MB). */
export const maxPhotoBytes = 8 * 1024 * 1024;
/** The long side of a stored photo, and the size it aims below: enough to read a door number. */
export const photoLongSidePx = 1600;
export const photoTargetBytes = 400 * 1024;

export type DoorPhoto = { readonly ok: true; readonly data: Blob } | { readonly ok: false; readonly problem: 'not_image' | 'too_big' };

/**
 * Turns what the camera gave into the JPEG the device stores and uploads: at most 1600 px on the
 * long side, re-encoded until it is under ~400 KB. Re-encoding also drops the EXIF block (with
 * the phone's own GPS), and the browser applies the EXIF rotation while decoding.
 */
export async function readDoorPhoto(file: Blob): Promise<DoorPhoto> {
  if (!file.type.startsWith('image/')) return { ok: false, problem: 'not_image' };
  if (file.size > maxPhotoBytes) return { ok: false, problem: 'too_big' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    // A file named .jpg that is not one, or a format this browser cannot decode (HEIC).
    return { ok: false, problem: 'not_image' };
  }
  try {
    return { ok: true, data: await encodeJpeg(bitmap) };
  } finally {
    bitmap.close();
  }
}

async function encodeJpeg(bitmap: ImageBitmap): Promise<Blob> {
  const scale = Math.min(1, photoLongSidePx / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas on this device.');
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  let jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
  for (const quality of [0.7, 0.55, 0.4]) {
    if (jpeg.size <= photoTargetBytes) break;
    jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  return jpeg;
}
