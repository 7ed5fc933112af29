import { expect, test } from 'vitest';
import { gs1AiTable } from './gs1-ai-table.generated.js';
import { readElement } from './gs1-element.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';

const today = isoDateSchema.parse('2026-05-10');
const read = (ai: string, data: string) => {
  const definition = gs1AiTable[ai];
  if (!definition) throw new Error(`no AI ${ai}`);
  const element = readElement({ ai, definition, data }, today);
  return element.ok ? element.value : element.rejection.reason;
};

test.each([
  // [AI, data, unscaled, decimal places, text]: the AI's last digit places the decimal point.
  ['3100', '000125', 125, 0, '125'],
  ['3102', '000125', 125, 2, '1.25'],
  ['3103', '001250', 1250, 3, '1.250'],
  ['3105', '123456', 123456, 5, '1.23456'],
  ['3202', '000250', 250, 2, '2.50'],
  ['3922', '1999', 1999, 2, '19.99'],
  ['3920', '5', 5, 0, '5'],
  ['3925', '12', 12, 5, '0.00012'],
  ['3929', '999999999999999', 999999999999999, 9, '999999.999999999'],
  ['3941', '0250', 250, 1, '25.0'],
  ['3955', '001999', 1999, 5, '0.01999'],
])('[BC27] (%s) %s is %i with %i decimal places (%s)', (ai, data, unscaled, decimalPlaces, text) => {
  expect(read(ai, data)).toMatchObject({ decimal: { unscaled, decimalPlaces, text } });
});

test.each(['3106', '3926x', '310'])('[BC27] (%s) is not a decimal-indicator AI the table knows', (ai) => {
  expect(gs1AiTable[ai]).toBeUndefined();
});

test.each([['01'], ['10'], ['17'], ['30'], ['91']])('[BC27] (%s) carries no decimal', (ai) => {
  expect(gs1AiTable[ai]?.decimalIndicator).toBe(false);
});

test.each([
  ['3932', '1561999', '156', 1999, '19.99'],
  ['3912', '97812345', '978', 12345, '123.45'],
  ['3930', '34450', '344', 50, '50'],
])('[BC28] (%s) %s is currency %s, amount %i (%s)', (ai, data, currency, unscaled, text) => {
  expect(read(ai, data)).toMatchObject({ currency, decimal: { unscaled, text } });
});

test.each([
  ['3932', '0001999', 'BAD_CURRENCY'],
  ['3932', '1571999', 'BAD_CURRENCY'],
  ['3912', 'CNY1999', 'BAD_FORMAT'],
])('[BC28] (%s) %s without a numeric ISO 4217 code is refused as %s', (ai, data, reason) => {
  expect(read(ai, data)).toBe(reason);
});

test('[BC28] a price in renminbi reaches the scan', () => {
  const parsed = parseBarcode(']C10109501101530003393215601999', { today });
  const price = parsed.ok && parsed.value.kind === 'gs1' ? parsed.value.elements[1] : undefined;
  expect(price).toEqual({ ai: '3932', title: 'PRICE', data: '15601999', currency: '156', decimal: { unscaled: 1999, decimalPlaces: 2, text: '19.99' } });
});

test.each([
  ['8003', '00614141000418', 'GRAI without its optional serial'],
  ['8003', '00614141000418ABC', 'GRAI with its optional serial'],
  ['4330', '002100', 'temperature without the optional minus'],
  ['4330', '002100-', 'temperature with the optional minus'],
])('[BC18] (%s) %s is read (%s)', (ai, data) => {
  expect(read(ai, data)).toMatchObject({ ai, data });
});

test.each([
  ['8003', '1061414100041'],
  ['4330', '002100+'],
  ['4330', '002100--'],
])('[BC18] (%s) %s does not fit the components', (ai, data) => {
  expect(read(ai, data)).toMatch(/^BAD_/);
});
