/**
 * The recommendation kind model: multinomial logistic regression over the
 * lexical features of kind-features.ts, trained in pipelines/ and shipped as
 * JSON (public/model/recommendation-kinds.json) with its k-fold figures, so
 * the app can show how far each kind can be trusted. Training lives here too
 * (pure, deterministic) so the pipeline and the tests share one definition.
 */
import { kindFeatures } from './kind-features.ts';
import { RECOMMENDATION_KINDS, type RecommendationKind } from './kinds.ts';

export const KIND_MODEL_FORMAT = 'learning-themes-recommendation-kinds';

/** Per-kind scores from k-fold evaluation, shipped with the model. */
export interface KindReliability {
  precision: number;
  recall: number;
  f1: number;
  /** Labelled examples of the kind. */
  support: number;
}

export interface KindModel {
  format: typeof KIND_MODEL_FORMAT;
  version: number;
  kinds: RecommendationKind[];
  features: string[];
  /** Feature-major weights: weights[f * kinds.length + k]. */
  weights: number[];
  bias: number[];
  /** k-fold figures; `repeats` fold draws pooled (absent in files from before repeats: one draw). */
  evaluation: { folds: number; repeats?: number; examples: number; accuracy: number; macroF1: number; perKind: Record<RecommendationKind, KindReliability> } | null;
}

export interface KindPrediction {
  kind: RecommendationKind;
  /** The model's probability for the predicted kind. */
  confidence: number;
}

export interface TrainOptions {
  l2: number;
  epochs: number;
  learningRate: number;
  minCount: number;
}

export const DEFAULT_KIND_TRAINING: TrainOptions = { l2: 0.01, epochs: 300, learningRate: 0.5, minCount: 2 };

function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k] = z[k]! / sum;
  return z;
}

/** Kind probabilities for one text, in model.kinds order. */
export function kindProbabilities(model: KindModel, text: string, index?: Map<string, number>): Float64Array {
  const K = model.kinds.length;
  const idx = index ?? featureIndex(model);
  const z = Float64Array.from(model.bias);
  for (const f of kindFeatures(text)) {
    const i = idx.get(f);
    if (i === undefined) continue;
    for (let k = 0; k < K; k++) z[k] = z[k]! + model.weights[i * K + k]!;
  }
  return softmax(z);
}

const indexCache = new WeakMap<KindModel, Map<string, number>>();

function featureIndex(model: KindModel): Map<string, number> {
  let idx = indexCache.get(model);
  if (!idx) indexCache.set(model, (idx = new Map(model.features.map((f, i) => [f, i]))));
  return idx;
}

/** The most probable kind and its probability. */
export function predictKind(model: KindModel, text: string): KindPrediction {
  const p = kindProbabilities(model, text);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return { kind: model.kinds[best]!, confidence: p[best]! };
}

/** Checks a parsed model file; throws with what is wrong. */
export function loadKindModel(json: unknown): KindModel {
  const m = json as Partial<KindModel> | null;
  if (!m || m.format !== KIND_MODEL_FORMAT) throw new Error('Not a recommendation kind model.');
  if (!Array.isArray(m.kinds) || !Array.isArray(m.features) || !Array.isArray(m.weights) || !Array.isArray(m.bias) ||
    m.weights.length !== m.features.length * m.kinds.length || m.bias.length !== m.kinds.length) {
    throw new Error('The recommendation kind model is damaged (its weights do not match its features).');
  }
  return m as KindModel;
}

/**
 * Trains on labelled texts: full-batch gradient descent on the L2-regularised
 * cross-entropy (deterministic: same data, same weights). Features seen fewer
 * than minCount times are left out.
 */
export function trainKindModel(examples: readonly { text: string; kind: RecommendationKind }[], opts: TrainOptions = DEFAULT_KIND_TRAINING): KindModel {
  const kinds = [...RECOMMENDATION_KINDS];
  const K = kinds.length;
  const docs = examples.map((e) => kindFeatures(e.text));
  const counts = new Map<string, number>();
  for (const d of docs) for (const f of d) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts].filter(([, n]) => n >= opts.minCount).map(([f]) => f).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const X = docs.map((d) => d.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = examples.map((e) => kinds.indexOf(e.kind));
  const W = new Float64Array(features.length * K);
  const b = new Float64Array(K);
  const n = Math.max(1, examples.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const gW = new Float64Array(W.length);
    const gb = new Float64Array(K);
    for (let d = 0; d < X.length; d++) {
      const z = Float64Array.from(b);
      for (const i of X[d]!) for (let k = 0; k < K; k++) z[k] = z[k]! + W[i * K + k]!;
      const p = softmax(z);
      p[y[d]!] = p[y[d]!]! - 1;
      for (let k = 0; k < K; k++) gb[k] = gb[k]! + p[k]!;
      for (const i of X[d]!) for (let k = 0; k < K; k++) gW[i * K + k] = gW[i * K + k]! + p[k]!;
    }
    for (let j = 0; j < W.length; j++) W[j] = W[j]! - opts.learningRate * (gW[j]! / n + opts.l2 * W[j]!);
    for (let k = 0; k < K; k++) b[k] = b[k]! - opts.learningRate * (gb[k]! / n);
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { format: KIND_MODEL_FORMAT, version: 1, kinds, features, weights: [...W].map(round), bias: [...b].map(round), evaluation: null };
}
