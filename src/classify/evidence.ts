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
  prepared?: { sentenceOf: Int32Array; uniVal: Float64Array; biVal: Float64Array; score: Float64Array };
}

/** Scratch buffers reused across texts (tagging is synchronous: one text at a time). */
const buf = { sentenceOf: new Int32Array(256), uniVal: new Float64Array(256), biVal: new Float64Array(256), score: new Float64Array(64), dense: new Float64Array(0) };

function prepare(ctx: EvidenceContext): NonNullable<EvidenceContext['prepared']> {
  if (ctx.prepared) return ctx.prepared;
  const { tokens, sentences } = ctx.analysis;
  const n = tokens.n;
  if (buf.sentenceOf.length < n) (buf.sentenceOf = new Int32Array(n * 2)), (buf.uniVal = new Float64Array(n * 2)), (buf.biVal = new Float64Array(n * 2));
  if (buf.score.length < sentences.length) buf.score = new Float64Array(sentences.length * 2);
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
  ctx.prepared = { sentenceOf, uniVal, biVal, score: buf.score };
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

/** The best sentences for theme t, best first (at most the model's maxEvidence). */
export function evidenceFor(ctx: EvidenceContext, t: number): Evidence[] {
  const { c, tf, analysis } = ctx;
  const sentences = analysis.sentences;
  const { sentenceOf, uniVal, biVal, score } = prepare(ctx);
  const cal = c.model.calibration[t]!;
  const T = c.T;
  const W = c.W;
  score.fill(0, 0, sentences.length);
  for (let i = 0; i < analysis.tokens.n; i++) {
    const s = sentenceOf[i]!;
    if (s < 0) continue;
    const u = tf.uni[i]!;
    const b = tf.bi[i]!;
    const w = (u >= 0 ? Math.max(0, W[u * T + t]! * uniVal[i]!) : 0) + (b >= 0 ? Math.max(0, W[b * T + t]! * biVal[i]!) : 0);
    score[s]! += (w / WEIGHT_SCALE) * cal.a;
  }
  const lexCoef = cal.b + cal.a * (Math.max(0, W[(c.vocab.terms.length + t) * T + t]!) / WEIGHT_SCALE) * c.model.options.lexScale;
  for (const h of analysis.hits) {
    if (h.theme !== t || h.weight <= 0) continue;
    const s = sentenceAt(sentences, h.start);
    if (s >= 0) score[s]! += h.weight * Math.max(0.1, lexCoef);
  }
  return rank(sentences, score, c.model.options.maxEvidence);
}

/** Best sentences first; when none contributed, the single best one, so a tag always has evidence. */
function rank(sentences: Sentence[], score: Float64Array, max: number): Evidence[] {
  // Selection of the top `max` by (score desc, index asc) without sorting every sentence.
  const top: number[] = [];
  for (let s = 0; s < sentences.length; s++) {
    if (top.length === max && !(score[s]! > score[top[max - 1]!]!)) continue;
    let r = top.length < max ? top.length : max - 1;
    top[r] = s;
    for (; r > 0 && score[s]! > score[top[r - 1]!]!; r--) (top[r] = top[r - 1]!), (top[r - 1] = s);
  }
  const order = top.filter((s) => score[s]! > 0.05);
  if (order.length === 0 && top.length > 0) order.push(top[0]!);
  return order.map((s) => {
    const sen = sentences[s]!;
    return { text: sen.text, start: sen.start, end: sen.end, weight: Math.round(score[s]! * 1000) / 1000 };
  });
}
