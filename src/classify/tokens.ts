/**
 * Tokens with character offsets, stemmed with natural's Porter stemmer.
 * natural's tokenizers drop offsets, which evidence highlighting needs, so words are
 * found with one regex here and only the stemmer (and stop-word list) come from natural.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords';

export interface Tokens {
  /** Stem of each word, in text order. */
  stems: string[];
  /** Character offsets of each word in the input text. */
  starts: number[];
  ends: number[];
}

const WORD = /[a-z0-9]+(?:[-'’][a-z0-9]+)*/g;
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

// "no", "not" and friends are kept as features: they are not in natural's list anyway.
const STOP = new Set(naturalStopwords.concat(['s', 'also', 'would', 'which', 'whose', 'one', 'two']));

/** True for words that carry no topic signal (natural's English stop words). */
export function isStopword(stem: string): boolean {
  return STOP.has(stem);
}

/** Porter stem of one lower-case word, memoised (stemming dominates tokenising cost). */
export function stem(word: string): string {
  let s = STEM_CACHE.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (STEM_CACHE.size < STEM_CACHE_LIMIT) STEM_CACHE.set(word, s);
  }
  return s;
}

/**
 * Splits text into stemmed words with offsets. Hyphenated and apostrophe words are split
 * into parts ("co-sleeping" → co, sleep; "child's" → child), the same way for phrases
 * and documents, so lexicon phrases match whatever the punctuation.
 */
export function tokenize(text: string): Tokens {
  const lower = text.toLowerCase();
  const stems: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    pushParts(m[0], m.index, stems, starts, ends);
  }
  return { stems, starts, ends };
}

function pushParts(word: string, at: number, stems: string[], starts: number[], ends: number[]): void {
  let offset = 0;
  for (const part of word.split(/[-'’]/)) {
    const start = at + offset;
    offset += part.length + 1;
    // Drop the possessive "s" of "child's" so it stems like "child".
    if (part === 's' && start > at) continue;
    if (part === '') continue;
    stems.push(stem(part));
    starts.push(start);
    ends.push(start + part.length);
  }
}

/** Stems of a phrase, tokenised exactly like documents. */
export function stemPhrase(phrase: string): string[] {
  return tokenize(phrase).stems;
}
