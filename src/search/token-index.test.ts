import { describe, expect, it } from 'vitest';
import { decodePostings, forEachWord, TokenIndexBuilder, type TokenIndex } from './token-index.ts';
import { searchTokenIndex } from './token-search.ts';

const docsOf = (index: TokenIndex, word: string) => {
  const docs: number[] = [];
  decodePostings(index.postings[index.words.indexOf(word)]!, (d) => docs.push(d));
  return docs;
};

const words = ['stair', 'gates', 'county', 'lines', 'neglect', 'neglected', 'child', "child's", 'voice', 'of', 'the', 'school', 'lockdown',
  'Interpreter', 'bath', 'bathroom', 'café', 'e-safety', '7-minute', 'GP', 'co-sleeping', '2021', 'Ofsted.', '(police)'];

function randomDocs(seed: number, n: number): string[][] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => Array.from({ length: 3 + Math.floor(next() * 12) }, () => words[Math.floor(next() * words.length)]!).join(next() < 0.8 ? ' ' : ', ')));
}

// Each part is one text (a passage, a briefing): the SQL search matches within a text, never across two.
const literal = (parts: string[], q: string) => parts.some((p) => p.toLowerCase().includes(q.trim().toLowerCase()));

describe('the word index', () => {
  it('splits text into lower-cased words of letters and digits', () => {
    const out: string[] = [];
    forEachWord("The child's GP (Dr Ávila) saw her 3 times", (w) => out.push(w));
    expect(out).toEqual(['the', 'child', 's', 'gp', 'dr', 'ávila', 'saw', 'her', '3', 'times']);
  });

  it('answers one ASCII word exactly as a case-insensitive substring search does, and never misses a match of any other term', () => {
    const docs = randomDocs(7, 400);
    const builder = new TokenIndexBuilder(docs.length);
    docs.forEach((parts, d) => parts.forEach((p) => builder.add(d, p)));
    const index = builder.finish();
    const terms = ['neglect', 'NEGLECTED', 'glect', 'bath', 'stair gates', 'county lines', "child's", 'e-safety', 'café', 'of the', 'voice of the child', '7-minute', 'ate', 'sted. (po', 'zzz', '2021',
      'Stair Gates', 'air gat', 'gates, county', 'gates ,county', 'gp 2021', 'child s', 'lines  neglect', 'ty lin', 'e-sa', 'safety 7', 'ofsted. (police', 'police) co'];
    for (const term of terms) {
      const found = searchTokenIndex(index, term)!;
      const want = docs.map((parts) => (literal(parts, term) ? 1 : 0));
      if (found.exact) expect(Array.from(found.docs), term).toEqual(want);
      else want.forEach((w, d) => w && expect(found.docs[d], `${term} in ${d}`).toBe(1));
      // One ASCII word, or two with ASCII punctuation or spaces between them, is answered exactly.
      expect(found.exact, term).toBe(/^[a-z0-9]+([^a-z0-9\u0080-\uffff]+[a-z0-9]+)?$/i.test(term) && !['café'].includes(term));
    }
    expect(searchTokenIndex(index, ' - ')).toBeNull();
  });

  it('counts a word once per document however often it occurs, with documents added in parts', () => {
    const builder = new TokenIndexBuilder(3);
    builder.add(0, 'neglect neglect');
    builder.add(0, 'Neglect');
    builder.add(2, 'neglect');
    const index = builder.finish();
    expect(docsOf(index, 'neglect')).toEqual([0, 2]);
  });
});

describe('documents added in parts apart', () => {
  it('keeps each document once per word', () => {
    const builder = new TokenIndexBuilder(3);
    builder.add(0, 'bath');
    builder.add(1, 'bath');
    builder.add(0, 'bath time');
    const index = builder.finish();
    expect(docsOf(index, 'bath')).toEqual([0, 1]);
  });
});

describe('phrases', () => {
  it('answers two words exactly: side by side, with the same separator, within one text', () => {
    const texts = ['The stair gates were open.', 'A stair was steep; gates were shut.', 'Upstair gatesmen', 'gates stair', 'stair, gates', 'stair  gates'];
    const builder = new TokenIndexBuilder(texts.length + 1);
    texts.forEach((t, d) => builder.add(d, t));
    builder.add(texts.length, 'the stair');
    builder.add(texts.length, 'gates');
    const index = builder.finish();
    const found = searchTokenIndex(index, 'stair gates')!;
    expect(found.exact).toBe(true);
    expect(Array.from(found.docs)).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect(Array.from(searchTokenIndex(index, 'stair, gates')!.docs)).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(searchTokenIndex(index, 'stair; gates')).toEqual({ docs: new Uint8Array(7), exact: true });
  });

  it('agrees with a full scan for every two-word term drawn from random texts, documents added in parts out of order', () => {
    const docs = randomDocs(11, 300);
    const builder = new TokenIndexBuilder(docs.length);
    // Each document's first part, then every document's others in reverse: gaps run backwards and parts of a document come apart.
    docs.forEach((parts, d) => builder.add(d, parts[0]));
    for (let d = docs.length - 1; d >= 0; d--) docs[d]!.slice(1).forEach((p) => builder.add(d, p));
    const index = builder.finish();
    let s = 5;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 300; k++) {
      const parts = docs[Math.floor(next() * docs.length)]!;
      const text = parts[Math.floor(next() * parts.length)]!;
      const from = Math.floor(next() * text.length);
      const term = text.slice(from, from + 3 + Math.floor(next() * 14)).trim();
      const found = searchTokenIndex(index, term);
      if (!found) continue;
      const want = docs.map((p) => (literal(p, term) ? 1 : 0));
      if (found.exact) expect(Array.from(found.docs), term).toEqual(want);
      else want.forEach((w, d) => w && expect(found.docs[d], `${term} in ${d}`).toBe(1));
    }
  });
});
