/**
 * One table of a workspace archive (an Arrow IPC stream) checked against the
 * schema before anything is stored: columns matched by name and type (never
 * by position), every value checked by the shared rules, and the columns put
 * back in the stored table's order so the engine's positional insert lines up.
 */
import { tableFromIPC, tableToIPC, Type, type DataType, type Table } from 'apache-arrow';
import type { ColumnType } from '../../schema/tables.ts';
import { CHECKED_COLUMNS, checkColumn, problemLines, type CheckedRows, type CheckedTableName, type ValueProblem } from './schema-rules.ts';

export interface CheckedTable {
  /** Arrow IPC stream with the stored table's columns in its order. */
  ipc: Uint8Array;
  rows: number;
  /** Sentences naming each problem; empty when the table may be stored. */
  problems: string[];
}

const TYPE_WORDS: Record<ColumnType, string> = { VARCHAR: 'text', INTEGER: 'whole numbers', DOUBLE: 'numbers', BOOLEAN: 'true/false' };

/** Whether an Arrow type can hold a stored column's values without a change of meaning. */
function fits(type: DataType, want: ColumnType): boolean {
  if (type.typeId === Type.Null) return true;
  switch (want) {
    case 'VARCHAR': return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8;
    case 'INTEGER': return type.typeId === Type.Int;
    case 'DOUBLE': return type.typeId === Type.Float || type.typeId === Type.Int;
    case 'BOOLEAN': return type.typeId === Type.Bool;
  }
}

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/** Checks `bytes` as the archive's copy of `table`; `file` names it in problems (e.g. "reviews.arrows"). */
export function checkArchiveTable(table: CheckedTableName, bytes: Uint8Array, file = `${table}.arrows`): CheckedTable {
  let arrow: Table;
  try {
    arrow = tableFromIPC(bytes);
  } catch {
    return { ipc: bytes, rows: 0, problems: [`${file} cannot be read as an Arrow table`] };
  }
  const want = CHECKED_COLUMNS[table];
  const problems: string[] = [];
  const have = new Map(arrow.schema.fields.map((f) => [f.name, f.type]));
  for (const [name, type] of Object.entries(want)) {
    const got = have.get(name);
    if (!got) problems.push(`${file} has no column “${name}”`);
    else if (!fits(got, type)) problems.push(`${file}, column “${name}” holds ${String(got)}, not ${TYPE_WORDS[type]}`);
  }
  for (const name of have.keys()) if (!(name in want)) problems.push(`${file} has a column “${name}” that is not part of ${table.replaceAll('_', ' ')}`);
  if (problems.length) return { ipc: bytes, rows: arrow.numRows, problems };

  const found: ValueProblem[] = [];
  let count = 0;
  for (const name of Object.keys(want) as (keyof CheckedRows[typeof table] & string)[]) {
    const column = arrow.getChild(name)!;
    count += checkColumn(table, name, arrow.numRows, (i) => plain(column.get(i)), found);
  }
  if (count) return { ipc: bytes, rows: arrow.numRows, problems: problemLines(found, count).map((p) => `${file}: ${p}`) };

  const order = Object.keys(want);
  const inOrder = arrow.schema.fields.every((f, i) => f.name === order[i]);
  return { ipc: inOrder ? bytes : tableToIPC(arrow.select(order), 'stream'), rows: arrow.numRows, problems: [] };
}
