/**
 * The planner's own URL parameters (window and weights), so a ranking can be
 * shared or bookmarked exactly as seen. Keys differ from the shared filters'
 * `from`/`to`, which the planner deliberately ignores.
 */
import { DEFAULT_WEIGHTS, WEIGHT_MAX, type Weights } from './score.ts';

export const PARAM = {
  from: 'wfrom',
  to: 'wto',
  recurrence: 'wr',
  trend: 'wt',
  gap: 'wg',
} as const;

export const WEIGHT_KEYS = ['recurrence', 'trend', 'gap'] as const satisfies readonly (keyof Weights)[];

/** A weight from URL text: an integer 0–10, else the default (out-of-range values are clamped). */
export function parseWeight(raw: string | null, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(WEIGHT_MAX, Math.max(0, Math.round(n)));
}

/** The weights in a query string, defaults for those missing or unreadable. */
export function weightsFromSearch(search: string): Weights {
  const p = new URLSearchParams(search);
  return {
    recurrence: parseWeight(p.get(PARAM.recurrence), DEFAULT_WEIGHTS.recurrence),
    trend: parseWeight(p.get(PARAM.trend), DEFAULT_WEIGHTS.trend),
    gap: parseWeight(p.get(PARAM.gap), DEFAULT_WEIGHTS.gap),
  };
}

/** True when the weights are the defaults (the reset button is then disabled). */
export const isDefaultWeights = (w: Weights) => WEIGHT_KEYS.every((k) => w[k] === DEFAULT_WEIGHTS[k]);

/** Writes weights into a query string, dropping defaults to keep shared links short. */
export function searchWithWeights(search: string, w: Weights): string {
  const p = new URLSearchParams(search);
  for (const k of WEIGHT_KEYS) {
    if (w[k] === DEFAULT_WEIGHTS[k]) p.delete(PARAM[k]);
    else p.set(PARAM[k], String(w[k]));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Writes the window into a query string; `null` removes it (back to the default). */
export function searchWithWindow(search: string, window: { from: number; to: number } | null): string {
  const p = new URLSearchParams(search);
  if (window) {
    p.set(PARAM.from, String(window.from));
    p.set(PARAM.to, String(window.to));
  } else {
    p.delete(PARAM.from);
    p.delete(PARAM.to);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
