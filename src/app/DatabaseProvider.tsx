import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { database, loadBundledDataset, toError, type LoadProgress } from '../db/index.ts';
import { packWorkspace, unpackWorkspace } from '../workspace/archive.ts';
import { applyWorkspace, collectWorkspace, deleteUserData, snapshotBundledData } from '../workspace/apply.ts';
import { writeChange, type Change } from '../workspace/write.ts';
import * as storage from '../workspace/opfs-storage.ts';
import { WorkspaceSession } from '../features/workspace/workspace-session.ts';
import { WorkspaceContext } from '../features/workspace/workspace-context.ts';
import { DatabaseContext } from '../state/database-context.ts';
import { datasetBaseUrl } from './dataset-source.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import { ErrorScreen } from './ErrorScreen.tsx';

type Status = { kind: 'loading'; progress: LoadProgress } | { kind: 'ready' } | { kind: 'error'; error: Error };

const START: LoadProgress = { stage: 'engine', fraction: 0, message: 'Starting…' };

const backend = {
  collect: collectWorkspace, apply: applyWorkspace, deleteUserData,
  read: storage.readSavedWorkspace, write: storage.writeSavedWorkspace, clear: storage.clearSavedWorkspace,
  usage: storage.storageUsage, persist: storage.requestPersistence, pack: packWorkspace, unpack: unpackWorkspace,
};

/**
 * Starts DuckDB, loads the bundled data and the user's saved workspace on top,
 * renders children once ready, writes every change through the one write path
 * and saves the workspace after every data change.
 */
export function DatabaseProvider({ children, firstScreen }: { children: ReactNode; firstScreen?: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'loading', progress: START });
  const [dataVersion, setDataVersion] = useState(1);
  const [attempt, setAttempt] = useState(0);
  const workspace = useMemo(() => new WorkspaceSession(database, backend), []);

  useEffect(() => {
    const controller = new AbortController();
    const onProgress = (progress: LoadProgress) => setStatus({ kind: 'loading', progress });
    setStatus({ kind: 'loading', progress: START });
    loadBundledDataset(datasetBaseUrl(), database, onProgress, controller.signal)
      .then(async () => {
        await snapshotBundledData(database);
        if (controller.signal.aborted) return;
        onProgress({ stage: 'insert', fraction: 1, message: 'Restoring your saved work…' });
        await workspace.restore();
      })
      .then(() => !controller.signal.aborted && setStatus({ kind: 'ready' }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setStatus({ kind: 'error', error: toError(err) });
      });
    return () => controller.abort();
  }, [attempt, workspace]);

  // Every new data version after the load is saved (debounced) to this browser.
  const loadedVersion = useRef<number | null>(null);
  useEffect(() => {
    if (status.kind !== 'ready') return;
    if (loadedVersion.current === null) loadedVersion.current = dataVersion;
    else if (dataVersion !== loadedVersion.current) workspace.scheduleSave();
  }, [dataVersion, status.kind, workspace]);

  const bumpDataVersion = useCallback(() => setDataVersion((v) => v + 1), []);
  // The one write path: stage → one transaction → refresh derived tables, then a new data version (which saves).
  const change = useCallback(async (c: Change) => {
    await writeChange(database, c);
    bumpDataVersion();
  }, [bumpDataVersion]);
  const value = useMemo(() => ({ db: database, dataVersion, change, bumpDataVersion }), [dataVersion, change, bumpDataVersion]);

  if (status.kind === 'error') return <ErrorScreen error={status.error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (status.kind === 'loading') return <LoadingScreen progress={status.progress}>{firstScreen}</LoadingScreen>;
  return (
    <DatabaseContext.Provider value={value}>
      <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>
    </DatabaseContext.Provider>
  );
}
