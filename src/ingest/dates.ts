/**
 * Publication dates as people type them in spreadsheets: "2022", "2022-03",
 * "2022-03-14", "14/03/2022" (UK day first), "March 2022", "14 March 2022",
 * Excel serial numbers. Kept at the precision given.
 */

export interface ParsedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published: string;
  /** First day of that period, for sorting. */
  published_on: string;
  year: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');

/** A month name or its abbreviation ("Sep", "Sept."). */
function monthOf(word: string): number | null {
  const w = word.replace(/\.$/, '').toLowerCase();
  const i = w.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(w)) : -1;
  return i < 0 ? null : i + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month?: number | null, day?: number | null): ParsedDate | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === undefined || month === null) return { published: String(year), published_on: `${year}-01-01`, year };
  if (month < 1 || month > 12) return null;
  if (day === undefined || day === null) return { published: `${year}-${pad(month)}`, published_on: `${year}-${pad(month)}-01`, year };
  if (day < 1 || day > daysIn(year, month)) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return { published: iso, published_on: iso, year };
}

/** Excel stores dates as days since 1899-12-30; only plausible publication dates are accepted. */
function fromExcelSerial(serial: number): ParsedDate | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 80_000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Two-digit years are this century or, from 70 up, the last one (publication dates, never far ahead). */
const year4 = (s: string) => (s.length === 2 ? (Number(s) < 70 ? 2000 : 1900) + Number(s) : Number(s));

/** Parses a date at the precision given; null when the text is not a date we can read. */
export function parseDate(raw: string | null | undefined): ParsedDate | null {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  if (!text) return null;
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^(\d{4})$/))) return build(Number(m[1]));
  if ((m = text.match(/^(\d{4})[-/.](\d{1,2})$/))) return build(Number(m[1]), Number(m[2]));
  // ISO date, possibly with a time part from a spreadsheet or JSON export.
  if ((m = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?$/))) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  // UK order: day first.
  if ((m = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/))) return build(year4(m[3]!), Number(m[2]), Number(m[1]));
  if ((m = text.match(/^(\d{1,2})[/.-](\d{4})$/))) return build(Number(m[2]), Number(m[1]));
  if ((m = text.match(/^([a-z]+\.?),? (\d{4})$/i))) {
    const month = monthOf(m[1]!);
    return month ? build(Number(m[2]), month) : null;
  }
  if ((m = text.match(/^(\d{1,2}) ([a-z]+\.?),? (\d{4})$/i))) {
    const month = monthOf(m[2]!);
    return month ? build(Number(m[3]), month, Number(m[1])) : null;
  }
  if ((m = text.match(/^([a-z]+\.?) (\d{1,2}),? (\d{4})$/i))) {
    const month = monthOf(m[1]!);
    return month ? build(Number(m[3]), month, Number(m[2])) : null;
  }
  if ((m = text.match(/^(\d{5})(?:\.0+)?$/))) return fromExcelSerial(Number(m[1]));
  return null;
}
