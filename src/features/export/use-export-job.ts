/** One export at a time per control: progress, cancel, and a status the user can read. */
import { useCallback, useEffect, useRef, useState } from 'react';

export type JobState =
  | { kind: 'idle' }
  | { kind: 'running'; message: string; fraction: number | null }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

export interface JobTools {
  signal: AbortSignal;
  progress(message: string, fraction?: number | null): void;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';
const messageOf = (err: unknown) =>
  err instanceof Error ? err.message : err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err);

/** Runs export work with an AbortSignal and progress; the work returns the message shown when it is done. */
export function useExportJob() {
  const [state, setState] = useState<JobState>({ kind: 'idle' });
  const current = useRef<AbortController | null>(null);

  const run = useCallback(async (what: string, work: (tools: JobTools) => Promise<string>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const live = () => current.current === controller;
    setState({ kind: 'running', message: `Preparing ${what}…`, fraction: null });
    const progress = (message: string, fraction: number | null = null) => {
      if (live() && !controller.signal.aborted) setState({ kind: 'running', message, fraction });
    };
    try {
      const message = await work({ signal: controller.signal, progress });
      if (live()) setState(controller.signal.aborted ? { kind: 'done', message: `${capitalise(what)} cancelled.` } : { kind: 'done', message });
    } catch (err) {
      if (!live()) return;
      if (controller.signal.aborted || isAbort(err)) setState({ kind: 'done', message: `${capitalise(what)} cancelled.` });
      else setState({ kind: 'error', message: `Could not export the ${what}: ${messageOf(err)}. Try again, or narrow the filters.` });
    } finally {
      if (live()) current.current = null;
    }
  }, []);

  const cancel = useCallback(() => current.current?.abort(), []);
  /** Forgets a finished export's message (errors stay until the next export). */
  const clearDone = useCallback(() => setState((s) => (s.kind === 'done' ? { kind: 'idle' } : s)), []);
  useEffect(() => () => current.current?.abort(), []);
  return { state, run, cancel, clearDone, busy: state.kind === 'running' };
}

export type ExportJob = ReturnType<typeof useExportJob>;
