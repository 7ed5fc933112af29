// Writes packages/domain/src/barcode/gs1-ai-table.generated.ts from GS1's Barcode Syntax Dictionary.
// Run from the repository root: pnpm exec tsx packages/domain/scripts/generate-gs1-ai-table.ts [dictionary]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseSyntaxDictionary, type DictionaryComponent, type DictionaryEntry } from './gs1-dictionary.js';

/** Where shared/gs1/README.md says the dictionary lives, next to the repository. */
export const defaultDictionaryPath = fileURLToPath(new URL('../../../../shared/gs1/gs1-syntax-dictionary.txt', import.meta.url));
export const generatedTablePath = fileURLToPath(new URL('../src/barcode/gs1-ai-table.generated.ts', import.meta.url));

const header = `// GENERATED FILE: do not edit by hand.
// Made by \`pnpm exec tsx packages/domain/scripts/generate-gs1-ai-table.ts\` (run from the repository root;
// also \`pnpm --filter @repo/domain generate:gs1\`) from GS1's Barcode Syntax Dictionary,
// ../shared/gs1/gs1-syntax-dictionary.txt (version in ../shared/gs1/README.md, Apache-2.0).
`;

/** The generated module's full text for a dictionary's text; pure, so a test can check freshness. */
export function renderAiTable(dictionaryText: string): string {
  const entries = parseSyntaxDictionary(dictionaryText);
  const rows = entries.flatMap(expandEntry);
  assertPrefixFree(rows.map((r) => r.ai));
  const linters = [...new Set(entries.flatMap((e) => e.components.flatMap((c) => c.linters)))].sort();
  return [
    header,
    `import type { Gs1AiDefinition } from './gs1-ai-definition.js';`,
    '',
    '/** Every linter the dictionary names; gs1-linters.ts must decide what to do with each. */',
    `export const gs1LinterNames = [${linters.map(quote).join(', ')}] as const;`,
    'export type Gs1LinterName = (typeof gs1LinterNames)[number];',
    '',
    '/** GS1 Application Identifiers, one row per AI (the dictionary\'s ranges expanded). */',
    'export const gs1AiTable: Readonly<Record<string, Gs1AiDefinition>> = {',
    ...rows.map((r) => `  ${quote(r.ai)}: ${renderDefinition(r.entry, r.ai)},`),
    '};',
    '',
  ].join('\n');
}

function expandEntry(entry: DictionaryEntry): { ai: string; entry: DictionaryEntry }[] {
  const width = entry.firstAi.length;
  const rows = [];
  for (let n = Number(entry.firstAi); n <= Number(entry.lastAi); n++) {
    rows.push({ ai: String(n).padStart(width, '0'), entry });
  }
  return rows;
}

// GS1 General Specifications: in 4-digit AIs listed as a range over the last digit (310n, 392n,
// 394n ...) that digit says where the decimal point goes. The dictionary marks these only as ranges.
function hasDecimalIndicator(entry: DictionaryEntry): boolean {
  const { firstAi, lastAi } = entry;
  return firstAi.length === 4 && firstAi !== lastAi && firstAi.endsWith('0') && firstAi.slice(0, 3) === lastAi.slice(0, 3);
}

function renderDefinition(entry: DictionaryEntry, ai: string): string {
  const fields = [
    `title: ${quote(entry.title || `AI ${ai}`)}`,
    `separatorRequired: ${!entry.flags.includes('*')}`,
    `decimalIndicator: ${hasDecimalIndicator(entry)}`,
    `components: [${entry.components.map(renderComponent).join(', ')}]`,
    `excludes: [${entry.excludes.map(quote).join(', ')}]`,
  ];
  return `{ ${fields.join(', ')} }`;
}

function renderComponent(c: DictionaryComponent): string {
  const linters = c.linters.map(quote).join(', ');
  return `{ cset: '${c.cset}', minLength: ${c.minLength}, maxLength: ${c.maxLength}, optional: ${c.optional}, linters: [${linters}] }`;
}

// The parser reads an AI by trying 2, 3 and 4 digits; that only works while no AI is the start of another.
function assertPrefixFree(ais: readonly string[]): void {
  const all = new Set(ais);
  if (all.size !== ais.length) throw new Error('The dictionary lists an AI twice.');
  for (const ai of ais) {
    for (let len = 2; len < ai.length; len++) {
      if (all.has(ai.slice(0, len))) throw new Error(`AI ${ai.slice(0, len)} is a prefix of AI ${ai}.`);
    }
  }
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function main(): void {
  const dictionaryPath = process.argv[2] ?? defaultDictionaryPath;
  writeFileSync(generatedTablePath, renderAiTable(readFileSync(dictionaryPath, 'utf8')));
  console.log(`Wrote ${generatedTablePath} from ${dictionaryPath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
