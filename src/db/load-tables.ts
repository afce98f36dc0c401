/** Creates the schema and fills it from Arrow IPC streams, then derives the rest. */
import { CREATE_SCHEMA_SQL } from '../queries/schema-sql.ts';
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import type { TableName } from '../schema/tables.ts';
import { ipcBatches } from './ipc-batches.ts';
import { abortError, type QueryRunner } from '../queries/runner.ts';

export interface TableBytes {
  name: TableName;
  ipc: Uint8Array;
}

/** Loads tables into a fresh workspace; empty streams are skipped. */
export async function loadTables(db: QueryRunner, tables: readonly TableBytes[], signal?: AbortSignal): Promise<void> {
  await db.exec(CREATE_SCHEMA_SQL);
  for (const { name, ipc } of tables) {
    for (const part of await ipcBatches(ipc)) {
      if (signal?.aborted) throw abortError();
      await db.insertArrow(name, part);
    }
  }
  await db.exec(REFRESH_DERIVED_SQL);
}
