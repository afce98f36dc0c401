/**
 * The workspace in the database: the bundled rows remembered at start, the
 * user's rows (chosen in src/queries/workspace.ts) collected for saving, and a
 * saved workspace applied in one transaction.
 */
import {
  APPLY_STAGED_SQL, DELETE_USER_DATA_SQL, SNAPSHOT_BASE_SQL, STAGED_PROBLEMS_SQL, createStagingSql, dropStagingSql,
  stagingTable, userRowsSql,
} from '../queries/workspace.ts';
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import { toError, type QueryRunner } from '../queries/runner.ts';
import { OPTIONAL_TABLES, SAVED_TABLES, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceFileError, type WorkspaceFiles, type WorkspaceManifest } from './archive.ts';

/** Remembers the bundled rows; call once right after the bundled dataset is loaded. */
export async function snapshotBundledData(db: QueryRunner): Promise<void> {
  await db.exec(SNAPSHOT_BASE_SQL);
}

/** The user's rows as workspace files (and the retrained model, when there is one). */
export async function collectWorkspace(db: QueryRunner, model: Uint8Array | null): Promise<WorkspaceFiles> {
  const tables = {} as WorkspaceFiles['tables'];
  const counts = {} as WorkspaceManifest['tables'];
  for (const name of SAVED_TABLES) {
    const bytes = await db.queryArrowIPC(userRowsSql(name), { label: `workspace.save.${name}` });
    tables[name] = bytes;
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${userRowsSql(name)})`);
    counts[name] = { rows: row?.n ?? 0, bytes: bytes.byteLength };
  }
  const manifest: WorkspaceManifest = {
    format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: new Date().toISOString(), tables: counts, model: !!model,
  };
  return { manifest, tables, model };
}

/**
 * Puts saved user rows into DuckDB in one transaction. The rows are staged and
 * checked first, so a damaged file changes nothing. `replace` first removes the
 * current user data (import); otherwise the rows go on top (restore at start).
 */
export async function applyWorkspace(db: QueryRunner, files: WorkspaceFiles, options: { replace: boolean }): Promise<void> {
  await db.exec(createStagingSql(SAVED_TABLES));
  try {
    for (const name of SAVED_TABLES) {
      const bytes = files.tables[name];
      if (!bytes && OPTIONAL_TABLES.has(name)) continue;
      if (!bytes) throw new WorkspaceFileError(`The workspace is damaged: ${name}.arrows is missing.`);
      try {
        await db.insertArrow(stagingTable(name), bytes);
      } catch (err) {
        throw new WorkspaceFileError(`The saved ${name.replace('_', ' ')} cannot be read. Nothing was changed.`, { details: toError(err).message });
      }
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${stagingTable(name)}`);
      const expected = files.manifest.tables[name]?.rows ?? 0;
      if (row?.n !== expected) throw new WorkspaceFileError(`The saved ${name.replace('_', ' ')} are incomplete (${row?.n ?? 0} of ${expected} rows).`);
    }
    const problems = await db.query<{ problem: string }>(STAGED_PROBLEMS_SQL);
    if (problems.length) throw new WorkspaceFileError('The workspace has invalid rows, listed below. Nothing was changed.', { problems: problems.map((p) => p.problem) });
    const body = options.replace ? `${DELETE_USER_DATA_SQL}\n${APPLY_STAGED_SQL}` : APPLY_STAGED_SQL;
    try {
      await db.exec(`BEGIN TRANSACTION;\n${body};\nCOMMIT;`);
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined /* nothing was open */);
      throw err;
    }
  } finally {
    await db.exec(dropStagingSql(SAVED_TABLES)).catch(() => undefined /* temp tables go with the session anyway */);
  }
}

/** Removes every user row, leaving the bundled data as shipped. */
export async function deleteUserData(db: QueryRunner): Promise<void> {
  try {
    await db.exec(`BEGIN TRANSACTION;\n${DELETE_USER_DATA_SQL}\n${REFRESH_DERIVED_SQL};\nCOMMIT;`);
  } catch (err) {
    await db.exec('ROLLBACK').catch(() => undefined /* nothing was open */);
    throw err;
  }
}
