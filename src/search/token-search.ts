/**
 * Answering a search term from the word index (token-index.ts): exactly for
 * one ASCII word or two with a separator between them, as candidates for the
 * SQL search to check otherwise. Pure code: runs in the search worker and in Node.
 */
import { decodePostings, forEachWord, INLINE_SEPARATORS, OTHER_SEPARATOR, type TokenIndex } from './token-index.ts';
import { unzigzag, VarintReader } from './varint-lists.ts';

export interface TokenSearch {
  /** 1 where the document may match (exactly where it matches when `exact`). */
  docs: Uint8Array;
  exact: boolean;
}

const ASCII_WORD = /^[a-z0-9]+$/i;

interface Part {
  word: string;
  openLeft: boolean;
  openRight: boolean;
}

/** Ids of the words that could be this part of a match. */
function matchingWords(index: TokenIndex, part: Part): number[] {
  const test = part.openLeft && part.openRight ? (w: string) => w.includes(part.word)
    : part.openLeft ? (w: string) => w.endsWith(part.word)
      : part.openRight ? (w: string) => w.startsWith(part.word)
        : (w: string) => w === part.word;
  const ids: number[] = [];
  index.words.forEach((w, id) => test(w) && ids.push(id));
  return ids;
}

/** Documents holding any of the words. */
function docsWithWords(index: TokenIndex, ids: number[]): Uint8Array {
  const docs = new Uint8Array(index.docCount);
  for (const id of ids) decodePostings(index.postings[id]!, (d) => (docs[d] = 1));
  return docs;
}

/** The separator's id; -1 when no text has it (no match is possible), OTHER_SEPARATOR when it may be among those not kept by name. */
function separatorOf(index: TokenIndex, separator: string): number {
  const id = index.separators.indexOf(separator.toLowerCase());
  if (id >= 0) return id;
  return index.separatorsFull ? OTHER_SEPARATOR : -1;
}

/** Documents where a word of `firsts` is followed, across `separator`, by a word flagged in `seconds`. */
function docsWithPair(index: TokenIndex, firsts: number[], seconds: Uint8Array, separator: number): Uint8Array {
  const docs = new Uint8Array(index.docCount);
  if (separator < 0) return docs;
  for (const first of firsts) {
    const reader = new VarintReader(index.next[first]!);
    let doc = 0;
    while (!reader.done) {
      doc += unzigzag(reader.next());
      const key = reader.next();
      const inline = key % (INLINE_SEPARATORS + 1);
      const kept = inline === INLINE_SEPARATORS ? reader.next() : inline;
      if (kept === separator && seconds[Math.floor(key / (INLINE_SEPARATORS + 1))]) docs[doc] = 1;
    }
  }
  return docs;
}

/** True when a separator cannot differ by case (so comparing it lower-cased is comparing it as the SQL search does). */
const caseless = (s: string) => s.toLowerCase() === s.toUpperCase();

/** The documents a search term matches (exact for one ASCII word, or two with a separator between), or candidates to check. Null for a term with no word (nothing to narrow by). */
export function searchTokenIndex(index: TokenIndex, term: string): TokenSearch | null {
  const q = term.trim();
  const parts: Part[] = [];
  const gaps: string[] = [];
  let lastEnd = -1;
  forEachWord(q, (word, start, end) => {
    if (lastEnd >= 0) gaps.push(q.slice(lastEnd, start));
    parts.push({ word, openLeft: start === 0, openRight: end === q.length });
    lastEnd = end;
  });
  if (!parts.length) return null;
  const matching = parts.map((part) => matchingWords(index, part));
  if (parts.length === 1) return { docs: docsWithWords(index, matching[0]!), exact: ASCII_WORD.test(q) };
  let docs: Uint8Array | null = null;
  for (let j = 0; j + 1 < parts.length; j++) {
    const seconds = new Uint8Array(index.words.length);
    for (const id of matching[j + 1]!) seconds[id] = 1;
    const pair = docsWithPair(index, matching[j]!, seconds, separatorOf(index, gaps[j]!));
    if (docs) for (let d = 0; d < docs.length; d++) docs[d]! &= pair[d]!;
    else docs = pair;
  }
  const [first, second] = parts;
  const exact = parts.length === 2 && first!.openLeft && second!.openRight && ASCII_WORD.test(first!.word) && ASCII_WORD.test(second!.word)
    && caseless(gaps[0]!) && separatorOf(index, gaps[0]!) !== OTHER_SEPARATOR;
  return { docs: docs!, exact };
}
