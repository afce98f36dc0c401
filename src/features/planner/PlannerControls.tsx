import { useId } from 'react';
import { DEFAULT_WEIGHTS, WEIGHT_MAX, type Weights } from '../../planner/score.ts';
import { isDefaultWeights, WEIGHT_KEYS } from '../../planner/params.ts';
import { defaultWindow, type PlannerWindow } from '../../planner/window.ts';

const WEIGHT_LABELS: Record<keyof Weights, { label: string; hint: string }> = {
  recurrence: { label: 'Recurrence', hint: 'how often the theme comes up in recent reviews' },
  trend: { label: 'Trend', hint: 'rising compared with earlier reviews' },
  gap: { label: 'Briefing gap', hint: 'no recent briefing on it' },
};

function WeightSlider({ name, value, onChange }: { name: keyof Weights; value: number; onChange(v: number): void }) {
  const id = useId();
  const { label, hint } = WEIGHT_LABELS[name];
  return (
    <div className="planner-weight">
      <label htmlFor={id}>
        {label} weight <output htmlFor={id} className="planner-weight__value">{value}</output>
      </label>
      <input id={id} type="range" min={0} max={WEIGHT_MAX} step={1} value={value} aria-describedby={`${id}-hint`}
        aria-valuetext={`${value} of ${WEIGHT_MAX}`} onChange={(e) => onChange(Number(e.target.value))} />
      <span id={`${id}-hint`} className="hint">{hint} (default {DEFAULT_WEIGHTS[name]})</span>
    </div>
  );
}

export interface PlannerControlsProps {
  window: PlannerWindow;
  latestYear: number;
  years: number[];
  onWindow(next: PlannerWindow | null): void;
  weights: Weights;
  onWeights(next: Weights): void;
}

/** The planner's window (its own years, not the shared year filter) and the score weights. */
export function PlannerControls({ window, latestYear, years, onWindow, weights, onWeights }: PlannerControlsProps) {
  const choices = [...new Set([...years, window.from, window.to])].sort((a, b) => a - b);
  const fallback = defaultWindow(latestYear);
  const isDefault = window.from === fallback.from && window.to === fallback.to;
  const yearSelect = (label: string, value: number, set: (y: number) => void) => (
    <label className="year-select">
      {label}{' '}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {choices.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
  return (
    <section className="planner-controls" aria-label="Window and weights">
      <fieldset className="planner-controls__window">
        <legend>Recent reviews: published</legend>
        {yearSelect('from', window.from, (from) => onWindow({ from, to: Math.max(from, window.to) }))}
        {yearSelect('to', window.to, (to) => onWindow({ from: Math.min(window.from, to), to }))}
        <button type="button" className="button-secondary" disabled={isDefault} onClick={() => onWindow(null)}>
          Last three years
        </button>
      </fieldset>
      <fieldset className="planner-controls__weights">
        <legend>Weights of the priority score</legend>
        {WEIGHT_KEYS.map((k) => (
          <WeightSlider key={k} name={k} value={weights[k]} onChange={(v) => onWeights({ ...weights, [k]: v })} />
        ))}
        <button type="button" className="button-secondary" disabled={isDefaultWeights(weights)} onClick={() => onWeights(DEFAULT_WEIGHTS)}>
          Reset weights
        </button>
      </fieldset>
    </section>
  );
}
