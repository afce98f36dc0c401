import type { TaggingState } from './use-tagging.ts';

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Tagging progress (texts, files, time left) with Cancel; a retry after a cancel or failure. */
export function TaggingStatus({ state, onCancel, onRetry }: { state: TaggingState; onCancel(): void; onRetry(): void }) {
  if (state.kind === 'idle') return null;
  return (
    <section className="import-tagging" aria-labelledby="import-tagging-heading" data-testid="import-tagging" data-state={state.kind} data-runs={state.kind === 'done' ? state.runs : undefined}>
      <h2 id="import-tagging-heading">Tagging on this device</h2>
      {state.kind === 'running' && (
        <>
          <p>
            Tagging {state.label} in the background. Stay on this page until it finishes: leaving it stops tagging.
            {state.queued > 0 && ` ${state.queued} more import${state.queued === 1 ? '' : 's'} waiting.`}
          </p>
          <div className="import-tagging__bar">
            <progress max={state.progress?.total ?? 1} value={state.progress?.done ?? 0} aria-label="Tagging progress" />
            {/* Cancel stops the waiting imports too: the button says so rather than leaving them untagged unannounced. */}
            <button type="button" className="button-secondary" onClick={onCancel}>
              {state.queued > 0 ? `Cancel tagging of all ${state.queued + 1} imports` : 'Cancel tagging'}
            </button>
          </div>
          <p role="status" className="hint">
            {state.progress?.stored !== undefined
              ? `Storing theme tags: ${state.progress.stored} of ${state.progress.total} texts stored`
              : state.progress
              ? `${state.progress.done} of ${state.progress.total} passages and texts · ${state.progress.filesDone} of ${state.progress.files} files · ` +
                (state.progress.remainingMs === null ? 'estimating time left…' : `about ${seconds(state.progress.remainingMs)} left`)
              : 'Loading the theme model…'}
          </p>
        </>
      )}
      {state.kind === 'done' && (
        <p role="status" data-testid="import-tagging-done">
          Tagged {state.label}: {state.outcome.texts} passages and texts, {state.outcome.tags} theme tags, in {seconds(state.outcome.elapsedMs)}{' '}
          ({(state.outcome.texts / Math.max(0.001, state.outcome.elapsedMs / 1000)).toFixed(0)} per second).
        </p>
      )}
      {state.kind === 'stopped' && (
        <div role="alert" className="import-tagging__stopped">
          <p data-testid="import-tagging-stopped">{state.message}</p>
          {state.canRetry && <button type="button" onClick={onRetry}>Tag them now</button>}
        </div>
      )}
    </section>
  );
}
