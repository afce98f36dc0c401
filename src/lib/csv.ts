/**
 * CSV that spreadsheets open cleanly: UTF-8 with a byte-order mark (so Excel
 * reads accents and dashes right), RFC 4180 quoting and CRLF line ends.
 *
 * Formula injection: a text cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return would run as a formula in Excel or LibreOffice, so it gets a
 * leading `'`. Only text is neutralised: numbers are written as numbers, so a
 * plotted -3 stays -3 and still sums (OWASP "CSV Injection").
 */

export const BOM = '\uFEFF';
const EOL = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text value that a spreadsheet would run as a formula with `'`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number already written out (e.g. "33.3", "-2.0", "0.200"): written as is, never treated as text. */
export class NumberText {
  constructor(readonly text: string) {}
  /** Written as its text wherever it is printed (charts.md tables too). */
  toString(): string {
    return this.text;
  }
}

/** One CSV field: numbers as written, text neutralised, quoted when RFC 4180 requires it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof NumberText) return value.text;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (without its line end). */
export function csvRecord(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV document: BOM, header, records, CRLF after every line. */
export function toCsv(header: readonly string[], records: Iterable<readonly unknown[]>): string {
  const lines = [csvRecord(header)];
  for (const r of records) lines.push(csvRecord(r));
  return BOM + lines.join(EOL) + EOL;
}
