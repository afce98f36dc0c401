/**
 * One-vs-rest multinomial naive Bayes over the same term features as the linear model: per theme,
 * the log ratio of a term's smoothed share of the theme's documents' feature mass to its share of
 * the other documents'. Its margin is linear in the features, so it can be blended into the
 * logistic regression's weight table (train-model.ts) and tagging is unchanged.
 * Naive Bayes is a different learner (generative, no iterations, every term gets a say), so its
 * errors differ from the regression's.
 */
import type { SparseVector } from './features.ts';
import type { LinearWeights } from './linear-model.ts';

/**
 * X: documents; Y and S: targets and cell weights (n × T; weight 0 = unknown label); only
 * features below `terms` (the vocabulary, not the lexicon inputs) get weights; alpha: additive
 * smoothing per term. Biases are 0: calibration fits each theme's offset.
 */
export function trainNaiveBayes(X: SparseVector[], Y: Uint8Array, S: Float64Array, dims: number, T: number, terms: number, alpha: number): LinearWeights {
  const pos = new Float64Array(terms * T);
  const neg = new Float64Array(terms * T);
  const posTotal = new Float64Array(T);
  const negTotal = new Float64Array(T);
  X.forEach((x, i) => {
    for (let t = 0; t < T; t++) {
      const w = S[i * T + t]!;
      if (w === 0) continue;
      const into = Y[i * T + t] ? pos : neg;
      const total = Y[i * T + t] ? posTotal : negTotal;
      for (let k = 0; k < x.n; k++) {
        const f = x.idx[k]!;
        if (f >= terms) continue;
        const v = x.val[k]! * w;
        into[f * T + t]! += v;
        total[t]! += v;
      }
    }
  });
  const W = new Float64Array(dims * T);
  for (let t = 0; t < T; t++) {
    if (posTotal[t] === 0 || negTotal[t] === 0) continue;
    const p = Math.log(posTotal[t]! + alpha * terms);
    const q = Math.log(negTotal[t]! + alpha * terms);
    for (let f = 0; f < terms; f++) W[f * T + t] = Math.log(pos[f * T + t]! + alpha) - p - (Math.log(neg[f * T + t]! + alpha) - q);
  }
  return { dims, themes: T, W, b: new Float64Array(T) };
}

/** a + weight·b, into a (same shape). */
export function blendInto(a: LinearWeights, b: LinearWeights, weight: number): LinearWeights {
  for (let k = 0; k < a.W.length; k++) a.W[k]! += weight * b.W[k]!;
  for (let t = 0; t < a.themes; t++) a.b[t]! += weight * b.b[t]!;
  return a;
}

