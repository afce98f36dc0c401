/**
 * Evidence: the sentences that contributed most to a theme's score, on the calibrated logit
 * scale: the theme's positive word/bigram weights found in the sentence plus its lexicon hits.
 */
import type { Analysis } from './analyse.ts';
import type { SparseVector, TokenFeatures } from './features.ts';
import type { CompiledModel } from './model.ts';
import { splitSentences, type Sentence } from './sentences.ts';

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
}

function prepare(ctx: EvidenceContext): { sentences: Sentence[]; sentenceOfToken: Int32Array } {
  if (!ctx.sentences || !ctx.sentenceOfToken) {
    const sentences = splitSentences(ctx.text);
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
  const value = new Map<number, number>();
  for (let k = 0; k < vec.idx.length; k++) value.set(vec.idx[k]!, vec.val[k]!);
  const score = new Float64Array(sentences.length);
  const credit = (pos: number, id: number): void => {
    const s = sentenceOfToken[pos]!;
    const w = id >= 0 && s >= 0 ? c.W[id * T + t]! * (value.get(id) ?? 0) * cal.a : 0;
    if (w > 0) score[s]! += w;
  };
  for (let i = 0; i < tf.uni.length; i++) {
    credit(i, tf.uni[i]!);
    credit(i, tf.bi[i]!);
  }
  const lexCoef = cal.b + cal.a * Math.max(0, c.W[(c.vocab.terms.length + t) * T + t]!) * c.model.options.lexScale;
  for (const h of analysis.hits) {
    if (h.theme !== t || h.weight <= 0) continue;
    const s = sentenceAt(sentences, h.start);
    if (s >= 0) score[s]! += h.weight * Math.max(0.1, lexCoef);
  }
  return rank(sentences, score, c.model.options.maxEvidence);
}

function rank(sentences: Sentence[], score: Float64Array, max: number): Evidence[] {
  const order = Array.from(score.keys()).filter((s) => score[s]! > 0.05);
  order.sort((x, y) => score[y]! - score[x]! || x - y);
  return order.slice(0, max).map((s) => {
    const sen = sentences[s]!;
    return { text: sen.text, start: sen.start, end: sen.end, weight: Math.round(score[s]! * 1000) / 1000 };
  });
}
