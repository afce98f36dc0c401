/**
 * Document features: sublinear TF-IDF of stemmed unigrams and bigrams (stop words dropped),
 * L2-normalised, followed by one lexicon-strength feature per theme.
 */
import { isStopword, type Tokens } from './tokens.ts';

export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

export interface Vocabulary {
  terms: string[];
  index: Map<string, number>;
  idf: Float64Array;
}

/** Per-token feature ids, kept so evidence can credit sentences with their words' weights. */
export interface TokenFeatures {
  uni: Int32Array;
  bi: Int32Array;
}

/** The n-gram keys of a token stream: unigram stems and "a b" bigrams of adjacent content words. */
export function ngramKeys(tokens: Tokens): Array<{ key: string; pos: number; bigram: boolean }> {
  const out: Array<{ key: string; pos: number; bigram: boolean }> = [];
  let prev = -1;
  for (let i = 0; i < tokens.stems.length; i++) {
    const s = tokens.stems[i]!;
    if (isStopword(s) || s.length < 2) continue;
    out.push({ key: s, pos: i, bigram: false });
    if (prev >= 0) out.push({ key: tokens.stems[prev]! + ' ' + s, pos: prev, bigram: true });
    prev = i;
  }
  return out;
}

/** Builds a vocabulary of n-grams seen in at least minDf documents (sorted, so ids are stable). */
export function buildVocabulary(docs: Tokens[], minDf = 2, maxTerms = 40_000): Vocabulary {
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const k of new Set(ngramKeys(d).map((g) => g.key))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  let terms = [...df.entries()].filter(([, c]) => c >= minDf);
  if (terms.length > maxTerms) terms = terms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxTerms);
  const sorted = terms.map(([t]) => t).sort();
  const n = docs.length;
  const idf = new Float64Array(sorted.length);
  sorted.forEach((t, i) => (idf[i] = Math.log((1 + n) / (1 + df.get(t)!)) + 1));
  return { terms: sorted, index: new Map(sorted.map((t, i) => [t, i])), idf };
}

/** Vocabulary rebuilt from a stored model (terms + idf). */
export function vocabularyFrom(terms: string[], idf: ArrayLike<number>): Vocabulary {
  return { terms, index: new Map(terms.map((t, i) => [t, i])), idf: Float64Array.from(idf) };
}

/**
 * Vectorises one document. Lexicon strengths (one per theme, already transformed) go at
 * ids vocab.size + theme.
 */
export function vectorize(tokens: Tokens, vocab: Vocabulary, lexicon: ArrayLike<number>, lexScale: number): { vec: SparseVector; tf: TokenFeatures } {
  const counts = new Map<number, number>();
  const uni = new Int32Array(tokens.stems.length).fill(-1);
  const bi = new Int32Array(tokens.stems.length).fill(-1);
  for (const g of ngramKeys(tokens)) {
    const id = vocab.index.get(g.key);
    if (id === undefined) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (g.bigram) bi[g.pos] = id;
    else uni[g.pos] = id;
  }
  const ids = [...counts.keys()].sort((a, b) => a - b);
  let norm = 0;
  const vals = ids.map((id) => {
    const v = (1 + Math.log(counts.get(id)!)) * vocab.idf[id]!;
    norm += v * v;
    return v;
  });
  norm = Math.sqrt(norm) || 1;
  const F = vocab.terms.length;
  const lexIds: number[] = [];
  const lexVals: number[] = [];
  for (let t = 0; t < lexicon.length; t++) {
    if (lexicon[t]! > 0) {
      lexIds.push(F + t);
      lexVals.push(lexicon[t]! * lexScale);
    }
  }
  const idx = Int32Array.from([...ids, ...lexIds]);
  const val = Float64Array.from([...vals.map((v) => v / norm), ...lexVals]);
  return { vec: { idx, val }, tf: { uni, bi } };
}
