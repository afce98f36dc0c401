/**
 * Tokens with character offsets, stemmed with natural's Porter stemmer.
 * natural's tokenizers drop offsets, which evidence highlighting needs, so words are found
 * with one regex here; the stemmer and stop-word list come from natural. Stems are interned
 * to small integers so features, phrases and negation cues compare numbers, not strings.
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
 * The tokenizer's word cache: open addressing on a hash of the word's characters computed
 * while scanning, compared in place, so a known word costs no string slice or Map lookup.
 */
const table = { words: [] as Array<string | undefined>, len: new Int32Array(0), hash: new Int32Array(0), id: new Int32Array(0), word: new Int32Array(0), content: new Uint8Array(0), mask: -1, count: 0 };
/** Cached words by word id (the table's insertion order). */
const WORD_STRINGS: string[] = [];
resizeTable(1 << 14);

function resizeTable(size: number): void {
  const old = { ...table };
  table.words = new Array<string | undefined>(size).fill(undefined);
  table.hash = new Int32Array(size);
  table.len = new Int32Array(size);
  table.id = new Int32Array(size);
  table.word = new Int32Array(size);
  table.content = new Uint8Array(size);
  table.mask = size - 1;
  table.count = 0;
  old.words.forEach((w, k) => w !== undefined && insert(w, old.hash[k]!, old.id[k]!, old.content[k]!, old.word[k]!));
}

function insert(word: string, h: number, id: number, content: number, wordId: number): void {
  let slot = h & table.mask;
  while (table.len[slot] !== 0) slot = (slot + 1) & table.mask;
  table.words[slot] = word;
  table.len[slot] = word.length;
  table.hash[slot] = h;
  table.id[slot] = id;
  table.word[slot] = wordId;
  table.content[slot] = content;
  table.count++;
}

/** The word of a word id (see Tokens.words). */
export function wordString(id: number): string {
  return WORD_STRINGS[id]!;
}

// lookupWord's other results (avoids allocating a tuple per word).
let lastContent = 0;
let lastWord = -1;

/** Stem id of the word text[at, end) (ASCII case folded) whose character hash is h; sets lastContent and lastWord. */
function lookupWord(text: string, at: number, end: number, h: number): number {
  const len = end - at;
  // Hash and length live in typed arrays, so a probe touches a string only when both match.
  for (let slot = h & table.mask; ; slot = (slot + 1) & table.mask) {
    const l = table.len[slot]!;
    if (l === 0) break;
    if (table.hash[slot] !== h || l !== len) continue;
    const w = table.words[slot]!;
    let k = 0;
    while (k < len && w.charCodeAt(k) === foldedWordChar(text.charCodeAt(at + k))) k++;
    if (k === len) {
      lastContent = table.content[slot]!;
      lastWord = table.word[slot]!;
      return table.id[slot]!;
    }
  }
  const word = text.slice(at, end).toLowerCase();
  const info = wordInfo(word);
  lastContent = info.content ? 1 : 0;
  lastWord = -1;
  if (table.count < WORD_CACHE_LIMIT) {
    if (table.count * 2 >= table.words.length) resizeTable(table.words.length * 2);
    lastWord = WORD_STRINGS.length;
    WORD_STRINGS.push(word);
    insert(word, h, info.id, lastContent, lastWord);
  }
  return info.id;
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

function grow(): void {
  const n = bufIds.length * 2;
  const copy = <A extends Int32Array | Uint8Array>(a: A, b: A): A => (b.set(a), b);
  bufIds = copy(bufIds, new Int32Array(n));
  bufStarts = copy(bufStarts, new Int32Array(n));
  bufEnds = copy(bufEnds, new Int32Array(n));
  bufFlags = copy(bufFlags, new Uint8Array(n));
  bufWords = copy(bufWords, new Int32Array(n));
}

/** The lower-case code of an ASCII letter or digit (the word characters), else 0 (also for NaN past the end). */
function foldedWordChar(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  return c >= 48 && c <= 57 ? c : 0;
}

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
  // match the input; non-ASCII characters separate words, as before).
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    if (foldedWordChar(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const at = i;
    let h = 0x811c9dc5;
    for (let c = foldedWordChar(text.charCodeAt(i)); c !== 0; c = foldedWordChar(text.charCodeAt(++i))) h = Math.imul(h ^ c, 0x01000193);
    // Drop the possessive "s" of "child's" so it stems like "child".
    if (i - at === 1 && (text.charCodeAt(at) | 0x20) === 115 && at > 0) {
      const p = text.charCodeAt(at - 1);
      if (p === 39 || p === 0x2019) continue;
    }
    const id = lookupWord(text, at, i, h);
    if (n === bufIds.length) grow();
    bufIds[n] = id;
    bufFlags[n] = lastContent;
    bufWords[n] = lastWord;
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
