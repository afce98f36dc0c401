/**
 * Rows → Arrow IPC stream bytes, with column types taken from the table layout,
 * built without apache-arrow's builders. The builders compile their
 * null check with `new Function`, which the app's Content-Security-Policy
 * (no 'unsafe-eval') forbids; here buffers are laid out by hand instead.
 */
import { Bool, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import { TABLES, type ColumnType, type TableName, type TableRows } from './tables.ts';

function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nulls };
}

const encoder = new TextEncoder();

/**
 * Strings encoded straight into one buffer (`encodeInto`): a separate
 * `encode` per value made a small array for each cell, and collecting those
 * was most of the time spent staging 100,000 rows.
 */
function utf8Vector(values: readonly unknown[]): Vector {
  const texts = values.map((v) => (v === null || v === undefined ? '' : String(v)));
  let room = 0;
  for (const t of texts) room += t.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
  const buffer = new Uint8Array(room);
  const offsets = new Int32Array(values.length + 1);
  let at = 0;
  texts.forEach((t, i) => {
    if (t) at += encoder.encodeInto(t, buffer.subarray(at)).written;
    offsets[i + 1] = at;
  });
  const { bitmap, nulls } = validity(values);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: buffer.subarray(0, at) }));
}

function vector(type: ColumnType, values: readonly unknown[]): Vector {
  const { bitmap, nulls } = validity(values);
  const length = values.length;
  switch (type) {
    case 'VARCHAR':
      return utf8Vector(values);
    case 'INTEGER':
      return makeVector(makeData({ type: new Int32(), length, nullCount: nulls, nullBitmap: bitmap, data: Int32Array.from(values, (v) => Number(v ?? 0)) }));
    case 'DOUBLE':
      return makeVector(makeData({ type: new Float64(), length, nullCount: nulls, nullBitmap: bitmap, data: Float64Array.from(values, (v) => Number(v ?? 0)) }));
    case 'BOOLEAN': {
      const bits = new Uint8Array(Math.ceil(length / 8));
      values.forEach((v, i) => v === true && (bits[i >> 3]! |= 1 << (i & 7)));
      return makeVector(makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap: bitmap, data: bits }));
    }
  }
}

/** Encodes rows of a stored table as an Arrow IPC stream (`.arrows`), safely under a strict CSP. */
export function rowsToArrowIPC<N extends TableName>(name: N, rows: readonly TableRows[N][]): Uint8Array {
  return layoutToArrowIPC(TABLES[name], rows);
}

/** Encodes rows with the given column layout (for tables outside TABLES, e.g. derived ones built in the app). */
export function layoutToArrowIPC(layout: Readonly<Record<string, ColumnType>>, rows: readonly object[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const [col, type] of Object.entries(layout)) {
    columns[col] = vector(type, rows.map((r) => (r as Record<string, unknown>)[col]));
  }
  return tableToIPC(new Table(columns), 'stream');
}
