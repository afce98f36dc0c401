/**
 * Evidence: the sentences that contributed most to a theme's score, on the calibrated logit
 * scale: the theme's positive word/bigram weights found in the sentence plus its lexicon hits.
 */
import type { Analysis } from './analyse.ts';
import type { SparseVector, TokenFeatures } from './features.ts';
import type { CompiledModel } from './model.ts';
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
  sentences?: Sentence[];
  sentenceOfToken?: Int32Array;
  /** Per token: the value of its unigram and bigram feature in the document vector. */
  uniVal?: Float64Array;
  biVal?: Float64Array;
}

function prepare(ctx: EvidenceContext): { sentences: Sentence[]; sentenceOfToken: Int32Array } {
  if (!ctx.sentences || !ctx.sentenceOfToken) {
    const sentences = ctx.analysis.sentences;
    const starts = ctx.analysis.tokens.starts;
    const map = new Int32Array(starts.length).fill(-1);
    let s = 0;
    for (let i = 0; i < starts.length; i++) {
      while (s < sentences.length && sentences[s]!.end <= starts[i]!) s++;
      if (s < sentences.length && sentences[s]!.start <= starts[i]!) map[i] = s;
    }
    ctx.sentences = sentences;
    ctx.sentenceOfToken = map;
  }
  return { sentences: ctx.sentences, sentenceOfToken: ctx.sentenceOfToken };
}

function tokenValues(vec: SparseVector, tf: TokenFeatures): [Float64Array, Float64Array] {
  const value = new Map<number, number>();
  for (let k = 0; k < vec.idx.length; k++) value.set(vec.idx[k]!, vec.val[k]!);
  const uniVal = new Float64Array(tf.uni.length);
  const biVal = new Float64Array(tf.bi.length);
  for (let i = 0; i < tf.uni.length; i++) {
    if (tf.uni[i]! >= 0) uniVal[i] = value.get(tf.uni[i]!)!;
    if (tf.bi[i]! >= 0) biVal[i] = value.get(tf.bi[i]!)!;
  }
  return [uniVal, biVal];
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
  const { c, vec, tf, analysis } = ctx;
  const { sentences, sentenceOfToken } = prepare(ctx);
  const cal = c.model.calibration[t]!;
  const T = c.T;
  if (!ctx.uniVal || !ctx.biVal) [ctx.uniVal, ctx.biVal] = tokenValues(vec, tf);
  const { uniVal, biVal } = ctx;
  const score = new Float64Array(sentences.length);
  for (let i = 0; i < tf.uni.length; i++) {
    const s = sentenceOfToken[i]!;
    if (s < 0) continue;
    const u = tf.uni[i]!;
    const b = tf.bi[i]!;
    const w = (u >= 0 ? Math.max(0, c.W[u * T + t]! * uniVal[i]!) : 0) + (b >= 0 ? Math.max(0, c.W[b * T + t]! * biVal[i]!) : 0);
    score[s]! += w * cal.a;
  }
  const lexCoef = cal.b + cal.a * Math.max(0, c.W[(c.vocab.terms.length + t) * T + t]!) * c.model.options.lexScale;
  for (const h of analysis.hits) {
    if (h.theme !== t || h.weight <= 0) continue;
    const s = sentenceAt(sentences, h.start);
    if (s >= 0) score[s]! += h.weight * Math.max(0.1, lexCoef);
  }
  return rank(sentences, score, c.model.options.maxEvidence);
}

/** Best sentences first; when none contributed, the single best one, so a tag always has evidence. */
function rank(sentences: Sentence[], score: Float64Array, max: number): Evidence[] {
  const all = Array.from(score.keys()).sort((x, y) => score[y]! - score[x]! || x - y);
  const order = all.filter((s) => score[s]! > 0.05);
  if (order.length === 0 && all.length > 0) order.push(all[0]!);
  return order.slice(0, max).map((s) => {
    const sen = sentences[s]!;
    return { text: sen.text, start: sen.start, end: sen.end, weight: Math.round(score[s]! * 1000) / 1000 };
  });
}
