/** What workspace-code.ts loads on first use, as one chunk. */
export { packWorkspace, unpackWorkspace } from '../workspace/archive.ts';
export { applyWorkspace, collectWorkspace, deleteUserData, snapshotBundledData } from '../workspace/apply.ts';
export { writeChange } from '../workspace/write.ts';
export { clearSavedWorkspace, readSavedWorkspace, requestPersistence, storageUsage, writeSavedWorkspace } from '../workspace/opfs-storage.ts';
