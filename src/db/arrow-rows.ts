/** Arrow results → plain JavaScript rows, once, at the boundary. */
import type { Table } from 'apache-arrow';

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value && typeof value === 'object') {
    if (value instanceof Date || value instanceof Uint8Array) return value;
    if ('toArray' in value && typeof value.toArray === 'function') {
      return Array.from(value.toArray() as Iterable<unknown>, plainValue);
    }
    if ('toJSON' in value && typeof value.toJSON === 'function') {
      const obj = value.toJSON() as Record<string, unknown>;
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plainValue(v)]));
    }
  }
  return value;
}

/**
 * Strings up to this length are shared between the rows of one result. Arrow
 * decodes a new string for every cell, so a column that repeats a few values
 * (a review's name on each of its recommendations, a status, an owner) held
 * one copy per row: at x10 the recommendation index's 30,000 rows kept
 * hundreds of thousands of such copies. Long texts are seldom repeated and
 * are left alone.
 */
const SHARED_STRING_MAX = 64;

/** One instance per distinct short string of a column (items of a list column included). */
function sharedStrings(): (value: unknown) => unknown {
  const seen = new Map<string, string>();
  const share = (value: unknown): unknown => {
    // A list column (a recommendation's theme labels) repeats its items across rows.
    if (Array.isArray(value)) return value.map(share);
    if (typeof value !== 'string' || value.length > SHARED_STRING_MAX) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
  return share;
}

/** Converts an Arrow table to row objects keyed by column name; BIGINT becomes number. */
export function arrowToRows<Row>(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const share = names.map(() => sharedStrings());
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = share[c]!(plainValue(columns[c]?.get(i)));
    rows[i] = row as Row;
  }
  return rows;
}
