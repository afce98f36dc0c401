import type { ReactNode } from 'react';
import type { LoadProgress } from '../db/index.ts';

/** Progress while the engine starts; the precomputed first screen shows meanwhile. */
export function LoadingScreen({ progress, children }: { progress: LoadProgress; children?: ReactNode }) {
  return (
    <div className="loading-screen">
      <div className="engine-status" role="status" aria-live="polite">
        <label htmlFor="engine-progress">{progress.message}</label>
        <progress id="engine-progress" max={1} value={progress.fraction} />
      </div>
      {children}
    </div>
  );
}
