/**
 * A word index for text search at national scale: for every word, the
 * documents it occurs in. Scanning a million passages for a term takes DuckDB
 * 0.6–2 s; the index answers a one-word term in milliseconds.
 *
 * It answers with the same meaning as the SQL search (the term anywhere in the
 * text, any case): a term made only of ASCII letters and digits lies inside one
 * word of the text, so the documents are those with a word containing it, and
 * the answer is exact. Any other term (a phrase, punctuation, other scripts)
 * gets candidates: documents with, for each of its words, a word that could be
 * that part of a match (ending with the first, equal to the middle ones,
 * starting with the last). Every match is among them; the SQL search checks
 * them. Pure code: runs in the search worker and in Node.
 */

/** Letters and digits of any script form words; everything else separates them. */
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && NON_ASCII_WORD.test(String.fromCharCode(c)));

/** Calls `onWord` with each word of the text, lower-cased, with where it starts and ends. */
export function forEachWord(text: string, onWord: (word: string, start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isWordCode(text.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      onWord(text.slice(start, i).toLowerCase(), start, i);
      start = -1;
    }
  }
}

export interface TokenIndex {
  /** Documents numbered 0…docCount-1 by the caller. */
  docCount: number;
  words: string[];
  /** Per word, the documents it occurs in, ascending. */
  postings: Uint32Array[];
  /**
   * Which words follow each other in which document, as a Bloom filter over
   * (document, word, next word): a phrase's candidates shrink to documents
   * where its words may stand side by side (a few in a hundred wrongly kept,
   * none wrongly dropped), at a few bits per word of text.
   */
  pairs: Uint32Array;
}

const PAIR_HASHES = 3;
/** Bits of the pair filter per word of text expected: about 2% of absent pairs pass at this size. */
export const PAIR_BITS_PER_WORD = 6;

function pairHash(doc: number, first: number, second: number): number {
  let h = Math.imul(doc ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(first + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(second ^ 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

function pairBits(pairs: Uint32Array, doc: number, first: number, second: number, set: boolean): boolean {
  const bits = pairs.length * 32;
  const h1 = pairHash(doc, first, second);
  const h2 = (Math.imul(h1, 0x9e3779b1) >>> 0) | 1;
  for (let k = 0; k < PAIR_HASHES; k++) {
    const bit = (h1 + Math.imul(k, h2)) >>> 0;
    const at = bit % bits;
    const mask = 1 << (at & 31);
    if (set) pairs[at >>> 5]! |= mask;
    else if (!(pairs[at >>> 5]! & mask)) return false;
  }
  return true;
}

/** Collects documents one at a time (a document may be added in several parts, in order). */
export class TokenIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private lists: Uint32Array[] = [];
  private lengths: number[] = [];
  /** The last document each word was recorded for, so a word counts once per document. */
  private lastDoc: Int32Array = new Int32Array(1024).fill(-1);

  private readonly pairs: Uint32Array;

  /** `expectedWords`: about how many words all the texts hold (sizes the pair filter). */
  constructor(private readonly docCount: number, expectedWords = 1 << 16) {
    this.pairs = new Uint32Array(Math.max(1024, Math.ceil((expectedWords * PAIR_BITS_PER_WORD) / 32)));
  }

  add(doc: number, text: string | null | undefined): void {
    if (!text) return;
    let previous = -1;
    forEachWord(text, (word) => {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
        this.lists.push(new Uint32Array(4));
        this.lengths.push(0);
        if (id >= this.lastDoc.length) {
          const grown = new Int32Array(this.lastDoc.length * 2).fill(-1);
          grown.set(this.lastDoc);
          this.lastDoc = grown;
        }
      }
      if (previous >= 0) pairBits(this.pairs, doc, previous, id, true);
      previous = id;
      if (this.lastDoc[id] === doc) return;
      this.lastDoc[id] = doc;
      let list = this.lists[id]!;
      const n = this.lengths[id]!;
      if (n === list.length) {
        const grown = new Uint32Array(list.length * 2);
        grown.set(list);
        this.lists[id] = list = grown;
      }
      list[n] = doc;
      this.lengths[id] = n + 1;
    });
  }

  /** The index. Parts of a document added apart (its fields, then its passages) may repeat a word: sorted and made unique here. */
  finish(): TokenIndex {
    const postings = this.lists.map((list, id) => {
      const exact = list.slice(0, this.lengths[id]);
      for (let i = 1; i < exact.length; i++) if (exact[i]! <= exact[i - 1]!) return unique(exact.sort());
      return exact;
    });
    this.lists = [];
    return { docCount: this.docCount, words: this.words, postings, pairs: this.pairs };
  }
}

function unique(sorted: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

export interface TokenSearch {
  /** 1 where the document may match (exactly where it matches when `exact`). */
  docs: Uint8Array;
  exact: boolean;
}

const ASCII_WORD = /^[a-z0-9]+$/i;
/** Word pairs tried per document; a part matching more words than this (a one-letter fragment) is left to the text check. */
const MAX_PAIRS = 256;

/** Drops documents where no word of `firsts` is followed by a word of `seconds`. */
function keepSideBySide(index: TokenIndex, docs: Uint8Array, firsts: number[], seconds: number[]): void {
  if (firsts.length * seconds.length > MAX_PAIRS) return;
  for (let d = 0; d < docs.length; d++) {
    if (!docs[d]) continue;
    let seen = false;
    for (const a of firsts) {
      for (const b of seconds) if (pairBits(index.pairs, d, a, b, false)) { seen = true; break; }
      if (seen) break;
    }
    if (!seen) docs[d] = 0;
  }
}

/** The documents a search term matches (exact for one ASCII word), or candidates to check. Null for a term with no word (nothing to narrow by). */
export function searchTokenIndex(index: TokenIndex, term: string): TokenSearch | null {
  const q = term.trim();
  const parts: { word: string; openLeft: boolean; openRight: boolean }[] = [];
  forEachWord(q, (word, start, end) => parts.push({ word, openLeft: start === 0, openRight: end === q.length }));
  if (!parts.length) return null;
  const exact = parts.length === 1 && ASCII_WORD.test(q);
  let docs: Uint8Array | null = null;
  const matching: number[][] = [];
  for (const part of parts) {
    const test = part.openLeft && part.openRight ? (w: string) => w.includes(part.word)
      : part.openLeft ? (w: string) => w.endsWith(part.word)
        : part.openRight ? (w: string) => w.startsWith(part.word)
          : (w: string) => w === part.word;
    const found = new Uint8Array(index.docCount);
    const ids: number[] = [];
    index.words.forEach((w, id) => {
      if (!test(w)) return;
      ids.push(id);
      for (const d of index.postings[id]!) found[d] = 1;
    });
    matching.push(ids);
    if (docs) for (let d = 0; d < docs.length; d++) docs[d]! &= found[d]!;
    else docs = found;
  }
  for (let j = 0; j + 1 < matching.length; j++) keepSideBySide(index, docs!, matching[j]!, matching[j + 1]!);
  return { docs: docs!, exact };
}
