import { hasValidCheckDigit, isStorableText, toGtin14 } from '@repo/domain';

/** One product's on-hand count as the inventory system reports it: by barcode or by our product id (sku). */
export type StockCount = ({ readonly gtin: string } | { readonly sku: string }) & {
  readonly quantity: number;
  /** Where it came from ("line 4", "items.3"), to name it in an error. */
  readonly path: string;
};

/** A problem with one field of one row, said so a person can fix the file: "line 4, quantity: …". */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export type Parsed = { ok: true; counts: StockCount[] } | { ok: false; problems: FieldProblem[] };

/** The most rows one import may carry: a large store's whole assortment, with room to spare. */
export const maxStockRows = 20_000;
const maxQuantity = 1_000_000;

/**
 * Reads a CSV export (header `gtin,quantity` or `sku,quantity`, comma or tab, optional BOM and
 * quotes). Every bad row is reported with its line and field; nothing is returned unless all are good.
 */
export function parseStockCsv(text: string): Parsed {
  if (!isStorableText(text)) return fail('file', 'The file contains characters that cannot be read (U+0000 or broken text).');
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).map((l, i) => ({ n: i + 1, cells: splitRow(l) })).filter((l) => l.cells.some((c) => c !== ''));
  const header = lines.shift();
  if (!header) return fail('file', 'The file is empty: it needs a header line "gtin,quantity" and one line per product.');
  const names = header.cells.map((c) => c.toLowerCase());
  const key = names.includes('gtin') ? 'gtin' : names.includes('sku') ? 'sku' : null;
  const q = names.indexOf('quantity');
  if (!key || q < 0) return fail('line 1', 'The header must name the columns "gtin" (or "sku") and "quantity".');
  if (lines.length > maxStockRows) return fail('file', `At most ${maxStockRows} lines per import.`);
  const k = names.indexOf(key);
  return checkCounts(lines.map(({ n, cells }) => ({ where: `line ${n}`, key, id: cells[k] ?? '', quantity: cells[q] ?? '' })));
}

/** Checks counts sent as JSON (the inventory API): `items[i].gtin|sku` and `items[i].quantity`. */
export function parseStockItems(body: unknown): Parsed {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return fail('items', 'Expected an array of {gtin or sku, quantity}.');
  if (items.length > maxStockRows) return fail('items', `At most ${maxStockRows} items per import.`);
  return checkCounts(items.map((raw: unknown, i) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const key = 'sku' in item && !('gtin' in item) ? 'sku' : 'gtin';
    return { where: `items.${i}`, key, id: item[key], quantity: item.quantity };
  }));
}

function checkCounts(rows: { where: string; key: 'gtin' | 'sku'; id: unknown; quantity: unknown }[]): Parsed {
  const problems: FieldProblem[] = [];
  const counts: StockCount[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = typeof row.id === 'string' ? row.id.trim() : '';
    const quantity = typeof row.quantity === 'string' && /^\s*\d+\s*$/.test(row.quantity) ? Number(row.quantity) : row.quantity;
    const idProblem = row.key === 'gtin' ? gtinProblem(id) : id.length < 1 || id.length > 64 ? 'An sku of 1 to 64 characters.' : null;
    if (idProblem) problems.push({ path: `${row.where}.${row.key}`, message: idProblem });
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0 || quantity > maxQuantity) {
      problems.push({ path: `${row.where}.quantity`, message: `A whole number from 0 to ${maxQuantity}.` });
    }
    const unique = row.key === 'gtin' && !idProblem ? toGtin14(id) : id;
    if (!idProblem && seen.has(unique)) problems.push({ path: `${row.where}.${row.key}`, message: 'This product is listed twice.' });
    seen.add(unique);
    if (problems.length === 0) counts.push({ ...(row.key === 'gtin' ? { gtin: id } : { sku: id }), quantity: quantity as number, path: row.where });
    if (problems.length >= 50) break;
  }
  return problems.length ? { ok: false, problems } : { ok: true, counts };
}

function gtinProblem(id: string): string | null {
  if (!/^(\d{8}|\d{12,14})$/.test(id)) return 'A barcode of 8, 12, 13 or 14 digits.';
  return hasValidCheckDigit(id) ? null : 'The barcode\'s check digit is wrong.';
}

/** One CSV row: comma or tab separated, double quotes around a cell, "" for a quote inside. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\t') { cells.push(cell.trim()); cell = ''; } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function fail(path: string, message: string): Parsed {
  return { ok: false, problems: [{ path, message }] };
}
