/**
 * CSV that spreadsheets open cleanly: UTF-8 byte-order mark (Excel then reads
 * dashes and accents right), RFC 4180 quoting, CRLF line ends. A text cell
 * starting with = + - @ tab or CR would run as a formula, so it gets a leading
 * `'` (OWASP "CSV Injection"); numbers stay numbers so they still sum.
 */

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as written, text neutralised and quoted when needed, empty for null. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: BOM, header, records, CRLF after every line. */
export function toCsv(header: readonly string[], records: readonly (readonly (string | number | null)[])[]): string {
  return BOM + [header, ...records].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
