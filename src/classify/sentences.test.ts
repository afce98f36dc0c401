import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('gives offsets that slice back to each sentence', () => {
    const text = '  Dr. Smith saw the child, e.g. at home. The review found gaps!\n\nWhy? Because records were poor.  ';
    const s = splitSentences(text);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.text)).toEqual(['Dr. Smith saw the child, e.g. at home.', 'The review found gaps!', 'Why?', 'Because records were poor.']);
  });

  it('keeps numbered list markers with their item and splits on line breaks', () => {
    const text = 'Findings:\n1. Agencies did not share information.\n2. The child was not seen alone.';
    expect(splitSentences(text).map((x) => x.text)).toEqual(['Findings:', '1. Agencies did not share information.', '2. The child was not seen alone.']);
  });

  it('does not split on initials or "Mrs."', () => {
    const s = splitSentences('Mrs. Jones and J. Bloggs met the family. They agreed a plan.');
    expect(s).toHaveLength(2);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   \n ')).toEqual([]);
  });
});
