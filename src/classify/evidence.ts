/**
 * Evidence: the sentences that contributed most to a theme's score, on the calibrated logit
 * scale: the theme's positive word/bigram weights found in the sentence plus its lexicon hits.
 * Per-token feature values and the token → sentence map are computed once per text and shared
 * by every tagged theme.
 */
import { lexiconKind, type Analysis } from './analyse.ts';
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

/** Each theme's best sentences: theme k's are sentence[k·max …] (count[k] of them), best first, with rounded weights. */
export interface EvidenceRanks {
  max: number;
  count: Int32Array;
  sentence: Int32Array;
  weight: Float64Array;
}

const ranks: EvidenceRanks = { max: 0, count: new Int32Array(0), sentence: new Int32Array(0), weight: new Float64Array(0) };

/**
 * The best sentences (at most the model's maxEvidence, best first) for each of several themes,
 * in one pass over the tokens: each token's weight row is read once for all of them. The
 * result is shared scratch, valid until the next call.
 */
export function rankEvidence(ctx: EvidenceContext, themes: number[]): EvidenceRanks {
  const { c, tf, analysis } = ctx;
  const sentences = analysis.sentences;
  const S = sentences.length;
  const K = themes.length;
  const max = c.model.options.maxEvidence;
  if (ranks.count.length < K || ranks.max !== max) {
    ranks.max = max;
    ranks.count = new Int32Array(Math.max(K, c.T));
    ranks.sentence = new Int32Array(ranks.count.length * Math.max(1, max));
    ranks.weight = new Float64Array(ranks.count.length * Math.max(1, max));
  }
  if (K === 0) return ranks;
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
  const hits = analysis.hits;
  const kinds = c.model.options.lexKinds ?? 1;
  for (let k = 0; k < K; k++) {
    const t = themes[k]!;
    const a = c.cal.a[t]!;
    const base = k * S;
    const scale = a / WEIGHT_SCALE;
    for (let s = 0; s < S; s++) score[base + s]! *= scale;
    // A hit weighs by the linear model's weight on its own lexicon input (one per cue kind when the model reads kinds).
    const lexCoef = (kind: number): number => c.cal.b[t]! + a * (Math.max(0, W[(c.vocab.terms.length + kind * T + t) * T + t]!) / WEIGHT_SCALE) * c.model.options.lexScale;
    const byKind = kinds > 1;
    const single = byKind ? 0 : lexCoef(0);
    for (let q = 0; q < hits.length; q++) {
      const h = hits[q]!;
      if (h.theme !== t || h.weight <= 0) continue;
      const s = sentenceAt(sentences, h.start);
      if (s >= 0) score[base + s]! += h.weight * Math.max(0.1, byKind ? lexCoef(lexiconKind(h)) : single);
    }
    rank(S, score, base, k);
  }
  return ranks;
}

/** rankEvidence as objects, one list per theme. */
export function evidenceForThemes(ctx: EvidenceContext, themes: number[]): Evidence[][] {
  const r = rankEvidence(ctx, themes);
  const sentences = ctx.analysis.sentences;
  return themes.map((_, k) => {
    const list: Evidence[] = [];
    for (let j = 0; j < r.count[k]!; j++) {
      const sen = sentences[r.sentence[k * r.max + j]!]!;
      list.push({ text: sen.text, start: sen.start, end: sen.end, weight: r.weight[k * r.max + j]! });
    }
    return list;
  });
}

/**
 * Theme k's best sentences first into ranks; when none contributed, the single best one, so a
 * tag always has evidence. Selection of the top `max` by (score desc, index asc) without
 * sorting every sentence.
 */
function rank(S: number, score: Float64Array, base: number, k: number): void {
  const { max, sentence: top, weight } = ranks;
  const o = k * max;
  let len = 0;
  if (max <= 0) {
    ranks.count[k] = 0;
    return;
  }
  for (let s = 0; s < S; s++) {
    const v = score[base + s]!;
    if (len === max && !(v > score[base + top[o + max - 1]!]!)) continue;
    let r = len < max ? len++ : max - 1;
    top[o + r] = s;
    for (; r > 0 && v > score[base + top[o + r - 1]!]!; r--) (top[o + r] = top[o + r - 1]!), (top[o + r - 1] = s);
  }
  // Keep those above 0.05 (in order), or else the best one.
  let n = 0;
  for (let q = 0; q < len; q++) {
    const s = top[o + q]!;
    if (score[base + s]! > 0.05) top[o + n++] = s;
  }
  if (n === 0 && len > 0) n = 1;
  for (let q = 0; q < n; q++) weight[o + q] = Math.round(score[base + top[o + q]!]! * 1000) / 1000;
  ranks.count[k] = n;
}
