// Writes packages/domain/src/barcode/iso-4217.generated.ts from ISO 4217's list one as the npm package
// `currency-codes` ships it (iso-4217-list-one.xml, the maintainer's copy of the list SIX Group
// publishes for ISO). Run from the repository root: pnpm exec tsx packages/domain/scripts/generate-iso-4217-table.ts
// After updating currency-codes, run it again; the freshness test fails until then.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The XML inside the installed currency-codes package (a dev dependency of @repo/domain only). */
export const listOnePath = createRequire(import.meta.url).resolve('currency-codes/iso-4217-list-one.xml');
export const generatedTablePath = fileURLToPath(new URL('../src/barcode/iso-4217.generated.ts', import.meta.url));

interface Currency {
  readonly numeric: string;
  readonly alphabetic: string;
  readonly name: string;
}

/** The generated module's full text for list one's XML; pure, so a test can check freshness. */
export function renderIso4217Table(listOneXml: string): string {
  const published = /<ISO_4217 Pblshd="(\d{4}-\d{2}-\d{2})"/.exec(listOneXml)?.[1];
  if (!published) throw new Error('Not ISO 4217 list one: no <ISO_4217 Pblshd="…"> element.');
  const currencies = [...byNumericCode(readEntries(listOneXml)).values()].sort((a, b) => a.numeric.localeCompare(b.numeric));
  if (currencies.length < 150) throw new Error(`Only ${currencies.length} currencies in list one; refusing to write a short table.`);
  return [
    '// GENERATED FILE: do not edit by hand.',
    '// Made by `pnpm exec tsx packages/domain/scripts/generate-iso-4217-table.ts` (run from the repository',
    "// root; also `pnpm --filter @repo/domain generate:iso4217`) from ISO 4217's list one as the npm",
    '// package currency-codes ships it (iso-4217-list-one.xml).',
    '',
    '/** The date on the ISO 4217 list this table was made from. */',
    `export const iso4217ListPublished = '${published}';`,
    '',
    '/** ISO 4217 numeric currency codes in use, each with its alphabetic code. */',
    'export const iso4217Currencies: Readonly<Record<string, string>> = {',
    ...currencies.map((c) => `  '${c.numeric}': '${c.alphabetic}', // ${c.name}`),
    '};',
    '',
  ].join('\n');
}

// Each <CcyNtry> is one country's use of a currency; entries without <CcyNbr> ("No universal
// currency", e.g. Antarctica) have no code.
function readEntries(xml: string): Currency[] {
  return [...xml.matchAll(/<CcyNtry>([\s\S]*?)<\/CcyNtry>/g)].flatMap(([, entry = '']) => {
    const numeric = field(entry, 'CcyNbr');
    const alphabetic = field(entry, 'Ccy');
    if (!numeric || !alphabetic) return [];
    if (!/^\d{3}$/.test(numeric) || !/^[A-Z]{3}$/.test(alphabetic)) throw new Error(`Unexpected ISO 4217 entry ${alphabetic} ${numeric}.`);
    return [{ numeric, alphabetic, name: field(entry, 'CcyNm') ?? '' }];
  });
}

function byNumericCode(currencies: readonly Currency[]): Map<string, Currency> {
  const table = new Map<string, Currency>();
  for (const currency of currencies) {
    const seen = table.get(currency.numeric);
    if (seen && seen.alphabetic !== currency.alphabetic) {
      throw new Error(`ISO 4217 ${currency.numeric} is both ${seen.alphabetic} and ${currency.alphabetic}.`);
    }
    table.set(currency.numeric, currency);
  }
  return table;
}

function field(entry: string, name: string): string | undefined {
  const text = new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(entry)?.[1]?.trim();
  // Names are plain text in the comment: undo XML's entities, keep it on one line.
  return text?.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

function main(): void {
  const source = process.argv[2] ?? listOnePath;
  writeFileSync(generatedTablePath, renderIso4217Table(readFileSync(source, 'utf8')));
  console.log(`Wrote ${generatedTablePath} from ${source}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
