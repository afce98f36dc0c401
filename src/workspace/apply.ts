/**
 * The workspace in the database: the bundled rows remembered at start, the
 * user's rows (chosen in src/queries/workspace.ts) collected for saving, and a
 * saved workspace applied (and the user's rows deleted) through the one
 * write path (write.ts).
 */
import { applyStagedSql, DELETE_USER_DATA_SQL, SNAPSHOT_BASE_SQL, stagedProblemsSql, userRowsSql } from '../queries/workspace.ts';
import { toError, type QueryRunner, type WriteRunner } from '../queries/runner.ts';
import { writeChange, type Staging } from './write.ts';
import type { SavedTableName } from '../schema/workspace-tables.ts';
import { OPTIONAL_TABLES, SAVED_TABLES, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceFileError, type WorkspaceFiles, type WorkspaceManifest } from './archive.ts';

/** Remembers the bundled rows; call once right after the bundled dataset is loaded. */
export async function snapshotBundledData(db: QueryRunner): Promise<void> {
  await db.exec(SNAPSHOT_BASE_SQL);
  // The bundled keys (a million passage ids at x10, ~60 MB as appended) stay for the session: compress them
  // (see CHECKPOINT_EVERY_BYTES in src/db/load-dataset.ts). Skipped for small data, where it costs more than it saves.
  const [keys] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ws_base_keys', { label: 'workspace.baseKeys' });
  if ((keys?.n ?? 0) >= 100_000) await db.exec('CHECKPOINT');
}

/** The user's rows as workspace files (and the retrained model, when there is one). */
export async function collectWorkspace(db: QueryRunner, model: Uint8Array | null): Promise<WorkspaceFiles> {
  const tables = {} as WorkspaceFiles['tables'];
  const manifest = await collectWorkspaceTables(db, model, async (name) => {
    const pieces: Uint8Array[] = [];
    return {
      write: async (bytes) => void pieces.push(bytes),
      close: async () => {
        const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
        pieces.reduce((at, p) => (bytes.set(p, at), at + p.byteLength), 0);
        tables[name] = bytes;
        return bytes.byteLength;
      },
    };
  });
  return { manifest, tables, model };
}

/** A table's file being written: pieces of its Arrow IPC stream in order, then close (resolving with its size). */
export interface TableFile {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<number>;
}
export type OpenTable = (name: SavedTableName) => Promise<TableFile>;

/**
 * The user's rows, each table streamed as Arrow IPC into a file `open` gives (which need not keep them);
 * returns the manifest. Rows are counted in the bytes written: a count query run after them could see a
 * change that committed in between (the tags of a big import are stored while its own save runs), and
 * the manifest would promise rows the file does not hold.
 */
export async function collectWorkspaceTables(db: QueryRunner, model: Uint8Array | null, open: OpenTable): Promise<WorkspaceManifest> {
  const counts = {} as WorkspaceManifest['tables'];
  for (const name of SAVED_TABLES) {
    const file = await open(name);
    const rows = await db.queryArrowStream(userRowsSql(name), (bytes) => file.write(bytes), { label: `workspace.save.${name}` });
    counts[name] = { rows, bytes: await file.close() };
  }
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: new Date().toISOString(), tables: counts, model: !!model };
}

/**
 * Puts saved user rows into DuckDB through the one write path. Every table is
 * staged and checked first, so a damaged file changes nothing. `replace` first
 * removes the current user data (import); otherwise the rows go on top
 * (restore at start).
 */
export async function applyWorkspace(db: WriteRunner, files: WorkspaceFiles, options: { replace: boolean }): Promise<void> {
  await writeChange(db, {
    stage: (staging) => stageSavedTables(staging, files),
    before: options.replace ? [DELETE_USER_DATA_SQL] : [],
    apply: (_, stage) => [applyStagedSql(stage)],
    replacesUserData: options.replace,
  });
}

async function stageSavedTables(staging: Staging, files: WorkspaceFiles): Promise<void> {
  for (const name of SAVED_TABLES) {
    const what = name.replace('_', ' ');
    const bytes = files.tables[name];
    // Archives saved before a workspace-only table existed lack it: its staging table stays empty.
    if (!bytes && OPTIONAL_TABLES.has(name)) {
      await staging.open(name);
      continue;
    }
    if (!bytes) throw new WorkspaceFileError(`The workspace is damaged: ${name}.arrows is missing.`);
    try {
      await staging.arrow(name, bytes);
    } catch (err) {
      throw new WorkspaceFileError(`The saved ${what} cannot be read. Nothing was changed.`, { details: toError(err).message });
    }
    const rows = await staging.count(name);
    const expected = files.manifest.tables[name]?.rows ?? 0;
    if (rows !== expected) throw new WorkspaceFileError(`The saved ${what} are incomplete (${rows} of ${expected} rows).`);
  }
  const problems = await staging.query<{ problem: string }>(stagedProblemsSql(staging.stage));
  if (problems.length) throw new WorkspaceFileError('The workspace has invalid rows, listed below. Nothing was changed.', { problems: problems.map((p) => p.problem) });
}

/** Removes every user row, leaving the bundled data as shipped. */
export async function deleteUserData(db: WriteRunner): Promise<void> {
  await writeChange(db, { before: [DELETE_USER_DATA_SQL], replacesUserData: true });
}
