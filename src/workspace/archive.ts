/**
 * The workspace archive format (pure): the user's rows as one Arrow IPC file
 * per table, a manifest and the retrained model; its checks, and one zip for
 * export and import. Where it is kept: opfs-storage.ts; putting it into the
 * database: apply.ts.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { TABLE_NAMES, type TableName } from '../schema/tables.ts';
import { toError } from '../queries/runner.ts';

export const WORKSPACE_FORMAT = 'learning-themes-workspace';
export const WORKSPACE_VERSION = 1;
export const MODEL_FILE = 'theme-model.json';
export const MANIFEST_FILE = 'manifest.json';

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

/** A workspace file that cannot be used, with a message saying what to do. */
export class WorkspaceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceFileError';
  }
}

/** Checks a manifest and the files it names; throws WorkspaceFileError saying what is wrong. */
export function checkWorkspaceFiles(entries: Record<string, Uint8Array>, what = 'This file'): WorkspaceFiles {
  const raw = entries[MANIFEST_FILE];
  if (!raw) throw new WorkspaceFileError(`${what} is not a Learning Themes workspace: it has no manifest.json.`);
  let manifest: Partial<WorkspaceManifest>;
  try {
    manifest = JSON.parse(strFromU8(raw)) as Partial<WorkspaceManifest>;
  } catch {
    throw new WorkspaceFileError(`${what} is damaged: its manifest.json cannot be read.`);
  }
  if (manifest.format !== WORKSPACE_FORMAT) throw new WorkspaceFileError(`${what} is not a Learning Themes workspace (its manifest says "${String(manifest.format)}").`);
  if (typeof manifest.version !== 'number' || manifest.version > WORKSPACE_VERSION) {
    throw new WorkspaceFileError(`${what} was saved by a newer version of Learning Themes (workspace format ${String(manifest.version)}; this app reads up to ${WORKSPACE_VERSION}). Update the app, then import it again.`);
  }
  const tables = {} as Record<TableName, Uint8Array>;
  for (const name of TABLE_NAMES) {
    const bytes = entries[`${name}.arrows`];
    if (!bytes || !manifest.tables?.[name]) throw new WorkspaceFileError(`${what} is damaged: ${name}.arrows is missing.`);
    // Arrow IPC streams open with a 0xFFFFFFFF continuation marker.
    if (bytes.length < 8 || bytes[0] !== 0xff || bytes[1] !== 0xff || bytes[2] !== 0xff || bytes[3] !== 0xff) {
      throw new WorkspaceFileError(`${what} is damaged: ${name}.arrows is not an Arrow stream.`);
    }
    tables[name] = bytes;
  }
  return { manifest: manifest as WorkspaceManifest, tables, model: manifest.model ? entries[MODEL_FILE] ?? null : null };
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
  if (!isZip) throw new WorkspaceFileError(`${what} is not a workspace export: choose the .zip file that “Export workspace” saved.`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    throw new WorkspaceFileError(`${what} is damaged and cannot be unzipped (${toError(err).message}). Export the workspace again.`);
  }
  return checkWorkspaceFiles(entries, what);
}
