/**
 * A second stage over the calibrated theme scores: per theme, a small logistic regression on
 * the theme's own score (as a logit), every other theme's score, how much the text scores in
 * all (sum of scores, themes over 0.5) and its length. Review themes come in company (neglect
 * with home conditions, exploitation with missing children) and a text that lights up many
 * themes lights up some falsely; the first stage scores each theme alone and sees neither.
 *
 * Fitted on out-of-fold first-stage scores of the exhaustively labelled multi-label documents,
 * shrunk toward the identity (own logit weight 1, the rest 0): with little data it changes little.
 */
import { seededFolds } from './random.ts';

/** Per theme, the weights of its stackFeatures row (length T + STACK_EXTRA). */
export type StackWeights = number[][];

/** Inputs after the T scores: sum of scores, themes ≥ 0.5, log length, bias. */
export const STACK_EXTRA = 4;

const EPS = 1e-4;
const logit = (p: number): number => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};

/**
 * The inputs of theme t's regression, written into `out` (length T + STACK_EXTRA): other
 * themes' scores as they are, its own as a logit, then the shared summaries.
 */
export function stackFeatures(probs: ArrayLike<number>, t: number, chars: number, out: Float64Array): Float64Array {
  const T = probs.length;
  let sum = 0;
  let over = 0;
  for (let u = 0; u < T; u++) {
    const p = probs[u]!;
    out[u] = p;
    sum += p;
    if (p >= 0.5) over++;
  }
  out[t] = logit(probs[t]!);
  // Scaled so every input is of order 1 (the penalty treats them alike).
  out[T] = sum / 5;
  out[T + 1] = over / 5;
  out[T + 2] = Math.log(Math.max(50, chars) / 1000);
  out[T + 3] = 1;
  return out;
}

/** Second-stage probabilities, into `probs` (changed in place); `scratch` has length T + STACK_EXTRA, `z` length T. */
export function applyStack(w: ArrayLike<number>, probs: Float64Array, chars: number, scratch: Float64Array, z: Float64Array): Float64Array {
  const T = probs.length;
  const F = T + STACK_EXTRA;
  for (let t = 0; t < T; t++) {
    stackFeatures(probs, t, chars, scratch);
    let s = 0;
    for (let f = 0; f < F; f++) s += w[t * F + f]! * scratch[f]!;
    z[t] = s;
  }
  for (let t = 0; t < T; t++) probs[t] = sigmoid(z[t]!);
  return probs;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export interface StackOptions {
  /** Pull of the co-occurrence weights toward 0. */
  l2: number;
  /** Pull of each theme's own-score, summary and bias weights toward the weights pooled over themes. */
  pull: number;
  seed: number;
  folds: number;
  /**
   * 'free': a weight per pair of themes (pulled toward 0 by l2). 'lift': one weight per theme on
   * Σ_u L_tu·p_u, where L is the smoothed log lift of the pair in the training labels (folded into
   * the same table, so tagging is the same): far fewer weights to learn from a few hundred documents.
   */
  pairs?: 'free' | 'lift';
}

/** First-stage scores (n × T), targets, text lengths; only `rows` are fitted on. */
export interface StackData {
  probs: Float64Array;
  y: Uint8Array;
  chars: number[];
  n: number;
  T: number;
}

/** The identity: own logit weight 1, everything else 0 (σ(logit p) = p). */
function identity(T: number): Float64Array {
  const F = T + STACK_EXTRA;
  const w = new Float64Array(T * F);
  for (let t = 0; t < T; t++) w[t * F + t] = 1;
  return w;
}

/**
 * Fits the weights (T × (T + STACK_EXTRA), flat) on `rows`. First one set of own-logit, summary
 * and bias weights pooled over all themes (lightly penalised), then each theme's full row by
 * Newton steps with an L2 pull toward the pooled weights (co-occurrence weights toward 0).
 */
export function fitStack(d: StackData, rows: number[], o: StackOptions): Float64Array {
  const { T } = d;
  const F = T + STACK_EXTRA;
  const w = identity(T);
  if (rows.length === 0) return w;
  // Pooled: 5 inputs (own logit, sum, count, log length, bias) shared by every theme.
  const shared = [-1, T, T + 1, T + 2, T + 3];
  const x = new Float64Array(F);
  const pooledX: number[][] = [];
  const pooledY: number[] = [];
  for (const i of rows) {
    const probs = d.probs.subarray(i * T, (i + 1) * T);
    for (let t = 0; t < T; t++) {
      stackFeatures(probs, t, d.chars[i]!, x);
      pooledX.push(shared.map((f) => x[f < 0 ? t : f]!));
      pooledY.push(d.y[i * T + t]!);
    }
  }
  const pooled = newton(pooledX, pooledY, [1, 0, 0, 0, 0], [1e-3, 1e-3, 1e-3, 1e-3, 1e-3]);
  if (o.pairs === 'lift') return fitLift(d, rows, o, pooled, w);
  for (let t = 0; t < T; t++) {
    const X: number[][] = [];
    const Y: number[] = [];
    for (const i of rows) {
      X.push(Array.from(stackFeatures(d.probs.subarray(i * T, (i + 1) * T), t, d.chars[i]!, x)));
      Y.push(d.y[i * T + t]!);
    }
    const prior = new Array<number>(F).fill(0);
    const pen = new Array<number>(F).fill(o.l2);
    prior[t] = pooled[0]!;
    pen[t] = o.pull;
    for (let k = 1; k < shared.length; k++) (prior[shared[k]!] = pooled[k]!), (pen[shared[k]!] = o.pull);
    const theta = newton(X, Y, prior, pen);
    for (let f = 0; f < F; f++) w[t * F + f] = theta[f]!;
  }
  return w;
}

/** Smoothed log lift of each pair of themes in the labels of `rows` (T × T, row t: given u; diagonal 0). */
export function labelLift(d: StackData, rows: number[], smooth = 5): Float64Array {
  const { T } = d;
  const n = new Float64Array(T);
  const nn = new Float64Array(T * T);
  for (const i of rows) {
    for (let t = 0; t < T; t++) {
      if (!d.y[i * T + t]) continue;
      n[t]!++;
      for (let u = 0; u < T; u++) if (d.y[i * T + u]) nn[t * T + u]!++;
    }
  }
  const L = new Float64Array(T * T);
  const N = Math.max(1, rows.length);
  for (let t = 0; t < T; t++) {
    const pt = (n[t]! + 0.5) / (N + 1);
    for (let u = 0; u < T; u++) if (u !== t) L[t * T + u] = Math.log((nn[t * T + u]! + smooth * pt) / ((n[u]! + smooth) * pt));
  }
  return L;
}

/** fitStack's 'lift' form: per theme, [own logit, Σ_u L_tu·p_u, summaries, bias] pulled toward the pooled fit, expanded into w. */
function fitLift(d: StackData, rows: number[], o: StackOptions, pooled: number[], w: Float64Array): Float64Array {
  const { T } = d;
  const F = T + STACK_EXTRA;
  const L = labelLift(d, rows);
  const x = new Float64Array(F);
  const rowsOf = (t: number): number[][] =>
    rows.map((i) => {
      const probs = d.probs.subarray(i * T, (i + 1) * T);
      stackFeatures(probs, t, d.chars[i]!, x);
      let lift = 0;
      for (let u = 0; u < T; u++) lift += L[t * T + u]! * probs[u]!;
      return [x[t]!, lift, x[T]!, x[T + 1]!, x[T + 2]!, 1];
    });
  // Pooled again with the lift input (its weight starts at 0), then per theme.
  const all: number[][] = [];
  const ys: number[] = [];
  for (let t = 0; t < T; t++) rowsOf(t).forEach((r, k) => (all.push(r), ys.push(d.y[rows[k]! * T + t]!)));
  const prior = newton(all, ys, [pooled[0]!, 0, ...pooled.slice(1)], new Array<number>(6).fill(1e-3));
  for (let t = 0; t < T; t++) {
    const theta = newton(rowsOf(t), rows.map((i) => d.y[i * T + t]!), prior, new Array<number>(6).fill(o.pull));
    for (let u = 0; u < T; u++) w[t * F + u] = u === t ? theta[0]! : theta[1]! * L[t * T + u]!;
    for (let k = 0; k < STACK_EXTRA; k++) w[t * F + T + k] = theta[2 + k]!;
  }
  return w;
}

/** Second-stage probabilities of `rows`, each from weights fitted on the other folds of `rows`. */
export function outOfFoldStack(d: StackData, rows: number[], o: StackOptions): Float64Array {
  const out = d.probs.slice();
  const k = Math.min(o.folds, rows.length);
  if (k < 2) return out;
  const fold = seededFolds(rows.length, k, o.seed);
  const scratch = new Float64Array(d.T + STACK_EXTRA);
  const z = new Float64Array(d.T);
  for (let f = 0; f < k; f++) {
    const w = fitStack(d, rows.filter((_, r) => fold[r] !== f), o);
    rows.forEach((i, r) => {
      if (fold[r] === f) applyStack(w, out.subarray(i * d.T, (i + 1) * d.T), d.chars[i]!, scratch, z);
    });
  }
  return out;
}

/**
 * L2-penalised logistic regression by Newton steps: minimises the log loss plus
 * Σ pen_f (θ_f − prior_f)² / 2, starting from the prior. Deterministic; a few inputs only.
 */
function newton(X: number[][], y: number[], prior: number[], pen: number[], iters = 12): number[] {
  const F = prior.length;
  const theta = prior.slice();
  const H = new Float64Array(F * F);
  const g = new Float64Array(F);
  for (let it = 0; it < iters; it++) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < X.length; i++) {
      const x = X[i]!;
      let z = 0;
      for (let f = 0; f < F; f++) z += theta[f]! * x[f]!;
      const p = sigmoid(z);
      const e = p - y[i]!;
      const v = Math.max(p * (1 - p), 1e-6);
      for (let a = 0; a < F; a++) {
        const xa = x[a]!;
        if (xa === 0) continue;
        g[a]! += e * xa;
        const va = v * xa;
        for (let b = 0; b <= a; b++) H[a * F + b]! += va * x[b]!;
      }
    }
    for (let a = 0; a < F; a++) {
      g[a]! += pen[a]! * (theta[a]! - prior[a]!);
      H[a * F + a]! += pen[a]!;
      for (let b = 0; b < a; b++) H[b * F + a] = H[a * F + b]!;
    }
    const step = solve(H, g, F);
    let moved = 0;
    for (let f = 0; f < F; f++) (theta[f]! -= step[f]!), (moved = Math.max(moved, Math.abs(step[f]!)));
    if (moved < 1e-7) break;
  }
  return theta;
}

/** Solves H s = g for symmetric positive definite H (Cholesky; H is overwritten). */
function solve(H: Float64Array, g: Float64Array, F: number): Float64Array {
  for (let j = 0; j < F; j++) {
    let s = H[j * F + j]!;
    for (let k = 0; k < j; k++) s -= H[j * F + k]! * H[j * F + k]!;
    const l = Math.sqrt(Math.max(s, 1e-12));
    H[j * F + j] = l;
    for (let i = j + 1; i < F; i++) {
      let t = H[i * F + j]!;
      for (let k = 0; k < j; k++) t -= H[i * F + k]! * H[j * F + k]!;
      H[i * F + j] = t / l;
    }
  }
  const s = Float64Array.from(g);
  for (let i = 0; i < F; i++) {
    for (let k = 0; k < i; k++) s[i]! -= H[i * F + k]! * s[k]!;
    s[i]! /= H[i * F + i]!;
  }
  for (let i = F - 1; i >= 0; i--) {
    for (let k = i + 1; k < F; k++) s[i]! -= H[k * F + i]! * s[k]!;
    s[i]! /= H[i * F + i]!;
  }
  return s;
}
