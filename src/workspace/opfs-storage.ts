/**
 * Where the workspace is kept between visits: the origin-private file system
 * (OPFS) of this browser, one folder per save behind a pointer file.
 */
import { MANIFEST_FILE, MODEL_FILE, SAVED_TABLES, checkWorkspaceFiles, type WorkspaceFiles, type WorkspaceManifest } from './archive.ts';
import { POINTER, browserStorageAvailable, currentSave, readBytes, rootDir, type DirectoryWithValues } from './saved-pointer.ts';
import type { OpenTable, TableFile } from './apply.ts';

export { browserStorageAvailable, hasSavedWorkspace } from './saved-pointer.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Bytes per write call: the page copies what it hands over in one go (a 300 MB table held it for a third
 * of a second; 8 MB writes still took 0.2 s on a loaded machine).
 */
const WRITE_SLICE_BYTES = 2 << 20;

/** A file being written piece by piece: small pieces are gathered into writes of about WRITE_SLICE_BYTES. */
async function openFile(dir: FileSystemDirectoryHandle, name: string): Promise<TableFile> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  const flush = async () => {
    if (!pending.length) return;
    const chunk = pending.length === 1 ? pending[0]! : new Uint8Array(pendingBytes);
    if (pending.length > 1) pending.reduce((at, p) => (chunk.set(p, at), at + p.byteLength), 0);
    pending = [];
    pendingBytes = 0;
    await writable.write(chunk as Uint8Array<ArrayBuffer>);
  };
  return {
    write: async (bytes) => {
      total += bytes.byteLength;
      for (let at = 0; at < bytes.byteLength; at += WRITE_SLICE_BYTES) {
        const piece = bytes.subarray(at, at + WRITE_SLICE_BYTES);
        pending.push(piece);
        pendingBytes += piece.byteLength;
        if (pendingBytes >= WRITE_SLICE_BYTES) await flush();
      }
    },
    close: async () => {
      await flush();
      await writable.close();
      return total;
    },
  };
}

async function writeBytes(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const file = await openFile(dir, name);
  await file.write(bytes);
  await file.close();
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
  await saveWorkspaceTables(async (open) => {
    for (const table of SAVED_TABLES) {
      const bytes = files.tables[table];
      if (!bytes) continue;
      const file = await open(table);
      await file.write(bytes);
      await file.close();
    }
    return files.manifest;
  }, files.model);
}

/**
 * Saves tables as `collect` streams them in, piece by piece, so a big
 * workspace is never held in memory whole; then the model, the manifest
 * `collect` returns, and the pointer (as writeSavedWorkspace). A workspace
 * with no rows and no model removes the saved files instead.
 */
export async function saveWorkspaceTables(collect: (open: OpenTable) => Promise<WorkspaceManifest>, model: Uint8Array | null): Promise<WorkspaceManifest> {
  const root = await rootDir(true);
  if (!root) throw new Error('This browser cannot keep data between visits (no origin-private file system). Export your workspace to keep it.');
  const name = `save-${Date.now().toString(36)}`;
  const dir = await root.getDirectoryHandle(name, { create: true });
  let manifest: WorkspaceManifest;
  try {
    manifest = await collect((table) => openFile(dir, `${table}.arrows`));
  } catch (err) {
    await root.removeEntry(name, { recursive: true }).catch(() => undefined /* retried on the next save */);
    throw err;
  }
  if (!model && Object.values(manifest.tables).every((t) => !t || t.rows === 0)) {
    await clearSavedWorkspace();
    return manifest;
  }
  if (model) await writeBytes(dir, MODEL_FILE, model);
  await writeBytes(dir, MANIFEST_FILE, utf8(JSON.stringify(manifest, null, 1)));
  await writeBytes(root, POINTER, utf8(name));
  for await (const handle of (root as DirectoryWithValues).values()) {
    if (handle.kind === 'directory' && handle.name !== name) {
      await root.removeEntry(handle.name, { recursive: true }).catch(() => undefined /* retried on the next save */);
    }
  }
  return manifest;
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
