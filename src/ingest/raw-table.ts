import type { RaggedRow } from './validate/csv-shape.ts';

/** A file's rows as text, whatever format it came in, before mapping to records. */
export interface RawTable {
  columns: string[];
  rows: (string | null)[][];
  /** The row number people see for rows[0] (2 when row 1 is the header line). */
  firstRowNumber: number;
  /** Notes about how the file was read (e.g. an encoding fallback). */
  notes: string[];
  /** Records whose cell count differs from the header's (delimited text only): the user skips them or cancels. */
  ragged?: RaggedRow[];
}

/** The table without its ragged rows: each becomes a blank row (skipped when mapping) so row numbers stay true. */
export function withoutRaggedRows(t: RawTable): RawTable {
  const skip = new Set((t.ragged ?? []).map((r) => r.row));
  return { ...t, rows: t.rows.map((r, i) => (skip.has(t.firstRowNumber + i) ? r.map(() => null) : r)), ragged: [] };
}

/** A value as text: blank strings become null; Dates become ISO days; numbers keep their digits. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => cellText(v) ?? '').filter(Boolean).join('; ') || null;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.trim() === '' ? null : text.trim();
}

/** Builds a RawTable from row objects (JSON, Parquet), with columns in first-seen order. */
export function rawTableFromObjects(objects: readonly Record<string, unknown>[], firstRowNumber = 1): RawTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) for (const k of Object.keys(o)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  return { columns, rows: objects.map((o) => columns.map((c) => cellText(o[c]))), firstRowNumber, notes: [] };
}

/** Builds a RawTable from a grid whose first row is the header (CSV, spreadsheets). */
export function rawTableFromGrid(grid: readonly (readonly unknown[])[]): RawTable {
  const [header = [], ...body] = grid;
  const columns = header.map((h, i) => cellText(h) ?? `Column ${i + 1}`);
  // Blank rows are kept (and skipped when mapping) so row numbers match the sheet.
  let rows = body.map((r) => columns.map((_, i) => cellText(r[i])));
  while (rows.length && rows[rows.length - 1]!.every((v) => v === null)) rows = rows.slice(0, -1);
  return { columns, rows, firstRowNumber: 2, notes: [] };
}
