/**
 * Document features: sublinear TF-IDF of stemmed unigrams and bigrams of adjacent content
 * words (stop words dropped), L2-normalised, then one lexicon-strength feature per theme.
 * N-grams are numeric keys of interned stem ids; the model stores them as strings.
 */
import { pairGet, pairTable, type PairTable } from './pair-table.ts';
import { stemId, stemString, type Tokens } from './tokens.ts';

export interface SparseVector {
  /** Number of non-zeros (idx and val may be longer: shared scratch when tagging). */
  n: number;
  idx: Int32Array;
  val: Float64Array;
}

export interface Vocabulary {
  terms: string[];
  index: Map<number, number>;
  idf: Float64Array;
  /** Unigram feature id by stem id (-1: not in the vocabulary); stems interned later are absent. */
  uni: Int32Array;
  /** Bigram feature ids in an open-addressing table keyed by the pair of stem ids. */
  bigrams: PairTable;
  /** Scratch counts per feature (all zero between calls). */
  counts: Int32Array;
  /** Scratch for vectorize's shared mode (grown on demand). */
  scratch: { uni: Int32Array; bi: Int32Array; idx: Int32Array; val: Float64Array };
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
  for (let i = 0; i < tokens.n; i++) {
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
  const index = new Map(terms.map((t, i) => [keyOf(t), i]));
  let maxStem = 0;
  const pairs: Array<[number, number, number]> = [];
  for (const [key, id] of index) {
    if (key < SHIFT) maxStem = Math.max(maxStem, key);
    else pairs.push([Math.floor(key / SHIFT) - 1, key % SHIFT, id]);
  }
  const uni = new Int32Array(maxStem + 1).fill(-1);
  for (const [key, id] of index) if (key < SHIFT) uni[key] = id;
  const scratch = { uni: new Int32Array(256), bi: new Int32Array(256), idx: new Int32Array(256), val: new Float64Array(256) };
  return { terms, index, idf: Float64Array.from(idf), uni, bigrams: pairTable(pairs), counts: new Int32Array(terms.length), scratch };
}

function sharedBuffers(vocab: Vocabulary, tokens: number, nonzeros: number): Vocabulary['scratch'] {
  const s = vocab.scratch;
  if (s.uni.length < tokens) (s.uni = new Int32Array(tokens * 2)), (s.bi = new Int32Array(tokens * 2));
  if (s.idx.length < nonzeros) (s.idx = new Int32Array(nonzeros * 2)), (s.val = new Float64Array(nonzeros * 2));
  return s;
}

/**
 * Vectorises one document; lexicon strengths (one per theme) go at ids vocab size + theme.
 * shared: the result lives in the vocabulary's scratch buffers until the next shared call.
 */
export function vectorize(tokens: Tokens, vocab: Vocabulary, lexicon: ArrayLike<number>, lexScale: number, shared = false): { vec: SparseVector; tf: TokenFeatures } {
  const n = tokens.n;
  const buf = shared ? sharedBuffers(vocab, n, n * 2 + lexicon.length) : null;
  const uni = buf ? buf.uni : new Int32Array(n);
  const bi = buf ? buf.bi : new Int32Array(n);
  uni.fill(-1, 0, n);
  bi.fill(-1, 0, n);
  const { counts, uni: uniIndex } = vocab;
  // Feature ids in first-seen order: straight into the shared output, or a temporary when owned.
  const touched = buf ? buf.idx : new Int32Array(n * 2);
  let size = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (!tokens.content[i]) continue;
    const s = tokens.ids[i]!;
    const u = s < uniIndex.length ? uniIndex[s]! : -1;
    if (u >= 0) {
      if (counts[u]!++ === 0) touched[size++] = u;
      uni[i] = u;
    }
    if (prev >= 0) {
      const b = pairGet(vocab.bigrams, tokens.ids[prev]!, s);
      if (b >= 0) {
        if (counts[b]!++ === 0) touched[size++] = b;
        bi[prev] = b;
      }
    }
    prev = i;
  }
  let lexCount = 0;
  for (let t = 0; t < lexicon.length; t++) if (lexicon[t]! > 0) lexCount++;
  const idx = buf ? buf.idx : new Int32Array(size + lexCount);
  const val = buf ? buf.val : new Float64Array(size + lexCount);
  // Owned vectors (training) keep feature ids ascending; tagging keeps first-seen order, which
  // is just as deterministic and saves a sort per passage.
  if (!buf) {
    idx.set(touched.subarray(0, size));
    idx.subarray(0, size).sort();
  }
  let norm = 0;
  for (let q = 0; q < size; q++) {
    const id = idx[q]!;
    const v = (1 + Math.log(counts[id]!)) * vocab.idf[id]!;
    counts[id] = 0;
    val[q] = v;
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  for (let q = 0; q < size; q++) val[q]! *= inv;
  const F = vocab.terms.length;
  let k = size;
  for (let t = 0; t < lexicon.length; t++) {
    if (lexicon[t]! <= 0) continue;
    idx[k] = F + t;
    val[k++] = lexicon[t]! * lexScale;
  }
  return { vec: { n: size + lexCount, idx, val }, tf: { uni, bi } };
}
