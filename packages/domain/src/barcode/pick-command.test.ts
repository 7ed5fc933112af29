import { expect, test } from 'vitest';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';
import { pickCommandBarcodes, pickCommandNames } from './pick-command.js';

const today = isoDateSchema.parse('2026-05-10');
const commandOf = (text: string) => {
  const parsed = parseBarcode(text, { today });
  if (!parsed.ok) return parsed.rejection.reason;
  return parsed.value.kind === 'command' ? parsed.value.command : parsed.value.kind;
};

test('[BC31] the printable table has one barcode per command, with distinct payloads and captions', () => {
  expect(pickCommandBarcodes.map((b) => b.command)).toEqual([...pickCommandNames]);
  expect(new Set(pickCommandBarcodes.map((b) => b.payload)).size).toBe(pickCommandNames.length);
  expect(pickCommandBarcodes.map((b) => b.caption['zh-Hans'])).toEqual(['完成拣货', '缺货', '下一项', '撤销']);
});

test.each(pickCommandBarcodes.map((b) => [b.payload, b.command]))('[BC31] %s drives %s', (payload, command) => {
  expect(commandOf(payload)).toBe(command);
  expect(commandOf(payload.toLowerCase())).toBe(command);
  expect(commandOf(`]C0${payload}\r\n`)).toBe(command);
  expect(parseBarcode(payload, { today, symbology: 'qr-code' })).toEqual({ ok: true, value: { kind: 'command', command } });
});

test.each(pickCommandBarcodes.map((b) => [b.payload]))('[BC32] %s cannot be read as a GTIN or GS1 data', (payload) => {
  expect(payload).toMatch(/^[A-Z]+:[A-Z_]+$/);
  expect(commandOf(`]C1${payload}`)).toBe('UNKNOWN_AI');
  expect(commandOf(`]E0${payload}`)).toBe('BAD_FORMAT');
});

test('[BC31] text that is almost a command is not one', () => {
  expect(commandOf('CMD:FINISHED')).toBe('UNRECOGNISED_BARCODE');
  expect(commandOf('CMD FINISH')).toBe('UNRECOGNISED_BARCODE');
});
