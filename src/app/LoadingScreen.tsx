import type { ReactNode } from 'react';
import type { LoadProgress } from '../db/index.ts';

/**
 * The engine's progress. `early`: the dashboard already filters from the
 * filter index, so the line says what still waits for the engine.
 */
export function EngineStatus({ progress, early = false }: { progress: LoadProgress; early?: boolean }) {
  return (
    <div className={`engine-status${early ? ' engine-status--early' : ''}`} role="status" aria-live="polite">
      <label htmlFor="engine-progress">
        {progress.message}
        {early && ' Filters already answer; text search, the Explorer, exports and evidence start when the database is ready.'}
      </label>
      <progress id="engine-progress" max={1} value={progress.fraction} />
    </div>
  );
}

/** Progress while the engine starts; the precomputed first screen shows meanwhile. */
export function LoadingScreen({ progress, children }: { progress: LoadProgress; children?: ReactNode }) {
  return (
    <div className="loading-screen">
      <EngineStatus progress={progress} />
      {children}
    </div>
  );
}
