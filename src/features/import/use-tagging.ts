/**
 * Runs tagging jobs one batch after another in the tagging worker, with
 * progress and cancel. The worker lives while there is tagging to do.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WriteChange } from '../../workspace/write.ts';
import { TaggingClient } from '../../workers/tagging/tagging-client.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import type { TagJob } from './run-import.ts';
import { tagAndStore, type TagOutcome, type TagProgress } from './tag-jobs.ts';
import { mergeBatches, replacedMessage, stoppedMessage, type QueuedImport } from './stopped-tagging.ts';

export type TaggingState =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; progress: TagProgress | null; queued: number }
  | { kind: 'done'; label: string; outcome: TagOutcome; runs: number }
  | { kind: 'stopped'; label: string; message: string; canRetry: boolean };

const isAbort = (err: unknown) => (err as { name?: string })?.name === 'AbortError';

/** Tagging state plus `start(jobs, label)`, `cancel()` and `retry()`; `onStored` runs after each stored batch. */
export function useTagging(change: WriteChange, onStored: (label: string, outcome: TagOutcome) => void) {
  const [state, setState] = useState<TaggingState>({ kind: 'idle' });
  const client = useRef<{ client: TaggingClient; ready: Promise<unknown> } | null>(null);
  const queue = useRef<QueuedImport[]>([]);
  const running = useRef(false);
  const runs = useRef(0);
  // Imports a cancel or failure left untagged, until "Tag them now": a later import's run must not forget them.
  const left = useRef<QueuedImport[]>([]);
  const controller = useRef<AbortController | null>(null);
  const stored = useRef(onStored);
  stored.current = onStored;
  // A model retrained with the user's corrections (kept in the workspace) tags new text too.
  const workspace = useWorkspace();

  const releaseWorker = () => {
    client.current?.client.terminate();
    client.current = null;
  };

  useEffect(() => () => {
    controller.current?.abort();
    releaseWorker();
  }, []);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length) {
      const batch = queue.current.shift()!;
      const ctrl = new AbortController();
      controller.current = ctrl;
      setState({ kind: 'running', label: batch.label, progress: null, queued: queue.current.length });
      try {
        if (!client.current) {
          const c = new TaggingClient();
          const retrained = workspace.model;
          const ready = retrained ? c.useModel(JSON.parse(new TextDecoder().decode(retrained))) : c.loadModel();
          client.current = { client: c, ready };
        }
        await client.current.ready.catch((err: unknown) => {
          client.current = null;
          throw new Error(`the theme model could not be loaded (${(err as Error).message})`);
        });
        const outcome = await tagAndStore(change, client.current!.client, batch.jobs, {
          signal: ctrl.signal,
          onProgress: (progress) => setState({ kind: 'running', label: batch.label, progress, queued: queue.current.length }),
        });
        // The worker's heap grew with the batch (a 100,000-review file: hundreds of MB); with nothing
        // queued, let it go before the save that follows needs the memory. The next batch starts a new one.
        if (!queue.current.length) releaseWorker();
        stored.current(batch.label, outcome);
        // From here the Import page's own count of untagged texts lists what an earlier cancel left.
        left.current = [];
        runs.current += 1;
        setState({ kind: 'done', label: batch.label, outcome, runs: runs.current });
      } catch (err) {
        const waiting = queue.current.splice(0);
        if ((err as { name?: string })?.name === 'UserDataReplacedError') {
          // The imported entries went with the user data: there is nothing left to tag, now or on a retry.
          left.current = [];
          setState({ kind: 'stopped', label: batch.label, message: replacedMessage([batch, ...waiting]), canRetry: false });
          continue;
        }
        // Cancel stops the queue too: the imports waiting behind this one are left untagged as well, and said so.
        left.current = [...left.current, batch, ...waiting];
        const message = stoppedMessage(left.current, waiting.length, isAbort(err) ? null : (err as Error).message);
        setState({ kind: 'stopped', label: mergeBatches(left.current).label, message, canRetry: true });
      }
    }
    running.current = false;
  }, [change, workspace]);

  const start = useCallback((jobs: TagJob[], label: string) => {
    if (!jobs.length) return;
    queue.current.push({ jobs, label });
    // The running import's message (and its Cancel button) count the imports now waiting behind it at once.
    setState((s) => (s.kind === 'running' ? { ...s, queued: queue.current.length } : s));
    void pump();
  }, [pump]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const latest = useRef(state);
  latest.current = state;
  /** Tags everything earlier cancels or failures left, as one run. */
  const retry = useCallback(() => {
    if (latest.current.kind !== 'stopped' || !left.current.length) return;
    const all = mergeBatches(left.current);
    left.current = [];
    start(all.jobs, all.label);
  }, [start]);

  return { state, start, cancel, retry };
}
