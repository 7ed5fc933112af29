import type { ImageDataLike } from './barcode-decoder.js';

/**
 * Composites transparent pixels onto white. zxing-wasm ignores alpha, so a transparent
 * background (RGB 0,0,0 under alpha 0) would read as black and hide the code; camera frames
 * are opaque and are returned untouched, without a copy.
 */
export function flattenOntoWhite(image: ImageDataLike): ImageDataLike {
  if (isOpaque(image.data)) return image;
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const alpha = image.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) data[i + c] = image.data[i + c]! * alpha + 255 * (1 - alpha);
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

function isOpaque(data: Uint8ClampedArray): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}
