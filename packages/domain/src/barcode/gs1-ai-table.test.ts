import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { defaultDictionaryPath, generatedTablePath, renderAiTable } from '../../scripts/generate-gs1-ai-table.js';
import { fixedDataLength, lookUpAi } from './gs1-ai-definition.js';
import { gs1AiTable } from './gs1-ai-table.generated.js';

// The dictionary sits outside the repository (../shared/gs1); where it is absent the checked-in table
// is the source of truth and only the spot checks below run.
test.skipIf(!existsSync(defaultDictionaryPath))('[BC17] the checked-in AI table is what the generator makes from the dictionary', () => {
  const fresh = renderAiTable(readFileSync(defaultDictionaryPath, 'utf8'));
  expect(readFileSync(generatedTablePath, 'utf8')).toBe(fresh);
});

test.each([
  // [AI, separator required, fixed data length, decimal indicator]
  ['00', false, 18, false],
  ['01', false, 14, false],
  ['10', true, undefined, false],
  ['17', false, 6, false],
  ['21', true, undefined, false],
  ['3103', false, 6, true],
  ['3922', true, undefined, true],
  ['8005', true, 6, false],
  ['99', true, undefined, false],
] as const)('[BC14] (%s): separator required %s, fixed length %s, decimal %s', (ai, separatorRequired, fixed, decimal) => {
  const definition = gs1AiTable[ai];
  expect(definition && [definition.separatorRequired, fixedDataLength(definition), definition.decimalIndicator]).toEqual([
    separatorRequired,
    fixed,
    decimal,
  ]);
});

test.each([
  ['0109501101530003', '01'],
  ['3103001250', '3103'],
  ['414061414199999', '414'],
  ['2350001', '235'],
  ['91ABC', '91'],
])('[BC17] %s starts with AI (%s)', (text, ai) => {
  expect(lookUpAi(text)?.ai).toBe(ai);
});

test.each(['23', '05', '3106', '4099', 'AB'])('[BC17] %s is not a GS1 AI', (text) => {
  expect(lookUpAi(text)).toBeUndefined();
});

test('[BC17] the table knows the dictionary in full, ranges expanded', () => {
  expect(Object.keys(gs1AiTable).length).toBeGreaterThan(500);
  expect(Object.keys(gs1AiTable).filter((ai) => ai.startsWith('310'))).toEqual(['3100', '3101', '3102', '3103', '3104', '3105']);
});
