import { useRef, useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { retrainWithCorrections, type RetrainProgress } from './retrain.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: RetrainProgress }
  | { kind: 'done' | 'error' | 'cancelled'; text: string };

/** "Retrain the tagger with my corrections": progress, cancel, and the new model kept with the workspace. */
export function RetrainPanel() {
  const { db, bumpDataVersion } = useDatabase();
  const workspace = useWorkspace();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = async () => {
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ kind: 'running', progress: { stage: 'examples', message: 'Starting…', fraction: 0 } });
    try {
      const r = await retrainWithCorrections(db, (progress) => setState({ kind: 'running', progress }), ctrl.signal);
      await workspace.setModel(r.modelJson);
      bumpDataVersion();
      setState({ kind: 'done', text: `Retrained on ${r.examples} judged entries in ${(r.trainMs / 1000).toFixed(1)} s; your ${r.retagged} imported entries were re-tagged (${r.tags} tags). The new tagger is kept with your workspace.` });
    } catch (err) {
      if (ctrl.signal.aborted) setState({ kind: 'cancelled', text: 'Retraining was cancelled; the tagger and your tags are unchanged.' });
      else setState({ kind: 'error', text: `Retraining failed: ${err instanceof Error ? err.message : String(err)} Your tags are unchanged.` });
    }
  };

  return (
    <section className="workspace-card" aria-labelledby="retrain-title">
      <h2 id="retrain-title">Teach the tagger</h2>
      <p>
        Retraining learns from every judged entry — the expert labels and your corrections — with your current theme set, then
        re-tags the reviews and briefings you imported. It runs in the background on this device.
        {workspace.model && ' You already have a retrained tagger; retraining replaces it.'}
      </p>
      {state.kind === 'running' ? (
        <div className="retrain__bar" role="status" aria-live="polite">
          <label htmlFor="retrain-progress">{state.progress.message}</label>
          {/* Training gives no intermediate progress: an indeterminate bar until it ends. */}
          <progress id="retrain-progress" max={1} value={state.progress.stage === 'training' ? undefined : state.progress.fraction} />
          <button type="button" className="button-secondary" onClick={() => controller.current?.abort()}>Cancel</button>
        </div>
      ) : (
        <button type="button" onClick={() => void start()}>Retrain the tagger with my corrections</button>
      )}
      {state.kind !== 'idle' && state.kind !== 'running' && (
        <p role={state.kind === 'error' ? 'alert' : 'status'} className={state.kind === 'error' ? 'workspace-error' : 'workspace-ok'} data-testid="retrain-outcome">{state.text}</p>
      )}
    </section>
  );
}
