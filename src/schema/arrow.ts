/** Rows ⇄ Arrow IPC stream bytes, with column types taken from the table layout. */
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { TABLES, type ColumnType, type TableName, type TableRows } from './tables.ts';

function arrowType(type: ColumnType): DataType {
  switch (type) {
    case 'VARCHAR': return new Utf8();
    case 'INTEGER': return new Int32();
    case 'DOUBLE': return new Float64();
    case 'BOOLEAN': return new Bool();
  }
}

/** Encodes rows of a stored table as an Arrow IPC stream (`.arrows`). */
export function rowsToArrowIPC<N extends TableName>(name: N, rows: readonly TableRows[N][]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const [col, type] of Object.entries(TABLES[name]) as [string, ColumnType][]) {
    const values = rows.map((r) => (r as unknown as Record<string, unknown>)[col] ?? null);
    columns[col] = vectorFromArray(values, arrowType(type));
  }
  return tableToIPC(new Table(columns), 'stream');
}
