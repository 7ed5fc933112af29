import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { ImageDataLike } from '../barcode-decoder.js';

const pngSignature = [0x89, 0x50, 0x4e, 0x47];

/**
 * Reads a PNG file into RGBA pixels (pngjs expands palette, grey and 1-bit images to RGBA).
 * Only PNG: every image in the barcode samples is a PNG, so no JPEG or GIF decoder is pulled in.
 */
export function loadPng(file: string): ImageDataLike {
  const bytes = readFileSync(file);
  if (!pngSignature.every((b, i) => bytes[i] === b)) {
    throw new Error(`${file} is not a PNG; add a decoder for its format to load it`);
  }
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length) };
}
