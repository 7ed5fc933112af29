import { expect, test } from 'vitest';
import { handMadePlurals } from './hand-made-plurals.js';

test('[I18N9] the scan finds "(s)" and a plural noun after a number in a plain string, and passes plural messages', () => {
  expect(handMadePlurals({
    a: '{count} item(s)', b: '{count} products', c: '{count} new offers waiting', d: 'Order {number} was cancelled',
    e: '{name} is short-dated', f: '{ms} ms per character', g: { one: '{count} product', other: '{count} products' }, h: '{count} to deliver',
  })).toEqual([
    'a: "{count} item(s)" writes (s)',
    'b: "{count} products" puts "products" after a number',
    'c: "{count} new offers waiting" puts "offers" after a number',
  ]);
});
