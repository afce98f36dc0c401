import type { ExportJob } from './use-export-job.ts';

/**
 * What an export is doing, announced politely to screen readers (the region
 * stays mounted so changes are read out), with progress and a Cancel button.
 * `hidden` keeps it in the accessibility tree while out of sight.
 */
export function ExportStatus({ job, className = 'export-status', hidden = false }: { job: ExportJob; className?: string; hidden?: boolean }) {
  const { state } = job;
  return (
    <div className={hidden ? `${className} visually-hidden` : className}>
      <div role="status" aria-live="polite" className={`${className}__message`}>
        {state.kind === 'running' || state.kind === 'done' ? state.message : null}
      </div>
      {state.kind === 'running' && (
        <div className={`${className}__progress`}>
          <progress aria-label="Export progress" max={1} value={state.fraction ?? undefined} />
          <button type="button" className="button-secondary" onClick={job.cancel}>Cancel export</button>
        </div>
      )}
      {state.kind === 'error' && <div role="alert" className={`${className}__error`}>{state.message}</div>}
    </div>
  );
}
