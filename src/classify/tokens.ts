/**
 * Tokens with character offsets, stemmed with natural's Porter stemmer.
 * natural's tokenizers drop offsets, which evidence highlighting needs, so words are found
 * with one regex here; the stemmer and stop-word list come from natural. Stems are interned
 * to small integers so features, phrases and negation cues compare numbers, not strings.
 * (Longer than most modules: the scanner and the word cache it probes share their tables.)
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords';

export interface Tokens {
  /** Number of words (the arrays may be longer: shared scratch buffers when tagging). */
  n: number;
  /** Interned stem id of each word, in text order. */
  ids: Int32Array;
  /** Word id of each word (-1 when the word cache is full), for per-word caches. */
  words: Int32Array;
  /** 1 for content words (not a stop word, at least 2 letters), the ones used as features. */
  content: Uint8Array;
  /** Character offsets of each word in the input text. */
  starts: Int32Array;
  ends: Int32Array;
}

interface WordInfo {
  id: number;
  content: boolean;
}

const WORDS = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 500_000;
const STEM_IDS = new Map<string, number>();
const STEMS: string[] = [];

const STOP = new Set(naturalStopwords.concat(['s', 'also', 'would', 'which', 'whose', 'one', 'two']));

/** The interned id of a stem (ids are per process, never stored: models keep strings). */
export function stemId(stem: string): number {
  let id = STEM_IDS.get(stem);
  if (id === undefined) {
    id = STEMS.length;
    STEMS.push(stem);
    STEM_IDS.set(stem, id);
  }
  return id;
}

/** The stem string of an id. */
export function stemString(id: number): string {
  return STEMS[id]!;
}

function wordInfo(word: string): WordInfo {
  let w = WORDS.get(word);
  if (w === undefined) {
    w = { id: stemId(PorterStemmer.stem(word)), content: word.length >= 2 && !STOP.has(word) };
    if (WORDS.size < WORD_CACHE_LIMIT) WORDS.set(word, w);
  }
  return w;
}

/**
 * The tokenizer's word cache: open addressing on a hash of the word's folded characters
 * computed while scanning. Each cached word's folded characters sit in one byte pool and are
 * compared with the characters just scanned, so a known word costs no string slice, no Map
 * lookup and no second read of the text.
 */
const table = { hash: new Int32Array(0), len: new Int32Array(0), id: new Int32Array(0), word: new Int32Array(0), content: new Uint8Array(0), at: new Int32Array(0), mask: -1, count: 0 };
/** Folded characters of the cached words (ASCII letters and digits only, so bytes). */
let pool = new Uint8Array(1 << 16);
let poolUsed = 0;
/** Cached words by word id (the table's insertion order). */
const WORD_STRINGS: string[] = [];
resizeTable(1 << 14);

function resizeTable(size: number): void {
  const old = { ...table };
  table.hash = new Int32Array(size);
  table.len = new Int32Array(size);
  table.id = new Int32Array(size);
  table.word = new Int32Array(size);
  table.content = new Uint8Array(size);
  table.at = new Int32Array(size);
  table.mask = size - 1;
  table.count = 0;
  for (let k = 0; k < old.len.length; k++) if (old.len[k] !== 0) insert(old.hash[k]!, old.len[k]!, old.at[k]!, old.id[k]!, old.content[k]!, old.word[k]!);
}

function insert(h: number, len: number, at: number, id: number, content: number, wordId: number): void {
  let slot = h & table.mask;
  while (table.len[slot] !== 0) slot = (slot + 1) & table.mask;
  table.hash[slot] = h;
  table.len[slot] = len;
  table.at[slot] = at;
  table.id[slot] = id;
  table.word[slot] = wordId;
  table.content[slot] = content;
  table.count++;
}

/** The word of a word id (see Tokens.words). */
export function wordString(id: number): string {
  return WORD_STRINGS[id]!;
}

/**
 * A word not in the cache: stems it and caches it (while the cache has room). Returns its
 * table slot, or -1 with the stem id and content flag in `uncached` when the cache is full.
 */
function addWord(text: string, at: number, end: number, h: number, folded: Uint8Array): number {
  const word = text.slice(at, end).toLowerCase();
  const info = wordInfo(word);
  if (table.count >= WORD_CACHE_LIMIT) {
    uncached.id = info.id;
    uncached.content = info.content ? 1 : 0;
    return -1;
  }
  if (table.count * 2 >= table.len.length) resizeTable(table.len.length * 2);
  const len = end - at;
  if (poolUsed + len > pool.length) {
    const grown = new Uint8Array(Math.max(pool.length * 2, poolUsed + len));
    grown.set(pool);
    pool = grown;
  }
  pool.set(folded.subarray(0, len), poolUsed);
  insert(h, len, poolUsed, info.id, info.content ? 1 : 0, WORD_STRINGS.length);
  poolUsed += len;
  WORD_STRINGS.push(word);
  return probe(h, folded, len);
}

const uncached = { id: 0, content: 0 };

/** The slot of the cached word with hash h and folded characters folded[0, len), or -1. */
function probe(h: number, folded: Uint8Array, len: number): number {
  const { hash, len: lens, at, mask } = table;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const l = lens[slot]!;
    if (l === 0) return -1;
    // Hash and length live in typed arrays, so a probe touches characters only when both match.
    if (hash[slot] !== h || l !== len) continue;
    const from = at[slot]!;
    let k = 0;
    while (k < len && pool[from + k] === folded[k]) k++;
    if (k === len) return slot;
  }
}

/** Porter stem of one lower-case word (memoised). */
export function stem(word: string): string {
  return stemString(wordInfo(word).id);
}

// Scratch buffers reused across calls; tokenize copies out exactly-sized arrays.
let bufIds = new Int32Array(256);
let bufStarts = new Int32Array(256);
let bufEnds = new Int32Array(256);
let bufFlags = new Uint8Array(256);
let bufWords = new Int32Array(256);
/** The folded characters of the word being scanned. */
let wordBuf = new Uint8Array(64);

function grow(): void {
  const n = bufIds.length * 2;
  const copy = <A extends Int32Array | Uint8Array>(a: A, b: A): A => (b.set(a), b);
  bufIds = copy(bufIds, new Int32Array(n));
  bufStarts = copy(bufStarts, new Int32Array(n));
  bufEnds = copy(bufEnds, new Int32Array(n));
  bufFlags = copy(bufFlags, new Uint8Array(n));
  bufWords = copy(bufWords, new Int32Array(n));
}

/** The lower-case code of each ASCII letter or digit (the word characters); 0 for other ASCII. */
const FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) FOLD[c] = c;
for (let c = 97; c <= 122; c++) FOLD[c] = c;
for (let c = 65; c <= 90; c++) FOLD[c] = c + 32;

/**
 * Splits text into stemmed words with offsets. Hyphenated and apostrophe words are split
 * into parts ("co-sleeping" → co, sleep; "child's" → child), the same way for phrases and
 * documents, so lexicon phrases match whatever the punctuation. One scan by character code;
 * each distinct word is stemmed once per process (WORDS caches word → stem id).
 */
export function tokenize(text: string): Tokens {
  const t = tokenizeShared(text);
  return { n: t.n, ids: t.ids.slice(0, t.n), words: t.words.slice(0, t.n), content: t.content.slice(0, t.n), starts: t.starts.slice(0, t.n), ends: t.ends.slice(0, t.n) };
}

/**
 * tokenize into shared scratch buffers, valid until the next call: tagging allocates no typed
 * arrays per passage (each allocation costs about as much as tokenising twenty words).
 */
export function tokenizeShared(text: string): Tokens {
  // ASCII case is folded per character (no lower-cased copy of the text, and offsets always
  // match the input; non-ASCII characters separate words).
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    const c0 = text.charCodeAt(i);
    if (c0 >= 128 || FOLD[c0] === 0) {
      i++;
      continue;
    }
    const at = i;
    let h = 0x811c9dc5;
    let wl = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      const f = c < 128 ? FOLD[c]! : 0;
      if (f === 0) break;
      if (wl === wordBuf.length) {
        const grown = new Uint8Array(wl * 2);
        grown.set(wordBuf);
        wordBuf = grown;
      }
      wordBuf[wl++] = f;
      h = Math.imul(h ^ f, 0x01000193);
      if (++i === len) break;
    }
    // Drop the possessive "s" of "child's" so it stems like "child".
    if (wl === 1 && wordBuf[0] === 115 && at > 0) {
      const p = text.charCodeAt(at - 1);
      if (p === 39 || p === 0x2019) continue;
    }
    let slot = probe(h, wordBuf, wl);
    if (slot < 0) slot = addWord(text, at, i, h, wordBuf);
    if (n === bufIds.length) grow();
    if (slot >= 0) {
      bufIds[n] = table.id[slot]!;
      bufFlags[n] = table.content[slot]!;
      bufWords[n] = table.word[slot]!;
    } else {
      bufIds[n] = uncached.id;
      bufFlags[n] = uncached.content;
      bufWords[n] = -1;
    }
    bufStarts[n] = at;
    bufEnds[n] = i;
    n++;
  }
  return { n, ids: bufIds, words: bufWords, content: bufFlags, starts: bufStarts, ends: bufEnds };
}

/** Stem ids of a phrase, tokenised exactly like documents. */
export function stemPhrase(phrase: string): number[] {
  return Array.from(tokenize(phrase).ids);
}

/** True for natural's English stop words. */
export function isStopword(word: string): boolean {
  return STOP.has(word);
}
