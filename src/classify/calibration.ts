/**
 * Calibration from out-of-fold predictions: p = σ(a·margin + b·lexicon + d·relative + c) per
 * theme, where lexicon is the theme's lexicon strength and relative that strength over the
 * document's strongest theme (which does not grow with document length).
 * A pooled (a, b, c) is fitted over all themes first; each theme's own parameters are then
 * fitted with an L2 pull toward the pooled ones, so thin themes stay close to the pool.
 * Thresholds: the F1-best cut on calibrated out-of-fold scores, shrunk toward a global cut.
 */

export interface Calibrator {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface CalibrationData {
  /** n × T out-of-fold margins, lexicon strengths, targets and cell weights (0 = unknown). */
  margin: Float64Array;
  lexicon: Float64Array;
  relative: Float64Array;
  y: Uint8Array;
  weight: Float64Array;
  n: number;
  T: number;
}

/** The logistic function, without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Calibrated probability. */
export function calibrate(cal: Calibrator, margin: number, lexicon: number, relative: number): number {
  return sigmoid(cal.a * margin + cal.b * lexicon + cal.d * relative + cal.c);
}

function fit(d: CalibrationData, themes: number[], prior: Calibrator, pull: number, iters: number): Calibrator {
  const p = { ...prior };
  for (let it = 0; it < iters; it++) {
    let ga = 0;
    let gb = 0;
    let gc = 0;
    let gd = 0;
    let h = 1e-6;
    for (const t of themes) {
      for (let i = 0; i < d.n; i++) {
        const k = i * d.T + t;
        const w = d.weight[k]!;
        if (w === 0) continue;
        const m = d.margin[k]!;
        const l = d.lexicon[k]!;
        const r = d.relative[k]!;
        const e = (calibrate(p, m, l, r) - d.y[k]!) * w;
        ga += e * m;
        gb += e * l;
        gc += e;
        gd += e * r;
        h += 0.25 * w * (m * m + l * l + r * r + 1);
      }
    }
    const step = 1 / (h + pull);
    p.a -= step * (ga + pull * (p.a - prior.a));
    p.b -= step * (gb + pull * (p.b - prior.b));
    p.c -= step * (gc + pull * (p.c - prior.c));
    p.d -= step * (gd + pull * (p.d - prior.d));
  }
  return p;
}

/** Fits one calibrator per theme (pooled prior + shrunk per-theme adjustment). */
export function fitCalibrators(d: CalibrationData, pull: number): Calibrator[] {
  const all = Array.from({ length: d.T }, (_, t) => t);
  const pooled = fit(d, all, { a: 1, b: 1, c: -2, d: 0 }, 0, 400);
  return all.map((t) => fit(d, [t], pooled, pull, 200));
}

/** F1-best threshold per theme, shrunk toward the micro-F1-best global threshold by positive count. */
export function chooseThresholds(d: CalibrationData, probs: Float64Array, shrink: number, floor: number, ceil: number): { global: number; perTheme: number[] } {
  const grid: number[] = [];
  for (let x = 0.1; x <= 0.801; x += 0.025) grid.push(Math.round(x * 1000) / 1000);
  const counts = (t: number | null, cut: number): [number, number, number] => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < d.n; i++) {
      for (let u = 0; u < d.T; u++) {
        if (t !== null && u !== t) continue;
        const k = i * d.T + u;
        if (d.weight[k] === 0 && d.y[k] === 0) continue;
        const yes = probs[k]! >= cut;
        if (yes && d.y[k]) tp++;
        else if (yes) fp++;
        else if (d.y[k]) fn++;
      }
    }
    return [tp, fp, fn];
  };
  const f1 = ([tp, fp, fn]: [number, number, number]): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  const bestCut = (t: number | null): number => grid.reduce((best, cut) => (f1(counts(t, cut)) > f1(counts(t, best)) + 1e-12 ? cut : best), grid[0]!);
  const global = bestCut(null);
  const perTheme = Array.from({ length: d.T }, (_, t) => {
    let pos = 0;
    for (let i = 0; i < d.n; i++) pos += d.y[i * d.T + t]!;
    const own = pos > 0 ? bestCut(t) : global;
    const cut = (pos * own + shrink * global) / (pos + shrink);
    return Math.min(ceil, Math.max(floor, cut));
  });
  return { global, perTheme };
}
