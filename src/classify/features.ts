/**
 * Document features: sublinear TF-IDF of stemmed unigrams and bigrams of adjacent content
 * words (stop words dropped), L2-normalised, then one lexicon-strength feature per theme.
 * N-grams are numeric keys of interned stem ids; the model stores them as strings.
 */
import { stemId, stemString, type Tokens } from './tokens.ts';

export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

export interface Vocabulary {
  terms: string[];
  index: Map<number, number>;
  idf: Float64Array;
}

/** Per-token feature ids (unigram at the word, bigram at its first word; -1 = none), for evidence. */
export interface TokenFeatures {
  uni: Int32Array;
  bi: Int32Array;
}

const SHIFT = 2 ** 21;
const bigramKey = (a: number, b: number): number => (a + 1) * SHIFT + b;

function keyString(key: number): string {
  return key < SHIFT ? stemString(key) : `${stemString(Math.floor(key / SHIFT) - 1)} ${stemString(key % SHIFT)}`;
}

function keyOf(term: string): number {
  const sp = term.indexOf(' ');
  return sp < 0 ? stemId(term) : bigramKey(stemId(term.slice(0, sp)), stemId(term.slice(sp + 1)));
}

/** Calls f(key, position, isBigram) for each unigram and bigram of content words. */
function forEachNgram(tokens: Tokens, f: (key: number, pos: number, bigram: boolean) => void): void {
  let prev = -1;
  for (let i = 0; i < tokens.ids.length; i++) {
    if (!tokens.content[i]) continue;
    const id = tokens.ids[i]!;
    f(id, i, false);
    if (prev >= 0) f(bigramKey(tokens.ids[prev]!, id), prev, true);
    prev = i;
  }
}

/** Builds a vocabulary of n-grams seen in at least minDf documents (sorted strings, so ids are stable). */
export function buildVocabulary(docs: Tokens[], minDf = 2, maxTerms = 40_000): Vocabulary {
  const df = new Map<number, number>();
  for (const d of docs) {
    const seen = new Set<number>();
    forEachNgram(d, (k) => seen.add(k));
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  let kept = [...df.entries()].filter(([, c]) => c >= minDf).map(([k, c]) => ({ term: keyString(k), c }));
  if (kept.length > maxTerms) kept = kept.sort((a, b) => b.c - a.c || (a.term < b.term ? -1 : 1)).slice(0, maxTerms);
  kept.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const n = docs.length;
  const idf = Float64Array.from(kept, (x) => Math.log((1 + n) / (1 + x.c)) + 1);
  return vocabularyFrom(kept.map((x) => x.term), idf);
}

/** Vocabulary from stored terms and idf. */
export function vocabularyFrom(terms: string[], idf: ArrayLike<number>): Vocabulary {
  return { terms, index: new Map(terms.map((t, i) => [keyOf(t), i])), idf: Float64Array.from(idf) };
}

/** Vectorises one document; lexicon strengths (one per theme) go at ids vocab size + theme. */
export function vectorize(tokens: Tokens, vocab: Vocabulary, lexicon: ArrayLike<number>, lexScale: number): { vec: SparseVector; tf: TokenFeatures } {
  const n = tokens.ids.length;
  const uni = new Int32Array(n).fill(-1);
  const bi = new Int32Array(n).fill(-1);
  const counts = new Map<number, number>();
  forEachNgram(tokens, (key, pos, bigram) => {
    const id = vocab.index.get(key);
    if (id === undefined) return;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    (bigram ? bi : uni)[pos] = id;
  });
  let lexCount = 0;
  for (let t = 0; t < lexicon.length; t++) if (lexicon[t]! > 0) lexCount++;
  const size = counts.size;
  const idx = new Int32Array(size + lexCount);
  const val = new Float64Array(size + lexCount);
  let k = 0;
  for (const id of counts.keys()) idx[k++] = id;
  idx.subarray(0, size).sort();
  let norm = 0;
  for (let q = 0; q < size; q++) {
    const v = (1 + Math.log(counts.get(idx[q]!)!)) * vocab.idf[idx[q]!]!;
    val[q] = v;
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  for (let q = 0; q < size; q++) val[q]! *= inv;
  const F = vocab.terms.length;
  for (let t = 0; t < lexicon.length; t++) {
    if (lexicon[t]! <= 0) continue;
    idx[k] = F + t;
    val[k++] = lexicon[t]! * lexScale;
  }
  return { vec: { idx, val }, tf: { uni, bi } };
}
