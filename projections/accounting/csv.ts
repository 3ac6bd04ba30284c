/**
 * CSV that a spreadsheet opens as data: a cell starting with = + - @, a tab or a carriage return
 * would run as a formula, so it gets a leading apostrophe (OWASP's advice); every cell is quoted
 * when it holds a delimiter, a quote or a line break.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  // Numbers stay numbers: a negative amount is not a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
