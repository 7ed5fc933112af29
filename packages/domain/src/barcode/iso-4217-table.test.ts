import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatedTablePath, listOnePath, renderIso4217Table } from '../../scripts/generate-iso-4217-table.js';
import { isIso4217Code } from './iso-4217.js';
import { iso4217ListPublished } from './iso-4217.generated.js';

// currency-codes is a dev dependency, always installed for tests: unlike the GS1 dictionary this
// check never skips.
test('[BC37] the checked-in ISO 4217 table is what the generator makes from the installed list', () => {
  expect(readFileSync(generatedTablePath, 'utf8')).toBe(renderIso4217Table(readFileSync(listOnePath, 'utf8')));
});

test.each([
  ['156', 'CNY, the renminbi'],
  ['344', 'HKD'],
  ['978', 'EUR'],
  ['924', 'ZWG, Zimbabwe Gold (2024)'],
  ['926', 'VED, Bolívar Soberano (2021)'],
  ['925', 'SLE, the new leone (2022)'],
])('[BC37] %s (%s) is a currency in use', (code) => {
  expect(isIso4217Code(code)).toBe(true);
});

test.each([
  ['191', 'HRK, the kuna: Croatia took the euro in 2023'],
  ['694', 'SLL, the old leone, withdrawn 2024'],
  ['932', 'ZWL, withdrawn for ZWG in 2024'],
  ['000', 'never a code'],
  ['constructor', 'an object key, not a code'],
])('[BC37] %s (%s) is not a currency in use', (code) => {
  expect(isIso4217Code(code)).toBe(false);
});

test('[BC37] the generator refuses what is not list one, and says when the list was published', () => {
  expect(() => renderIso4217Table('<html></html>')).toThrow(/not ISO 4217 list one/i);
  expect(() => renderIso4217Table('<ISO_4217 Pblshd="2024-06-25"><CcyTbl></CcyTbl></ISO_4217>')).toThrow(/short table/);
  expect(iso4217ListPublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
