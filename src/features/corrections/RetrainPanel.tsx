import { useRef, useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { ModelComparison } from './ModelComparison.tsx';
import { retagWithModel, retrainWithCorrections, type ModelScore, type RetrainProgress } from './retrain.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: RetrainProgress }
  | { kind: 'compare'; before: ModelScore; after: ModelScore; text: string }
  | { kind: 'done' | 'error' | 'cancelled'; text: string };

const decode = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

/**
 * "Retrain the tagger": progress and cancel; then the model in use and the retrained one
 * side by side on out-of-fold figures, to keep the new one or go back to the previous one
 * (kept with the workspace until the next retrain).
 */
export function RetrainPanel() {
  const { db, bumpDataVersion } = useDatabase();
  const change = useWorkspaceChange();
  const workspace = useWorkspace();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = async (work: (signal: AbortSignal, onProgress: (p: RetrainProgress) => void) => Promise<State>, cancelled: string, failed: string) => {
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ kind: 'running', progress: { stage: 'examples', message: 'Starting…', fraction: 0 } });
    try {
      setState(await work(ctrl.signal, (progress) => setState({ kind: 'running', progress })));
    } catch (err) {
      if (ctrl.signal.aborted) setState({ kind: 'cancelled', text: cancelled });
      else setState({ kind: 'error', text: `${failed}: ${err instanceof Error ? err.message : String(err)} Your tags are unchanged.` });
    }
  };

  const retrain = () => run(async (signal, onProgress) => {
    const previous = decode(workspace.model);
    const r = await retrainWithCorrections(db, change, workspace.model, onProgress, signal);
    await workspace.setModel(r.modelJson, { json: previous });
    bumpDataVersion();
    return {
      kind: 'compare', before: r.before, after: r.after,
      text: `Retrained on ${r.shipped} shipped examples and ${r.judged} judged entries in ${(r.trainMs / 1000).toFixed(1)} s; your ${r.retagged} imported entries were re-tagged (${r.tags} tags).`,
    };
  }, 'Retraining was cancelled; the tagger and your tags are unchanged.', 'Retraining failed');

  const revert = () => run(async (signal, onProgress) => {
    const previous = decode(workspace.previousModel);
    const r = await retagWithModel(db, change, previous, onProgress, signal);
    await workspace.setModel(previous);
    bumpDataVersion();
    return { kind: 'done', text: `Back to the ${previous ? 'previously retrained' : 'bundled'} tagger; your ${r.retagged} imported entries were re-tagged with it (${r.tags} tags).` };
  }, 'Going back was cancelled; the retrained tagger is still in use.', 'Going back failed');

  const keep = () => setState({ kind: 'done', text: 'The retrained tagger is in use. The previous one stays in your workspace until you retrain again, so you can still go back.' });

  return (
    <section className="workspace-card" aria-labelledby="retrain-title">
      <h2 id="retrain-title">Teach the tagger</h2>
      <p>
        Retraining learns from the shipped examples, the expert labels and your corrections together, with your current theme set,
        then re-tags the reviews and briefings you imported. It runs in the background on this device. Before you decide, the
        tagger in use and the retrained one are compared on entries neither had seen.
        {workspace.model && ' You already have a retrained tagger; retraining replaces it (it is kept so you can go back).'}
      </p>
      {state.kind === 'running' ? (
        <div className="retrain__bar" role="status" aria-live="polite">
          <label htmlFor="retrain-progress">{state.progress.message}</label>
          {/* Training gives no intermediate progress: an indeterminate bar until it ends. */}
          <progress id="retrain-progress" max={1} value={state.progress.stage === 'training' ? undefined : state.progress.fraction} />
          <button type="button" className="button-secondary" onClick={() => controller.current?.abort()}>Cancel</button>
        </div>
      ) : state.kind === 'compare' ? (
        <div className="retrain__compare" data-testid="retrain-compare">
          <p role="status">{state.text}</p>
          <ModelComparison before={state.before} after={state.after} />
          <div className="retrain__choice">
            <button type="button" onClick={keep}>Keep the retrained tagger</button>
            <button type="button" className="button-secondary" onClick={() => void revert()}>Go back to the previous tagger</button>
          </div>
        </div>
      ) : (
        <div className="retrain__choice">
          <button type="button" onClick={() => void retrain()}>Retrain the tagger</button>
          {workspace.hasPreviousModel && (
            <button type="button" className="button-secondary" onClick={() => void revert()}>Go back to the previous tagger</button>
          )}
        </div>
      )}
      {(state.kind === 'done' || state.kind === 'error' || state.kind === 'cancelled') && (
        <p role={state.kind === 'error' ? 'alert' : 'status'} className={state.kind === 'error' ? 'workspace-error' : 'workspace-ok'} data-testid="retrain-outcome">{state.text}</p>
      )}
    </section>
  );
}
