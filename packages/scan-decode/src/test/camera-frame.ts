import type { ImageDataLike } from '../barcode-decoder.js';

/** A camera preview's size: the frames the store app will hand to the decoder. */
export const cameraFrameSize = { width: 640, height: 480 } as const;

// Mid grey, like a counter or a hand around the item: neither helps nor hides the code.
const backgroundGrey = 128;

/**
 * Places an image on a 640x480 canvas, scaled to fit and centred (bilinear), so every sample
 * costs what a camera frame costs. Expects an opaque image (flatten transparency first).
 */
export function toCameraFrame(image: ImageDataLike): ImageDataLike {
  const { width, height } = cameraFrameSize;
  const scale = Math.min(width / image.width, height / image.height);
  const w = Math.round(image.width * scale);
  const h = Math.round(image.height * scale);
  const left = Math.floor((width - w) / 2);
  const top = Math.floor((height - h) / 2);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = data[i + 1] = data[i + 2] = backgroundGrey;
    data[i + 3] = 255; // opaque, as every camera frame is
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const to = ((top + y) * width + left + x) * 4;
      sampleBilinear(image, (x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5, data, to);
    }
  }
  return { width, height, data };
}

function sampleBilinear(image: ImageDataLike, sx: number, sy: number, out: Uint8ClampedArray, at: number): void {
  const x0 = clamp(Math.floor(sx), image.width - 1);
  const y0 = clamp(Math.floor(sy), image.height - 1);
  const x1 = Math.min(x0 + 1, image.width - 1);
  const y1 = Math.min(y0 + 1, image.height - 1);
  const fx = Math.min(Math.max(sx - x0, 0), 1);
  const fy = Math.min(Math.max(sy - y0, 0), 1);
  const px = (x: number, y: number, c: number) => image.data[(y * image.width + x) * 4 + c]!;
  for (let c = 0; c < 3; c++) {
    const top = px(x0, y0, c) * (1 - fx) + px(x1, y0, c) * fx;
    const bottom = px(x0, y1, c) * (1 - fx) + px(x1, y1, c) * fx;
    out[at + c] = top * (1 - fy) + bottom * fy;
  }
  out[at + 3] = 255;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
