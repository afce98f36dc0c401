/**
 * Evidence: the sentences that contributed most to a theme's score, on the calibrated logit
 * scale: the theme's positive word/bigram weights found in the sentence plus its lexicon hits.
 * Per-token feature values and the token → sentence map are computed once per text and shared
 * by every tagged theme.
 */
import type { Analysis } from './analyse.ts';
import type { SparseVector, TokenFeatures } from './features.ts';
import { WEIGHT_SCALE, type CompiledModel } from './model.ts';
import type { Sentence } from './sentences.ts';

export interface Evidence {
  text: string;
  start: number;
  end: number;
  weight: number;
}

export interface EvidenceContext {
  c: CompiledModel;
  text: string;
  analysis: Analysis;
  vec: SparseVector;
  tf: TokenFeatures;
  /** Per token: its sentence (-1: none) and the values of its unigram and bigram features. */
  prepared?: { sentenceOf: Int32Array; uniVal: Float64Array; biVal: Float64Array };
}

/** Scratch buffers reused across texts (tagging is synchronous: one text at a time). */
const buf = { sentenceOf: new Int32Array(256), uniVal: new Float64Array(256), biVal: new Float64Array(256), score: new Float64Array(64), dense: new Float64Array(0) };

function prepare(ctx: EvidenceContext): NonNullable<EvidenceContext['prepared']> {
  if (ctx.prepared) return ctx.prepared;
  const { tokens, sentences } = ctx.analysis;
  const n = tokens.n;
  if (buf.sentenceOf.length < n) (buf.sentenceOf = new Int32Array(n * 2)), (buf.uniVal = new Float64Array(n * 2)), (buf.biVal = new Float64Array(n * 2));
  const dims = ctx.c.dims;
  if (buf.dense.length < dims) buf.dense = new Float64Array(dims);
  const { sentenceOf, uniVal, biVal, dense } = buf;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const at = tokens.starts[i]!;
    while (s < sentences.length && sentences[s]!.end <= at) s++;
    sentenceOf[i] = s < sentences.length && sentences[s]!.start <= at ? s : -1;
  }
  const { vec, tf } = ctx;
  for (let k = 0; k < vec.n; k++) dense[vec.idx[k]!] = vec.val[k]!;
  for (let i = 0; i < n; i++) {
    uniVal[i] = tf.uni[i]! >= 0 ? dense[tf.uni[i]!]! : 0;
    biVal[i] = tf.bi[i]! >= 0 ? dense[tf.bi[i]!]! : 0;
  }
  for (let k = 0; k < vec.n; k++) dense[vec.idx[k]!] = 0;
  ctx.prepared = { sentenceOf, uniVal, biVal };
  return ctx.prepared;
}

function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The best sentences (at most the model's maxEvidence, best first) for each of several themes,
 * in one pass over the tokens: each token's weight row is read once for all of them.
 */
export function evidenceForThemes(ctx: EvidenceContext, themes: number[]): Evidence[][] {
  const { c, tf, analysis } = ctx;
  const sentences = analysis.sentences;
  const S = sentences.length;
  const K = themes.length;
  if (K === 0) return [];
  const { sentenceOf, uniVal, biVal } = prepare(ctx);
  if (buf.score.length < S * K) buf.score = new Float64Array(S * K * 2);
  const score = buf.score;
  score.fill(0, 0, S * K);
  const T = c.T;
  const W = c.W;
  for (let i = 0; i < analysis.tokens.n; i++) {
    const s = sentenceOf[i]!;
    if (s < 0) continue;
    const u = tf.uni[i]!;
    const b = tf.bi[i]!;
    if (u < 0 && b < 0) continue;
    for (let k = 0; k < K; k++) {
      const t = themes[k]!;
      const w = (u >= 0 ? Math.max(0, W[u * T + t]! * uniVal[i]!) : 0) + (b >= 0 ? Math.max(0, W[b * T + t]! * biVal[i]!) : 0);
      score[k * S + s]! += w;
    }
  }
  const out: Evidence[][] = [];
  for (let k = 0; k < K; k++) {
    const t = themes[k]!;
    const cal = c.model.calibration[t]!;
    const base = k * S;
    const scale = cal.a / WEIGHT_SCALE;
    for (let s = 0; s < S; s++) score[base + s]! *= scale;
    const lexCoef = cal.b + cal.a * (Math.max(0, W[(c.vocab.terms.length + t) * T + t]!) / WEIGHT_SCALE) * c.model.options.lexScale;
    for (const h of analysis.hits) {
      if (h.theme !== t || h.weight <= 0) continue;
      const s = sentenceAt(sentences, h.start);
      if (s >= 0) score[base + s]! += h.weight * Math.max(0.1, lexCoef);
    }
    out.push(rank(sentences, score, base, c.model.options.maxEvidence));
  }
  return out;
}

/** Best sentences first; when none contributed, the single best one, so a tag always has evidence. */
function rank(sentences: Sentence[], score: Float64Array, base: number, max: number): Evidence[] {
  // Selection of the top `max` by (score desc, index asc) without sorting every sentence.
  const top: number[] = [];
  const at = (s: number): number => score[base + s]!;
  for (let s = 0; s < sentences.length; s++) {
    if (top.length === max && !(at(s) > at(top[max - 1]!))) continue;
    let r = top.length < max ? top.length : max - 1;
    top[r] = s;
    for (; r > 0 && at(s) > at(top[r - 1]!); r--) (top[r] = top[r - 1]!), (top[r - 1] = s);
  }
  const order = top.filter((s) => at(s) > 0.05);
  if (order.length === 0 && top.length > 0) order.push(top[0]!);
  return order.map((s) => {
    const sen = sentences[s]!;
    return { text: sen.text, start: sen.start, end: sen.end, weight: Math.round(at(s) * 1000) / 1000 };
  });
}
