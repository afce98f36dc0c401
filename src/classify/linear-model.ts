/**
 * One-vs-rest L2 logistic regression for all themes at once, over sparse features,
 * trained full-batch with Adam (deterministic: no sampling). Weights are stored
 * feature-major (W[f * T + t]) so one pass over a document's non-zeros updates every theme.
 */
import type { SparseVector } from './features.ts';
import { mulberry32 } from './random.ts';

export interface LinearWeights {
  dims: number;
  themes: number;
  W: Float64Array;
  b: Float64Array;
}

export interface LinearOptions {
  l2: number;
  epochs: number;
  learningRate: number;
  /** 'sgd': per-document AdaGrad steps in a seeded order (few epochs); 'batch': full-batch Adam. */
  optimizer: 'sgd' | 'batch';
  seed: number;
}

/** Margins (w·x + b) of one document for every theme, written into out. */
export function margins(model: LinearWeights, x: SparseVector, out: Float64Array): Float64Array {
  const T = model.themes;
  out.set(model.b);
  for (let k = 0; k < x.n; k++) {
    const base = x.idx[k]! * T;
    const v = x.val[k]!;
    for (let t = 0; t < T; t++) out[t]! += model.W[base + t]! * v;
  }
  return out;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Trains on documents X with targets Y (n × T, 0/1) and per-cell sample weights S (n × T;
 * 0 = unknown label, e.g. the other themes of a single-topic briefing).
 */
export function trainLinear(X: SparseVector[], Y: Uint8Array, S: Float64Array, dims: number, T: number, opts: LinearOptions): LinearWeights {
  return opts.optimizer === 'sgd' ? trainSgd(X, Y, S, dims, T, opts) : trainBatch(X, Y, S, dims, T, opts);
}

/**
 * Per-document AdaGrad: converges in ~10 passes where full-batch needs ~100. L2 is applied
 * to the weights a document touches (the usual sparse approximation).
 */
function trainSgd(X: SparseVector[], Y: Uint8Array, S: Float64Array, dims: number, T: number, opts: LinearOptions): LinearWeights {
  const model: LinearWeights = { dims, themes: T, W: new Float64Array(dims * T), b: new Float64Array(T) };
  const GW = new Float64Array(dims * T);
  const Gb = new Float64Array(T);
  const z = new Float64Array(T);
  const rand = mulberry32(opts.seed);
  const order = Array.from(X.keys());
  const lr = opts.learningRate;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const x = X[i]!;
      margins(model, x, z);
      for (let t = 0; t < T; t++) {
        const g = (sigmoid(z[t]!) - Y[i * T + t]!) * S[i * T + t]!;
        z[t] = g;
        Gb[t]! += g * g;
        model.b[t]! -= (lr * g) / Math.sqrt(Gb[t]! + 1e-8);
      }
      for (let k = 0; k < x.n; k++) {
        const base = x.idx[k]! * T;
        const v = x.val[k]!;
        for (let t = 0; t < T; t++) {
          const q = base + t;
          const g = z[t]! * v + opts.l2 * model.W[q]!;
          if (g === 0) continue;
          GW[q]! += g * g;
          model.W[q]! -= (lr * g) / Math.sqrt(GW[q]! + 1e-8);
        }
      }
    }
  }
  return model;
}

function trainBatch(X: SparseVector[], Y: Uint8Array, S: Float64Array, dims: number, T: number, opts: LinearOptions): LinearWeights {
  const model: LinearWeights = { dims, themes: T, W: new Float64Array(dims * T), b: new Float64Array(T) };
  const gW = new Float64Array(dims * T);
  const gb = new Float64Array(T);
  const adam = { mW: new Float64Array(dims * T), vW: new Float64Array(dims * T), mb: new Float64Array(T), vb: new Float64Array(T) };
  const z = new Float64Array(T);
  const norm = 1 / Math.max(1, X.length);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    gW.fill(0);
    gb.fill(0);
    for (let i = 0; i < X.length; i++) accumulate(model, X[i]!, Y, S, i, z, gW, gb, norm);
    for (let k = 0; k < gW.length; k++) gW[k]! += opts.l2 * model.W[k]!;
    adamStep(model.W, gW, adam.mW, adam.vW, epoch, opts.learningRate);
    adamStep(model.b, gb, adam.mb, adam.vb, epoch, opts.learningRate);
  }
  return model;
}

function accumulate(model: LinearWeights, x: SparseVector, Y: Uint8Array, S: Float64Array, i: number, z: Float64Array, gW: Float64Array, gb: Float64Array, norm: number): void {
  const T = model.themes;
  margins(model, x, z);
  for (let t = 0; t < T; t++) z[t] = (sigmoid(z[t]!) - Y[i * T + t]!) * S[i * T + t]! * norm;
  for (let t = 0; t < T; t++) gb[t]! += z[t]!;
  for (let k = 0; k < x.n; k++) {
    const base = x.idx[k]! * T;
    const v = x.val[k]!;
    for (let t = 0; t < T; t++) gW[base + t]! += z[t]! * v;
  }
}

function adamStep(w: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, step: number, lr: number): void {
  const b1 = 0.9;
  const b2 = 0.999;
  const c1 = 1 - Math.pow(b1, step);
  const c2 = 1 - Math.pow(b2, step);
  for (let k = 0; k < w.length; k++) {
    const gk = g[k]!;
    if (gk === 0 && m[k] === 0) continue;
    m[k] = b1 * m[k]! + (1 - b1) * gk;
    v[k] = b2 * v[k]! + (1 - b2) * gk * gk;
    w[k]! -= (lr * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + 1e-8);
  }
}
