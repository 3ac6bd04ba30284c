import type { ImportReviewCounts, InvalidRow } from './import-views';
import { formatCount } from './progress-format';

const REVIEW_ROWS: readonly (readonly [keyof ImportReviewCounts, string])[] = [
  ['new', 'New products'],
  ['costChanged', 'Cost changes'],
  ['priceChanged', 'Price changes'],
  ['detailsChanged', 'Detail changes'],
  ['unchanged', 'Unchanged'],
  ['missing', 'Missing from sheet'],
  ['invalid', 'Invalid rows'],
];

/** Right-aligned numbers under their labels, one per line. */
function table(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows.map(
    ([label, value]) => `${indent}${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}`,
  );
}

/** The review as a small table: what applying would do, and what could not be read. */
export function reviewTable(review: ImportReviewCounts): string {
  return [
    `Review of ${formatCount(review.rows)} rows (${formatCount(review.valid)} valid):`,
    ...table(REVIEW_ROWS.map(([key, label]) => [label, formatCount(review[key])])),
  ].join('\n');
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The first invalid rows: where, which SKU, why. */
export function invalidRowsTable(rows: readonly InvalidRow[], total: number): string {
  const numberWidth = Math.max(3, ...rows.map((r) => String(r.rowNumber ?? '-').length));
  const skuWidth = Math.min(28, Math.max(3, ...rows.map((r) => (r.vendorSku ?? '').length)));
  const heading =
    total > rows.length
      ? `First ${rows.length} of ${formatCount(total)} invalid rows:`
      : `Invalid rows:`;
  return [
    heading,
    `  ${'Row'.padStart(numberWidth)}  ${'SKU'.padEnd(skuWidth)}  Reason`,
    ...rows.map(
      (r) =>
        `  ${String(r.rowNumber ?? '-').padStart(numberWidth)}  ${clip(r.vendorSku ?? '-', skuWidth).padEnd(skuWidth)}  ${clip(r.reason ?? '', 100)}`,
    ),
  ].join('\n');
}

/** One line per sheet of a manifest import. */
export interface SheetOutcome {
  readonly vendor: string;
  readonly sheet: string;
  readonly importId: string | null;
  readonly review: ImportReviewCounts | null;
  readonly status: string;
}

export function manifestSummary(outcomes: readonly SheetOutcome[]): string {
  const header = ['Vendor', 'Rows', 'New', 'Changed', 'Invalid', 'Missing', 'Status'];
  const rows = outcomes.map((o) => [
    o.vendor,
    o.review ? formatCount(o.review.rows) : '-',
    o.review ? formatCount(o.review.new) : '-',
    // Every valid row is new, unchanged or changed in some way.
    o.review ? formatCount(o.review.valid - o.review.new - o.review.unchanged) : '-',
    o.review ? formatCount(o.review.invalid) : '-',
    o.review ? formatCount(o.review.missing) : '-',
    o.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
