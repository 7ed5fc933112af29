import { expect, test } from 'vitest';
import { scanWindowInFrame } from './scan-window.js';

type Case = { name: string; frame: [number, number]; view: [number, number]; crop: [number, number, number, number] };

const cases: Case[] = [
  { name: 'a view with the frame\'s own shape', frame: [640, 480], view: [320, 240], crop: [64, 120, 512, 240] },
  { name: 'a wide view cuts the top and bottom of a 4:3 frame', frame: [640, 480], view: [640, 240], crop: [64, 180, 512, 120] },
  { name: 'a portrait frame in a landscape view', frame: [720, 1280], view: [360, 240], crop: [72, 520, 576, 240] },
  { name: 'a view not laid out yet falls back to the whole frame', frame: [640, 480], view: [0, 0], crop: [64, 120, 512, 240] },
];

test.each(cases)('the crop is the on-screen window: $name', ({ frame, view, crop }) => {
  const rect = scanWindowInFrame({ frame: { width: frame[0], height: frame[1] }, view: { width: view[0], height: view[1] } });
  expect([rect.x, rect.y, rect.width, rect.height]).toEqual(crop);
});
