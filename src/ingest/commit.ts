/**
 * Writes an import: rows are checked by the shared schema rules, staged in
 * Arrow batches of a few thousand rows (so encoding never holds the page for
 * long), then one transaction moves them all into the stored tables
 * (replacing rows with the same key). If anything fails, nothing is written
 * and the workspace is as it was.
 */
import type { WriteRunner } from '../queries/runner.ts';
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import { createStageSql, dropStageSql, mergeStageSql, stageTable } from '../queries/import.ts';
import { rowsToArrowIPC } from '../schema/arrow.ts';
import { TABLE_NAMES, type TableName, type TableRows } from '../schema/tables.ts';
import { checkRows, problemLines, type ValueProblem } from './validate/schema-rules.ts';

export type StagedRows = { [N in TableName]?: readonly TableRows[N][] };

/** Rows per Arrow batch: checking and encoding 1,000 review rows takes tens of milliseconds (5,000 held the page 0.3–1.5 s). */
const STAGE_CHUNK = 1000;

/** Values that cannot be stored; `problems` lists them ("reviews row 3, year: …"). */
export class InvalidRowsError extends Error {
  constructor(readonly problems: string[]) {
    super('Some values cannot be stored, so nothing was imported. Correct the values listed below in the file and import it again.');
    this.name = 'InvalidRowsError';
  }
}

export interface CommitProgress {
  /** Rows staged so far, over every table. */
  staged: number;
}

/** Stages `rows` and commits them in one transaction, after `before` (e.g. clearing old tags), then refreshes derived tables. */
export async function commitRows(db: WriteRunner, rows: StagedRows, before: readonly string[] = []): Promise<void> {
  await commitChunks(db, [rows], before);
}

/**
 * Like commitRows for rows that arrive in chunks (e.g. tags built a few
 * thousand texts at a time): every chunk is checked and staged, then all are
 * committed in one transaction. A bad value anywhere stores nothing.
 */
export async function commitChunks(
  db: WriteRunner, chunks: Iterable<StagedRows> | AsyncIterable<StagedRows>, before: readonly string[] = [],
  options: { signal?: AbortSignal; onProgress?: (p: CommitProgress) => void } = {},
): Promise<void> {
  const staged = new Set<TableName>();
  const problems: ValueProblem[] = [];
  const seen: Partial<Record<TableName, number>> = {};
  let invalid = 0;
  let count = 0;
  try {
    for await (const chunk of chunks) {
      for (const name of TABLE_NAMES) {
        const list = chunk[name] as TableRows[typeof name][] | undefined;
        if (!list?.length) continue;
        if (!staged.has(name)) (await db.exec(createStageSql(name)), staged.add(name));
        for (let at = 0; at < list.length; at += STAGE_CHUNK) {
          options.signal?.throwIfAborted();
          const slice = list.slice(at, at + STAGE_CHUNK);
          const offset = seen[name] ?? 0;
          const checked = checkRows(name, slice);
          invalid += checked.count;
          problems.push(...checked.problems.map((p) => ({ ...p, row: p.row + offset })).slice(0, Math.max(0, 20 - problems.length)));
          seen[name] = offset + slice.length;
          if (invalid) continue; // keep checking, stage nothing more: it will not be stored
          await db.insertArrow(stageTable(name), rowsToArrowIPC(name, slice));
          count += slice.length;
          options.onProgress?.({ staged: count });
        }
      }
    }
    if (invalid) throw new InvalidRowsError(problemLines(problems, invalid));
    options.signal?.throwIfAborted();
    await db.transaction([...before, ...TABLE_NAMES.filter((n) => staged.has(n)).flatMap(mergeStageSql)]);
  } finally {
    for (const name of staged) await db.exec(dropStageSql(name)).catch(() => undefined /* best-effort cleanup */);
  }
  await db.exec(REFRESH_DERIVED_SQL);
}
