/**
 * Writes an import: rows go into staging tables first, then one transaction
 * moves them all into the stored tables (replacing rows with the same key).
 * If anything fails, nothing is written and the workspace is as it was.
 */
import type { WriteRunner } from '../queries/runner.ts';
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import { createStageSql, dropStageSql, mergeStageSql, stageTable } from '../queries/import.ts';
import { rowsToArrowIPC } from '../schema/arrow.ts';
import { TABLE_NAMES, type TableName, type TableRows } from '../schema/tables.ts';

export type StagedRows = { [N in TableName]?: readonly TableRows[N][] };

/** Stages `rows` and commits them in one transaction, after `before` (e.g. clearing old tags), then refreshes derived tables. */
export async function commitRows(db: WriteRunner, rows: StagedRows, before: readonly string[] = []): Promise<void> {
  const names = TABLE_NAMES.filter((n) => (rows[n]?.length ?? 0) > 0);
  try {
    for (const name of names) {
      await db.exec(createStageSql(name));
      await db.insertArrow(stageTable(name), rowsToArrowIPC(name, rows[name] as TableRows[typeof name][]));
    }
    await db.transaction([...before, ...names.flatMap(mergeStageSql)]);
  } finally {
    for (const name of names) await db.exec(dropStageSql(name)).catch(() => undefined /* best-effort cleanup */);
  }
  await db.exec(REFRESH_DERIVED_SQL);
}
