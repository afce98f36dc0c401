/**
 * The workspace's storage, archive and write code, loaded on first use rather
 * than with the first screen: it carries Arrow and the zip library, which the
 * Overview does not need before the engine has loaded the data.
 */
import type { WorkspaceBackend } from '../features/workspace/workspace-session.ts';
import type { Change } from '../workspace/write.ts';
import type { WriteRunner } from '../queries/runner.ts';

const load = () => import('./workspace-modules.ts');
let loading: ReturnType<typeof load> | null = null;

/** Starts fetching the code (idempotent): called while the engine starts so the first write does not wait for it. */
export function workspaceCode(): ReturnType<typeof load> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** The workspace backend, each call loading the code first. */
export const lazyBackend: WorkspaceBackend = {
  collect: async (db, model) => (await workspaceCode()).collectWorkspace(db, model),
  save: async (db, model) => (await workspaceCode()).saveWorkspace(db, model),
  apply: async (db, files, options) => (await workspaceCode()).applyWorkspace(db, files, options),
  deleteUserData: async (db) => (await workspaceCode()).deleteUserData(db),
  read: async () => (await workspaceCode()).readSavedWorkspace(),
  write: async (files) => (await workspaceCode()).writeSavedWorkspace(files),
  clear: async () => (await workspaceCode()).clearSavedWorkspace(),
  usage: async () => (await workspaceCode()).storageUsage(),
  persist: async () => (await workspaceCode()).requestPersistence(),
  pack: async (files) => (await workspaceCode()).packWorkspace(files),
  unpack: async (bytes, fileName) => (await workspaceCode()).unpackWorkspace(bytes, fileName),
};

export async function writeChangeLazily(db: WriteRunner, change: Change): Promise<void> {
  return (await workspaceCode()).writeChange(db, change);
}

export async function snapshotBundledDataLazily(db: WriteRunner): Promise<void> {
  return (await workspaceCode()).snapshotBundledData(db);
}
