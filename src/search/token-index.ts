/**
 * A word index for text search at national scale: for every word, the
 * documents it occurs in. Scanning a million passages for a term takes DuckDB
 * 0.6–2 s; the index answers a one-word term in milliseconds.
 *
 * It answers with the same meaning as the SQL search (the term anywhere in the
 * text, any case): a term made only of ASCII letters and digits lies inside one
 * word of the text, so the documents are those with a word containing it, and
 * the answer is exact. A term of two such words with what separates them
 * ("stair gates", "child's", "e-safety") lies across two neighbouring words:
 * one ending with its first word, then exactly its separator, then one
 * starting with its second; the index keeps, per word, which word follows it
 * in which document and with what between them, so that answer is exact too.
 * Any other term (three words or more, punctuation at an end, other scripts)
 * gets candidates: documents where each neighbouring pair of its words could
 * stand so. Every match is among them; the SQL search checks them. Pure code:
 * runs in the search worker and in Node.
 */
import { unzigzag, VarintListsBuilder, VarintReader, zigzag } from './varint-lists.ts';

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
  /** Per word, the documents it occurs in: zigzag gaps from the previous one (ascending after `finish`), as varints. */
  postings: Uint8Array[];
  /**
   * Per word, what follows it: (document gap, next word and separator) as
   * varints, once per document. The separator is the run of non-word
   * characters between the two, lower-cased, by its id in `separators`.
   */
  next: Uint8Array[];
  separators: string[];
  /** Separators met beyond the first MAX_SEPARATORS (or longer than MAX_SEPARATOR_LENGTH) were all kept as OTHER_SEPARATOR. */
  separatorsFull: boolean;
}

/** Distinct separators kept by name; real text has a few dozen (spaces, ". ", ", ", dashes, quotes, line breaks). */
const MAX_SEPARATORS = 4096;
const MAX_SEPARATOR_LENGTH = 16;
/** The id every other separator shares once the table is full. */
export const OTHER_SEPARATOR = MAX_SEPARATORS;
/**
 * The next word and separator as one number: the first three separators met
 * (in practice " ", ". ", ", ") ride in two bits beside the word; the rest
 * say 3 there and follow as a number of their own.
 */
export const INLINE_SEPARATORS = 3;

/** Whole-document word pairs already recorded: open addressing over (first word, next key), emptied per document by a generation number. */
class PairsSeen {
  private firsts = new Int32Array(4096);
  private keys = new Float64Array(4096);
  private stamps = new Int32Array(4096);
  private generation = 1;
  private count = 0;

  nextDocument(): void {
    this.generation++;
    this.count = 0;
  }

  /** True the first time (first, key) is seen in this document. */
  add(first: number, key: number): boolean {
    let mask = this.stamps.length - 1;
    let at = (Math.imul(first, 0x9e3779b1) ^ Math.imul(key | 0, 0x85ebca6b) ^ Math.floor(key / 0x100000000)) & mask;
    while (this.stamps[at] === this.generation) {
      if (this.firsts[at] === first && this.keys[at] === key) return false;
      at = (at + 1) & mask;
    }
    this.stamps[at] = this.generation;
    this.firsts[at] = first;
    this.keys[at] = key;
    if (++this.count * 2 > this.stamps.length) this.grow();
    return true;
  }

  private grow(): void {
    const { firsts, keys, stamps, generation } = this;
    this.firsts = new Int32Array(firsts.length * 2);
    this.keys = new Float64Array(firsts.length * 2);
    this.stamps = new Int32Array(firsts.length * 2);
    this.count = 0;
    for (let i = 0; i < stamps.length; i++) if (stamps[i] === generation) this.add(firsts[i]!, keys[i]!);
  }
}

/** Collects documents one at a time (a document may be added in several parts, each its own text). */
export class TokenIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings = new VarintListsBuilder();
  private readonly next = new VarintListsBuilder();
  /** Per word: the last document recorded in its postings and in its next-word list (for gaps, and so a word counts once per document). */
  private lastDoc = new Int32Array(1024).fill(-1);
  private lastNextDoc = new Int32Array(1024);
  /** Whether a word's documents came out of order (a document added in parts apart): sorted in `finish`. */
  private unordered = new Uint8Array(1024);
  private readonly separatorIds = new Map<string, number>();
  private readonly separators: string[] = [];
  private separatorsFull = false;
  private readonly seen = new PairsSeen();
  private currentDoc = -1;

  constructor(private readonly docCount: number) {}

  private wordId(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    if (id >= this.lastDoc.length) {
      const size = this.lastDoc.length * 2;
      const lastDoc = new Int32Array(size).fill(-1);
      lastDoc.set(this.lastDoc);
      this.lastDoc = lastDoc;
      const lastNextDoc = new Int32Array(size);
      lastNextDoc.set(this.lastNextDoc);
      this.lastNextDoc = lastNextDoc;
      const unordered = new Uint8Array(size);
      unordered.set(this.unordered);
      this.unordered = unordered;
    }
    return id;
  }

  private separatorId(text: string, from: number, to: number): number {
    // Most words are followed by one space: no string is made for it.
    const separator = to - from === 1 && text.charCodeAt(from) === 32 ? ' ' : text.slice(from, to).toLowerCase();
    const known = this.separatorIds.get(separator);
    if (known !== undefined) return known;
    if (separator.length > MAX_SEPARATOR_LENGTH || this.separators.length >= MAX_SEPARATORS) {
      this.separatorsFull = true;
      return OTHER_SEPARATOR;
    }
    this.separatorIds.set(separator, this.separators.length);
    this.separators.push(separator);
    return this.separators.length - 1;
  }

  add(doc: number, text: string | null | undefined): void {
    if (!text) return;
    if (doc !== this.currentDoc) {
      this.currentDoc = doc;
      this.seen.nextDocument();
    }
    let previous = -1;
    let previousEnd = 0;
    forEachWord(text, (word, start, end) => {
      const id = this.wordId(word);
      if (previous >= 0) this.recordPair(doc, previous, id, this.separatorId(text, previousEnd, start));
      previous = id;
      previousEnd = end;
      const last = this.lastDoc[id]!;
      if (last === doc) return;
      if (doc < last) this.unordered[id] = 1;
      this.lastDoc[id] = doc;
      this.postings.push(id, zigzag(doc - Math.max(last, 0)));
    });
  }

  private recordPair(doc: number, first: number, second: number, separator: number): void {
    const inline = separator < INLINE_SEPARATORS;
    const key = second * (INLINE_SEPARATORS + 1) + (inline ? separator : INLINE_SEPARATORS);
    // Keyed on the separator too, so pairs told apart by an uncommon separator are kept apart.
    if (!this.seen.add(first, inline ? key : key + separator * 2 ** 32)) return;
    const gap = zigzag(doc - this.lastNextDoc[first]!);
    this.lastNextDoc[first] = doc;
    if (inline) this.next.push(first, gap, key);
    else this.next.push(first, gap, key, separator);
  }

  /** The index. Parts of a document added apart (its fields, then its passages) may repeat a word: sorted and made unique here. */
  finish(): TokenIndex {
    const postings = this.postings.finish(this.words.length).map((list, id) => (this.unordered[id] ? sortedPostings(list) : list));
    return { docCount: this.docCount, words: this.words, postings, next: this.next.finish(this.words.length), separators: this.separators, separatorsFull: this.separatorsFull };
  }
}

/** Reads a word's documents. */
export function decodePostings(list: Uint8Array, onDoc: (doc: number) => void): void {
  const reader = new VarintReader(list);
  let doc = 0;
  while (!reader.done) onDoc((doc += unzigzag(reader.next())));
}

function sortedPostings(list: Uint8Array): Uint8Array {
  const docs: number[] = [];
  decodePostings(list, (d) => docs.push(d));
  const sorted = Uint32Array.from(docs).sort();
  const builder = new VarintListsBuilder();
  let previous = -1;
  for (const d of sorted) {
    if (d === previous) continue;
    builder.push(0, zigzag(d - Math.max(previous, 0)));
    previous = d;
  }
  return builder.finish(1)[0]!;
}
