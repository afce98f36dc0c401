/**
 * The workspace archive format (pure): the user's rows as one Arrow IPC file
 * per table, a manifest and the retrained model; its checks, and one zip for
 * export and import. Where it is kept: opfs-storage.ts; putting it into the
 * database: apply.ts.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { checkArchiveTable } from '../ingest/validate/archive-table.ts';
import { unzipBounded } from '../lib/bounded-unzip.ts';
import { jsonDepthProblem } from '../lib/json-depth.ts';
import { TABLE_NAMES, type TableName } from '../schema/tables.ts';
import { WORKSPACE_TABLE_NAMES, type WorkspaceTableName } from '../schema/workspace-tables.ts';
import type { SavedTableName } from '../queries/workspace.ts';
import { toError } from '../queries/runner.ts';

export const WORKSPACE_FORMAT = 'learning-themes-workspace';
export const WORKSPACE_VERSION = 1;
export const MODEL_FILE = 'theme-model.json';
export const MANIFEST_FILE = 'manifest.json';
/** Everything saved; workspace-only tables may be missing from archives saved before they existed. */
export const SAVED_TABLES: readonly SavedTableName[] = [...TABLE_NAMES, ...WORKSPACE_TABLE_NAMES];
export const OPTIONAL_TABLES: ReadonlySet<SavedTableName> = new Set<SavedTableName>(WORKSPACE_TABLE_NAMES);

export interface WorkspaceManifest {
  format: typeof WORKSPACE_FORMAT;
  version: number;
  savedAt: string;
  tables: Record<TableName, { rows: number; bytes: number }> & Partial<Record<WorkspaceTableName, { rows: number; bytes: number }>>;
  /** A retrained theme model is included. */
  model: boolean;
}

export interface WorkspaceFiles {
  manifest: WorkspaceManifest;
  tables: Record<TableName, Uint8Array> & Partial<Record<WorkspaceTableName, Uint8Array>>;
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
  const tables = {} as WorkspaceFiles['tables'];
  const problems: string[] = [];
  for (const name of SAVED_TABLES) {
    const bytes = entries[`${name}.arrows`];
    // Archives saved before a workspace-only table existed simply lack it.
    if (OPTIONAL_TABLES.has(name) && !bytes && !manifest.tables?.[name]) continue;
    const listed = manifest.tables?.[name];
    if (!bytes || !listed) {
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
    if (!checked.problems.length && checked.rows !== listed.rows) {
      problems.push(`${name}.arrows holds ${checked.rows} rows, but the manifest says ${listed.rows}`);
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

/** One zip: manifest.json, one Arrow IPC stream per table, and the retrained model if any. */
export function packWorkspace(files: WorkspaceFiles): Uint8Array {
  const entries: Record<string, Uint8Array> = { [MANIFEST_FILE]: strToU8(JSON.stringify(files.manifest, null, 1)) };
  for (const name of SAVED_TABLES) {
    const bytes = files.tables[name];
    if (bytes) entries[`${name}.arrows`] = bytes;
  }
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
    const known = new Set([MANIFEST_FILE, MODEL_FILE, ...SAVED_TABLES.map((t) => `${t}.arrows`)]);
    entries = unzipBounded(bytes, { maxBytes: ARCHIVE_MAX_EXPANDED_BYTES, maxEntries: 1000 }, (name) => known.has(name));
  } catch (err) {
    if ((err as Error)?.name === 'ExpansionLimitError') {
      throw new WorkspaceFileError(`${what} cannot be imported: ${toError(err).message}, more than a workspace export holds. Choose the .zip file that “Export workspace” saved. Nothing was changed.`);
    }
    throw new WorkspaceFileError(`${what} is damaged and cannot be unzipped. Export the workspace again. Nothing was changed.`, { details: toError(err).message });
  }
  return checkWorkspaceFiles(entries, what);
}
