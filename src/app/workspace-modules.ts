/** What workspace-code.ts loads on first use, as one chunk. */
export { packWorkspace, unpackWorkspace } from '../workspace/archive.ts';
export { applyWorkspace, collectWorkspace, deleteUserData, snapshotBundledData } from '../workspace/apply.ts';
import { collectWorkspaceTables } from '../workspace/apply.ts';
import { saveWorkspaceTables } from '../workspace/opfs-storage.ts';
import type { QueryRunner } from '../queries/runner.ts';

/** Streams the user's tables straight into a new save (see saveWorkspaceTables). */
export const saveWorkspace = (db: QueryRunner, model: Uint8Array | null) =>
  saveWorkspaceTables((open) => collectWorkspaceTables(db, model, open), model);
export { writeChange } from '../workspace/write.ts';
export { clearSavedWorkspace, readSavedWorkspace, requestPersistence, storageUsage, writeSavedWorkspace } from '../workspace/opfs-storage.ts';
