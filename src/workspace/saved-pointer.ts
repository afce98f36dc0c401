/**
 * Whether this browser keeps a saved workspace, and where: the origin-private
 * file system (OPFS), one folder per save behind a pointer file. Apart from
 * opfs-storage.ts because the app asks this at start, before it needs the
 * archive code (and its zip library).
 */
import { readBlobInSlices } from '../lib/read-blob.ts';

export type DirectoryWithValues = FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
export const POINTER = 'current.txt';

/** True when this browser can keep the workspace (OPFS with writable files). */
export function browserStorageAvailable(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.storage?.getDirectory &&
    typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
}

export async function rootDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  if (!browserStorageAvailable()) return null;
  const root = await navigator.storage.getDirectory();
  try {
    return await root.getDirectoryHandle('workspace', { create });
  } catch {
    return null;
  }
}

export async function readBytes(dir: FileSystemDirectoryHandle, name: string): Promise<Uint8Array | null> {
  try {
    return await readBlobInSlices(await (await dir.getFileHandle(name)).getFile());
  } catch {
    return null;
  }
}

export async function currentSave(root: FileSystemDirectoryHandle): Promise<FileSystemDirectoryHandle | null> {
  const pointer = await readBytes(root, POINTER);
  if (!pointer) return null;
  try {
    return await root.getDirectoryHandle(new TextDecoder().decode(pointer).trim());
  } catch {
    return null;
  }
}

/** True when this browser keeps a saved workspace (cheap: reads only the pointer). */
export async function hasSavedWorkspace(): Promise<boolean> {
  const root = await rootDir(false);
  return !!root && !!(await currentSave(root));
}

