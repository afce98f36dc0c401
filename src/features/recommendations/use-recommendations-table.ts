/** Keeps the recommendations tables in step with the loaded texts; progress, cancel and retry for the view. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { buildRecommendations, type BuildProgress, type BuildResult } from './build-recommendations.ts';

export type TableState =
  | { kind: 'building'; progress: BuildProgress | null; previous: BuildResult | null }
  | { kind: 'ready'; result: BuildResult }
  | { kind: 'stopped'; message: string; previous: BuildResult | null };

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

export function useRecommendationsTable(): { state: TableState; cancel(): void; retry(): void } {
  const { db, dataVersion } = useDatabase();
  const workspace = useWorkspace();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<TableState>({ kind: 'building', progress: null, previous: null });
  const controller = useRef<AbortController | null>(null);
  const last = useRef<BuildResult | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ kind: 'building', progress: null, previous: last.current });
    buildRecommendations(db, {
      signal: ctrl.signal,
      retrainedModel: workspace.model,
      onProgress: (progress) => !ctrl.signal.aborted && setState({ kind: 'building', progress, previous: last.current }),
    }).then((result) => {
      if (ctrl.signal.aborted) return;
      last.current = result;
      setState({ kind: 'ready', result });
    }, (err: unknown) => {
      if (controller.current !== ctrl) return;
      setState({
        kind: 'stopped', previous: last.current,
        message: isAbort(err) ? 'Finding recommendations was cancelled.' : `Recommendations could not be read: ${err instanceof Error ? err.message : String(err)}.`,
      });
    });
    return () => ctrl.abort();
  }, [db, dataVersion, workspace, attempt]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, cancel, retry };
}
