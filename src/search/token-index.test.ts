import { describe, expect, it } from 'vitest';
import { forEachWord, searchTokenIndex, TokenIndexBuilder } from './token-index.ts';

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
    const terms = ['neglect', 'NEGLECTED', 'glect', 'bath', 'stair gates', 'county lines', "child's", 'e-safety', 'café', 'of the', 'voice of the child', '7-minute', 'ate', 'sted. (po', 'zzz', '2021'];
    for (const term of terms) {
      const found = searchTokenIndex(index, term)!;
      const want = docs.map((parts) => (literal(parts, term) ? 1 : 0));
      if (found.exact) expect(Array.from(found.docs), term).toEqual(want);
      else want.forEach((w, d) => w && expect(found.docs[d], `${term} in ${d}`).toBe(1));
      expect(found.exact, term).toBe(/^[a-z0-9]+$/i.test(term));
    }
    expect(searchTokenIndex(index, ' - ')).toBeNull();
  });

  it('counts a word once per document however often it occurs, with documents added in parts', () => {
    const builder = new TokenIndexBuilder(3);
    builder.add(0, 'neglect neglect');
    builder.add(0, 'Neglect');
    builder.add(2, 'neglect');
    const index = builder.finish();
    expect(Array.from(index.postings[index.words.indexOf('neglect')]!)).toEqual([0, 2]);
  });
});

describe('documents added in parts apart', () => {
  it('keeps each document once per word', () => {
    const builder = new TokenIndexBuilder(3);
    builder.add(0, 'bath');
    builder.add(1, 'bath');
    builder.add(0, 'bath time');
    const index = builder.finish();
    expect(Array.from(index.postings[index.words.indexOf('bath')]!)).toEqual([0, 1]);
  });
});

describe('phrases', () => {
  it('keeps as candidates only documents where the words may stand side by side', () => {
    const texts = ['The stair gates were open.', 'A stair was steep; gates were shut.', 'Upstair gatesmen', 'gates stair'];
    const builder = new TokenIndexBuilder(texts.length, 100);
    texts.forEach((t, d) => builder.add(d, t));
    const found = searchTokenIndex(builder.finish(), 'stair gates')!;
    expect(found.exact).toBe(false);
    expect(Array.from(found.docs)).toEqual([1, 0, 1, 0]);
  });
});
