/**
 * Tokens with character offsets, stemmed with natural's Porter stemmer.
 * natural's tokenizers drop offsets, which evidence highlighting needs, so words are found
 * with one regex here; the stemmer and stop-word list come from natural. Stems are interned
 * to small integers so features, phrases and negation cues compare numbers, not strings.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords';

export interface Tokens {
  /** Interned stem id of each word, in text order. */
  ids: number[];
  /** 1 for content words (not a stop word, at least 2 letters), the ones used as features. */
  content: Uint8Array;
  /** Character offsets of each word in the input text. */
  starts: number[];
  ends: number[];
}

interface WordInfo {
  id: number;
  content: boolean;
}

const WORD = /[a-z0-9]+/g;
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

/** Porter stem of one lower-case word (memoised). */
export function stem(word: string): string {
  return stemString(wordInfo(word).id);
}

/**
 * Splits text into stemmed words with offsets. Hyphenated and apostrophe words are split
 * into parts ("co-sleeping" → co, sleep; "child's" → child), the same way for phrases and
 * documents, so lexicon phrases match whatever the punctuation.
 */
export function tokenize(text: string): Tokens {
  const lower = text.toLowerCase();
  const ids: number[] = [];
  const flags: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const at = m.index;
    const word = m[0];
    // Drop the possessive "s" of "child's" so it stems like "child".
    if (word === 's' && at > 0 && (lower[at - 1] === "'" || lower[at - 1] === '’')) continue;
    const info = wordInfo(word);
    ids.push(info.id);
    flags.push(info.content ? 1 : 0);
    starts.push(at);
    ends.push(at + word.length);
  }
  return { ids, content: Uint8Array.from(flags), starts, ends };
}

/** Stem ids of a phrase, tokenised exactly like documents. */
export function stemPhrase(phrase: string): number[] {
  return tokenize(phrase).ids;
}

/** True for natural's English stop words. */
export function isStopword(word: string): boolean {
  return STOP.has(word);
}
