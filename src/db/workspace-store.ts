/**
 * The user's workspace, kept in this browser only. User rows (chosen in
 * src/queries/workspace.ts) are saved as Arrow IPC files in the origin-private
 * file system (OPFS), restored on top of the bundled data at start, and packed
 * into one zip for export and import. Longer than most modules: the file
 * format, its checks and both places it lives (OPFS, zip) belong together.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { checkArchiveTable } from '../ingest/validate/archive-table.ts';
import { unzipBounded } from '../lib/bounded-unzip.ts';
import { jsonDepthProblem } from '../lib/json-depth.ts';
import {
  APPLY_STAGED_SQL, DELETE_USER_DATA_SQL, SNAPSHOT_BASE_SQL, STAGED_PROBLEMS_SQL, createStagingSql, dropStagingSql,
  stagingTable, userRowsSql,
} from '../queries/workspace.ts';
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import { TABLE_NAMES, type TableName } from '../schema/tables.ts';
import { toError, type QueryRunner } from './runner.ts';

export const WORKSPACE_FORMAT = 'learning-themes-workspace';
export const WORKSPACE_VERSION = 1;
const MODEL_FILE = 'theme-model.json';
const MANIFEST_FILE = 'manifest.json';

export interface WorkspaceManifest {
  format: typeof WORKSPACE_FORMAT;
  version: number;
  savedAt: string;
  tables: Record<TableName, { rows: number; bytes: number }>;
  /** A retrained theme model is included. */
  model: boolean;
}

export interface WorkspaceFiles {
  manifest: WorkspaceManifest;
  tables: Record<TableName, Uint8Array>;
  model: Uint8Array | null;
}

/** Workspace archives hold the user's rows and tags; one expanding past this is refused (a zip bomb or not ours). */
export const ARCHIVE_MAX_EXPANDED_BYTES = 512 * 1024 * 1024;

/** A workspace file that cannot be used: a message saying what to do, each problem found, and the engine's words if any. */
export class WorkspaceFileError extends Error {
  readonly problems: string[];
  readonly details: string | null;
  constructor(message: string, options: { problems?: string[]; details?: string | null } = {}) {
    super(message);
    this.name = 'WorkspaceFileError';
    this.problems = options.problems ?? [];
    this.details = options.details ?? null;
  }
}

/** Remembers the bundled rows; call once right after the bundled dataset is loaded. */
export async function snapshotBundledData(db: QueryRunner): Promise<void> {
  await db.exec(SNAPSHOT_BASE_SQL);
}

/** The user's rows as workspace files (and the retrained model, when there is one). */
export async function collectWorkspace(db: QueryRunner, model: Uint8Array | null): Promise<WorkspaceFiles> {
  const tables = {} as Record<TableName, Uint8Array>;
  const counts = {} as WorkspaceManifest['tables'];
  for (const name of TABLE_NAMES) {
    tables[name] = await db.queryArrowIPC(userRowsSql(name), { label: `workspace.save.${name}` });
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${userRowsSql(name)})`);
    counts[name] = { rows: row?.n ?? 0, bytes: tables[name].byteLength };
  }
  const manifest: WorkspaceManifest = {
    format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: new Date().toISOString(), tables: counts, model: !!model,
  };
  return { manifest, tables, model };
}

/** Checks a manifest and the files it names; throws WorkspaceFileError saying what is wrong. */
export function checkWorkspaceFiles(entries: Record<string, Uint8Array>, what = 'This file'): WorkspaceFiles {
  const raw = entries[MANIFEST_FILE];
  if (!raw) throw new WorkspaceFileError(`${what} is not a Learning Themes workspace: it has no manifest.json. Nothing was changed.`);
  let manifest: Partial<WorkspaceManifest>;
  try {
    const text = strFromU8(raw);
    if (jsonDepthProblem(text, MANIFEST_FILE)) throw new Error('nested too deeply');
    manifest = JSON.parse(text) as Partial<WorkspaceManifest>;
  } catch {
    throw new WorkspaceFileError(`${what} is damaged: its manifest.json cannot be read. Nothing was changed.`);
  }
  if (manifest.format !== WORKSPACE_FORMAT) throw new WorkspaceFileError(`${what} is not a Learning Themes workspace (its manifest says "${String(manifest.format)}"). Nothing was changed.`);
  if (typeof manifest.version !== 'number' || manifest.version > WORKSPACE_VERSION) {
    throw new WorkspaceFileError(`${what} was saved by a newer version of Learning Themes (workspace format ${String(manifest.version)}; this app reads up to ${WORKSPACE_VERSION}). Update the app, then import it again. Nothing was changed.`);
  }
  const tables = {} as Record<TableName, Uint8Array>;
  const problems: string[] = [];
  for (const name of TABLE_NAMES) {
    const bytes = entries[`${name}.arrows`];
    if (!bytes || !manifest.tables?.[name]) {
      problems.push(`${name}.arrows is missing`);
      continue;
    }
    // Arrow IPC streams open with a 0xFFFFFFFF continuation marker.
    if (bytes.length < 8 || bytes[0] !== 0xff || bytes[1] !== 0xff || bytes[2] !== 0xff || bytes[3] !== 0xff) {
      problems.push(`${name}.arrows is not an Arrow stream`);
      continue;
    }
    // Columns by name and type, every value by the shared rules; the checked copy has the stored column order.
    const checked = checkArchiveTable(name, bytes);
    problems.push(...checked.problems);
    if (!checked.problems.length && checked.rows !== manifest.tables[name].rows) {
      problems.push(`${name}.arrows holds ${checked.rows} rows, but the manifest says ${manifest.tables[name].rows}`);
    }
    tables[name] = checked.ipc;
  }
  const model = manifest.model ? entries[MODEL_FILE] ?? null : null;
  if (model && jsonDepthProblem(strFromU8(model), MODEL_FILE)) problems.push(`${MODEL_FILE} is nested too deeply to be a theme model`);
  if (problems.length) {
    const found = problems.length === 1 ? `${problems[0]}` : `${problems.length} problems were found, listed below`;
    throw new WorkspaceFileError(`${what} cannot be used: ${found}. Nothing was changed. Export the workspace again from where it was made, or fix the listed values.`, { problems: problems.length > 1 ? problems : [] });
  }
  return { manifest: manifest as WorkspaceManifest, tables, model };
}

/**
 * Puts saved user rows into DuckDB in one transaction. The rows are staged and
 * checked first, so a damaged file changes nothing. `replace` first removes the
 * current user data (import); otherwise the rows go on top (restore at start).
 */
export async function applyWorkspace(db: QueryRunner, files: WorkspaceFiles, options: { replace: boolean }): Promise<void> {
  await db.exec(createStagingSql(TABLE_NAMES));
  try {
    for (const name of TABLE_NAMES) {
      try {
        await db.insertArrow(stagingTable(name), files.tables[name]);
      } catch (err) {
        throw new WorkspaceFileError(`The saved ${name.replace('_', ' ')} cannot be read. Nothing was changed.`, { details: toError(err).message });
      }
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${stagingTable(name)}`);
      const expected = files.manifest.tables[name].rows;
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
    await db.exec(dropStagingSql(TABLE_NAMES)).catch(() => undefined /* temp tables go with the session anyway */);
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

/** One zip: manifest.json, one Arrow IPC stream per table, and the retrained model if any. */
export function packWorkspace(files: WorkspaceFiles): Uint8Array {
  const entries: Record<string, Uint8Array> = { [MANIFEST_FILE]: strToU8(JSON.stringify(files.manifest, null, 1)) };
  for (const name of TABLE_NAMES) entries[`${name}.arrows`] = files.tables[name];
  if (files.model) entries[MODEL_FILE] = files.model;
  return zipSync(entries, { level: 6, mtime: new Date(files.manifest.savedAt) });
}

/** Opens a workspace zip; throws WorkspaceFileError for anything else. */
export function unpackWorkspace(bytes: Uint8Array, fileName: string): WorkspaceFiles {
  const what = `“${fileName}”`;
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) throw new WorkspaceFileError(`${what} is not a workspace export: choose the .zip file that “Export workspace” saved. Nothing was changed.`);
  let entries: Record<string, Uint8Array>;
  try {
    // Only the parts a workspace has are kept; anything else is inflated (and counted) but dropped.
    const known = new Set([MANIFEST_FILE, MODEL_FILE, ...TABLE_NAMES.map((t) => `${t}.arrows`)]);
    entries = unzipBounded(bytes, { maxBytes: ARCHIVE_MAX_EXPANDED_BYTES, maxEntries: 1000 }, (name) => known.has(name));
  } catch (err) {
    if ((err as Error)?.name === 'ExpansionLimitError') {
      throw new WorkspaceFileError(`${what} cannot be imported: ${toError(err).message}, more than a workspace export holds. Choose the .zip file that “Export workspace” saved. Nothing was changed.`);
    }
    throw new WorkspaceFileError(`${what} is damaged and cannot be unzipped. Export the workspace again. Nothing was changed.`, { details: toError(err).message });
  }
  return checkWorkspaceFiles(entries, what);
}

// --- The origin-private file system ---------------------------------------------------------

type DirectoryWithValues = FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
const POINTER = 'current.txt';

/** True when this browser can keep the workspace (OPFS with writable files). */
export function browserStorageAvailable(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.storage?.getDirectory &&
    typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
}

async function rootDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  if (!browserStorageAvailable()) return null;
  const root = await navigator.storage.getDirectory();
  try {
    return await root.getDirectoryHandle('workspace', { create });
  } catch {
    return null;
  }
}

async function writeBytes(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await writable.write(bytes as Uint8Array<ArrayBuffer>);
  await writable.close();
}

async function readBytes(dir: FileSystemDirectoryHandle, name: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
  } catch {
    return null;
  }
}

async function currentSave(root: FileSystemDirectoryHandle): Promise<FileSystemDirectoryHandle | null> {
  const pointer = await readBytes(root, POINTER);
  if (!pointer) return null;
  try {
    return await root.getDirectoryHandle(strFromU8(pointer).trim());
  } catch {
    return null;
  }
}

/** Reads the saved workspace, or null when nothing is saved. Throws WorkspaceFileError when it is damaged. */
export async function readSavedWorkspace(): Promise<WorkspaceFiles | null> {
  const root = await rootDir(false);
  const dir = root && (await currentSave(root));
  if (!dir) return null;
  const entries: Record<string, Uint8Array> = {};
  for await (const handle of (dir as DirectoryWithValues).values()) {
    const bytes = handle.kind === 'file' ? await readBytes(dir, handle.name) : null;
    if (bytes) entries[handle.name] = bytes;
  }
  return checkWorkspaceFiles(entries, 'The workspace saved in this browser');
}

/**
 * Saves the workspace files to a new folder, then switches the pointer to it
 * and removes the old one: a save cut short leaves the previous one intact.
 */
export async function writeSavedWorkspace(files: WorkspaceFiles): Promise<void> {
  const root = await rootDir(true);
  if (!root) throw new Error('This browser cannot keep data between visits (no origin-private file system). Export your workspace to keep it.');
  const name = `save-${Date.now().toString(36)}`;
  const dir = await root.getDirectoryHandle(name, { create: true });
  for (const table of TABLE_NAMES) await writeBytes(dir, `${table}.arrows`, files.tables[table]);
  if (files.model) await writeBytes(dir, MODEL_FILE, files.model);
  await writeBytes(dir, MANIFEST_FILE, strToU8(JSON.stringify(files.manifest, null, 1)));
  await writeBytes(root, POINTER, strToU8(name));
  for await (const handle of (root as DirectoryWithValues).values()) {
    if (handle.kind === 'directory' && handle.name !== name) {
      await root.removeEntry(handle.name, { recursive: true }).catch(() => undefined /* retried on the next save */);
    }
  }
}

/** The retrained model saved with the workspace, if any. */
export async function readSavedModel(): Promise<Uint8Array | null> {
  const root = await rootDir(false);
  const dir = root && (await currentSave(root));
  return dir ? readBytes(dir, MODEL_FILE) : null;
}

/** Removes everything this app keeps in the browser's file system. */
export async function clearSavedWorkspace(): Promise<void> {
  if (!browserStorageAvailable()) return;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry('workspace', { recursive: true }).catch(() => undefined /* nothing saved yet */);
}

export interface StorageUsage {
  /** Bytes of the saved workspace files. */
  savedBytes: number;
  savedFiles: number;
  savedAt: string | null;
  /** What the browser reports for this site (all storage, caches included). */
  estimate: { usage: number; quota: number } | null;
  /** Whether the browser promised not to evict the data; null when unknown. */
  persisted: boolean | null;
  available: boolean;
}

/** How much the workspace takes in this browser. */
export async function storageUsage(): Promise<StorageUsage> {
  const available = browserStorageAvailable();
  let savedBytes = 0;
  let savedFiles = 0;
  let savedAt: string | null = null;
  const root = await rootDir(false);
  const dir = root && (await currentSave(root));
  if (dir) {
    for await (const handle of (dir as DirectoryWithValues).values()) {
      if (handle.kind !== 'file') continue;
      const file = await (handle as FileSystemFileHandle).getFile();
      savedBytes += file.size;
      savedFiles++;
      if (handle.name === MANIFEST_FILE) savedAt = (JSON.parse(await file.text()) as WorkspaceManifest).savedAt ?? null;
    }
  }
  const est = await navigator.storage?.estimate?.().catch(() => null);
  const persisted = (await navigator.storage?.persisted?.().catch(() => null)) ?? null;
  return { savedBytes, savedFiles, savedAt, estimate: est ? { usage: est.usage ?? 0, quota: est.quota ?? 0 } : null, persisted, available };
}

/** Asks the browser not to evict the workspace under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  return (await navigator.storage?.persist?.().catch(() => false)) ?? false;
}
