import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { database, loadBundledDataset, toError, type LoadProgress } from '../db/index.ts';
import { DatabaseContext } from './database-context.ts';
import { datasetBaseUrl } from './dataset-source.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import { ErrorScreen } from './ErrorScreen.tsx';

type Status = { kind: 'loading'; progress: LoadProgress } | { kind: 'ready' } | { kind: 'error'; error: Error };

const START: LoadProgress = { stage: 'engine', fraction: 0, message: 'Starting…' };

/** Starts DuckDB, loads the bundled data, and renders children once it is ready. */
export function DatabaseProvider({ children, firstScreen }: { children: ReactNode; firstScreen?: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'loading', progress: START });
  const [dataVersion, setDataVersion] = useState(1);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setStatus({ kind: 'loading', progress: START });
    loadBundledDataset(datasetBaseUrl(), database, (progress) => setStatus({ kind: 'loading', progress }), controller.signal)
      .then(() => setStatus({ kind: 'ready' }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setStatus({ kind: 'error', error: toError(err) });
      });
    return () => controller.abort();
  }, [attempt]);

  const bumpDataVersion = useCallback(() => setDataVersion((v) => v + 1), []);
  const value = useMemo(() => ({ db: database, dataVersion, bumpDataVersion }), [dataVersion, bumpDataVersion]);

  if (status.kind === 'error') return <ErrorScreen error={status.error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (status.kind === 'loading') return <LoadingScreen progress={status.progress}>{firstScreen}</LoadingScreen>;
  return <DatabaseContext.Provider value={value}>{children}</DatabaseContext.Provider>;
}
