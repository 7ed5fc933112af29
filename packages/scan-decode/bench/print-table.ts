/** Prints rows as a Markdown table, so the output pastes into docs/decoders.md as is. */
export function printTable(title: string, rows: readonly Record<string, string | number>[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}

/** Median of a list of timings, in ms with one decimal; '-' for an empty list. */
export function medianMs(timings: readonly number[]): string {
  if (timings.length === 0) return '-';
  const sorted = [...timings].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return median.toFixed(1);
}
