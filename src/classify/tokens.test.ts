import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeShared, stemString } from './tokens.ts';

describe('tokenize', () => {
  it('finds words with offsets into the input, whatever their case', () => {
    const text = 'The Child’s MASH referral (Section 47) was CLOSED.';
    const t = tokenize(text);
    const words = Array.from({ length: t.n }, (_, i) => text.slice(t.starts[i], t.ends[i]));
    expect(words).toEqual(['The', 'Child', 'MASH', 'referral', 'Section', '47', 'was', 'CLOSED']);
    expect(stemString(t.ids[1]!)).toBe(stemString(tokenize('child').ids[0]!));
    expect(t.ids[7]).toBe(tokenize('closed').ids[0]);
  });

  it('gives the same tokens from the shared buffers as the owned copy, call after call', () => {
    const texts = ['Neglect was not recognised.', 'A much longer text about domestic abuse, '.repeat(40), 'Neglect was not recognised.'];
    for (const text of texts) {
      const owned = tokenize(text);
      const shared = tokenizeShared(text);
      expect(shared.n).toBe(owned.n);
      expect(Array.from(shared.ids.subarray(0, shared.n))).toEqual(Array.from(owned.ids));
      expect(Array.from(shared.starts.subarray(0, shared.n))).toEqual(Array.from(owned.starts));
      expect(Array.from(shared.words.subarray(0, shared.n))).toEqual(Array.from(owned.words));
    }
  });
});
