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

/** Converts an Arrow table to row objects keyed by column name; BIGINT becomes number. */
export function arrowToRows<Row>(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = plainValue(columns[c]?.get(i));
    rows[i] = row as Row;
  }
  return rows;
}
