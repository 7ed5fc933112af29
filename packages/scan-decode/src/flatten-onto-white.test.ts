import { expect, test } from 'vitest';
import { flattenOntoWhite } from './flatten-onto-white.js';

test('[DC7] composites transparent pixels onto white', () => {
  const image = { width: 3, height: 1, data: new Uint8ClampedArray([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128]) };
  expect([...flattenOntoWhite(image).data]).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255]);
});

test('[DC7] hands an opaque camera frame back without copying it', () => {
  const frame = { width: 1, height: 1, data: new Uint8ClampedArray([10, 20, 30, 255]) };
  expect(flattenOntoWhite(frame)).toBe(frame);
});
