import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { database, loadBundledDataset, toError, type LoadProgress } from '../db/index.ts';
import type { Change } from '../workspace/write.ts';
import { hasSavedWorkspace } from '../workspace/saved-pointer.ts';
import { lazyBackend, snapshotBundledDataLazily, workspaceCode, writeChangeLazily } from './workspace-code.ts';
import { WorkspaceSession } from '../features/workspace/workspace-session.ts';
import { WorkspaceContext } from '../features/workspace/workspace-context.ts';
import { DatabaseContext } from '../state/database-context.ts';
import { EngineGate } from '../queries/gated-runner.ts';
import { buildTextIndex, dropTextIndex, lookAhead, noteNavigation } from '../queries/text-index.ts';
import { subscribe } from '../state/router.ts';
import { primeFilterIndex } from '../queries/coordinator.ts';
import { filterOptionsQuery } from '../queries/filter-options.ts';
import { datasetBaseUrl } from './dataset-source.ts';
import { afterFirstScreenDrawn, filterIndexFile } from './first-screen-start.ts';
import { abortError } from '../queries/runner.ts';
import { LoadingScreen, EngineStatus } from './LoadingScreen.tsx';
import { ErrorScreen } from './ErrorScreen.tsx';

/**
 * 'early': the filter index file is in and DuckDB is still starting: the
 * dashboard answers filters from the index, everything needing SQL waits.
 */
type Status =
  | { kind: 'loading'; progress: LoadProgress }
  | { kind: 'early'; progress: LoadProgress }
  | { kind: 'ready' }
  | { kind: 'error'; error: Error };

const START: LoadProgress = { stage: 'engine', fraction: 0, message: 'Starting…' };
/** The data version of the bundled data as loaded; the early index is primed under it. */
const FIRST_VERSION = 1;

/**
 * Starts DuckDB, loads the bundled data and the user's saved workspace on top,
 * writes every change through the one write path and saves the workspace
 * after every data change. Meanwhile it fetches the
 * dataset's filter index file: once that is in (and nothing saved in this
 * browser would change the data), children render and filter from it while
 * the engine starts; calls needing SQL wait behind a gate until it is ready.
 */
export function DatabaseProvider({ children, firstScreen }: { children: ReactNode; firstScreen?: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'loading', progress: START });
  const [dataVersion, setDataVersion] = useState(FIRST_VERSION);
  const [attempt, setAttempt] = useState(0);
  // The precomputed first screen waits until it is known the filter index will not show the live view sooner.
  const [showFirstScreen, setShowFirstScreen] = useState(false);
  const workspace = useMemo(() => new WorkspaceSession(database, lazyBackend), []);
  const gate = useMemo(() => new EngineGate(database), []);
  const queryClient = useQueryClient();

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let early = false;
    const onProgress = (progress: LoadProgress) => setStatus((s) => (s.kind === 'early' ? { kind: 'early', progress } : { kind: 'loading', progress }));
    setStatus({ kind: 'loading', progress: START });
    gate.close();
    document.documentElement.dataset.engine = 'starting';
    // Saved work changes the data, so the bundled index would show numbers the user does not have: then wait for DuckDB.
    const indexFile = Promise.all([hasSavedWorkspace().catch(() => true), filterIndexFile(attempt === 0, signal)])
      .then(([saved, file]) => (saved ? null : file))
      .catch(() => null /* no early filters; the load below still brings the data */);
    const shown = indexFile.then((file) => {
      if (signal.aborted) return false;
      if (!file) {
        setShowFirstScreen(true);
        return false;
      }
      primeFilterIndex(gate.runner, FIRST_VERSION, file.index);
      queryClient.setQueryData(filterOptionsQuery(gate.runner, FIRST_VERSION).queryKey, file.options);
      early = true;
      setStatus((s) => (s.kind === 'loading' ? { kind: 'early', progress: s.progress } : s));
      return true;
    });
    // With the index in, the first screen filters without the engine: let it draw before the engine takes the cores.
    shown
      .then((filtersEarly) => (filtersEarly ? afterFirstScreenDrawn() : undefined))
      .then(() => {
        if (signal.aborted) throw abortError();
        performance.mark('app:engine-start');
        void workspaceCode().catch(() => undefined /* the first use below reports it */);
        return loadBundledDataset(datasetBaseUrl(), database, onProgress, signal);
      })
      .then(async () => {
        await snapshotBundledDataLazily(database);
        if (signal.aborted) return;
        onProgress({ stage: 'insert', fraction: 1, message: 'Restoring your saved work…' });
        const restored = await workspace.restore();
        // Saved work that appeared since the check: the primed index is the bundled data's, so start a new version.
        if (restored && early) setDataVersion((v) => v + 1);
      })
      .then(() => {
        if (signal.aborted) return;
        gate.open();
        document.documentElement.dataset.engine = 'ready';
        performance.mark('app:engine-ready');
        setStatus({ kind: 'ready' });
      })
      .catch((err: unknown) => {
        if (signal.aborted) return;
        gate.fail(toError(err));
        setStatus({ kind: 'error', error: toError(err) });
      });
    return () => controller.abort();
  }, [attempt, workspace, gate, queryClient]);

  // Text search answers from a word index of each data version, built in the background once the data is in.
  useEffect(() => {
    if (status.kind === 'ready') void buildTextIndex(gate.runner);
  }, [status.kind, dataVersion, gate]);
  useEffect(() => dropTextIndex, []);
  // A new search term is looked up as the URL changes, while the view re-renders; the index build waits.
  useEffect(() => subscribe(() => {
    noteNavigation();
    lookAhead(new URLSearchParams(window.location.search).get('q') ?? '');
  }), []);

  // Every new data version after the load is saved (debounced) to this browser.
  const loadedVersion = useRef<number | null>(null);
  useEffect(() => {
    if (status.kind !== 'ready') return;
    if (loadedVersion.current === null) loadedVersion.current = dataVersion;
    else if (dataVersion !== loadedVersion.current) workspace.scheduleSave();
  }, [dataVersion, status.kind, workspace]);

  const bumpDataVersion = useCallback(() => setDataVersion((v) => v + 1), []);
  // The one write path: stage → one transaction → refresh derived tables, then a new data version (which saves).
  // Writes wait behind the gate like every other call until the engine has loaded the data.
  const change = useCallback(async (c: Change) => {
    await writeChangeLazily(gate.runner, c);
    bumpDataVersion();
  }, [gate, bumpDataVersion]);
  const value = useMemo(() => ({ db: gate.runner, dataVersion, change, bumpDataVersion }), [gate, dataVersion, change, bumpDataVersion]);

  if (status.kind === 'error') return <ErrorScreen error={status.error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (status.kind === 'loading') return <LoadingScreen progress={status.progress}>{showFirstScreen && firstScreen}</LoadingScreen>;
  return (
    <>
      {status.kind === 'early' && <EngineStatus progress={status.progress} early />}
      <DatabaseContext.Provider value={value}>
        <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>
      </DatabaseContext.Provider>
    </>
  );
}
