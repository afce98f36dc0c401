import { describe, expect, it } from 'vitest';
import { rollUpScore, splitPassages } from './passages.ts';
import { tagDocument, tagText } from './tagger.ts';
import { trainModel } from './train-model.ts';
import { TINY_EXAMPLES, TINY_LEXICON, TINY_TAXONOMY } from './tiny-lexicon.fixture.ts';

describe('splitPassages', () => {
  const para = (n: number, word: string): string => Array.from({ length: n }, (_, i) => `Sentence ${i} is about ${word}.`).join(' ');
  const text = [para(20, 'school'), para(20, 'neglect'), para(80, 'domestic abuse')].join('\n\n');

  it('keeps passages under the limit with offsets into the text', () => {
    const ps = splitPassages(text, 600);
    expect(ps.length).toBeGreaterThan(3);
    ps.forEach((p, i) => {
      expect(p.seq).toBe(i);
      expect(p.end - p.start).toBeLessThanOrEqual(600);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    });
  });

  it('returns one passage for a short text', () => {
    expect(splitPassages('One short paragraph.', 2000)).toEqual([{ seq: 0, start: 0, end: 20, text: 'One short paragraph.' }]);
  });

  it('splits a run-on paragraph without sentence ends at spaces', () => {
    const long = 'word '.repeat(500).trim();
    const ps = splitPassages(long, 300);
    expect(ps.every((p) => p.text.length <= 300 && !p.text.startsWith(' '))).toBe(true);
    expect(ps.map((p) => p.text).join(' ')).toBe(long);
  });
});

describe('rollUpScore', () => {
  it('is the best passage raised a little by the second, bounded by two passages', () => {
    expect(rollUpScore([0.2])).toBeCloseTo(0.2);
    expect(rollUpScore([0.6, 0.4])).toBeCloseTo(1 - 0.4 * 0.8);
    expect(rollUpScore([0.3, 0.3, 0.3, 0.3, 0.3, 0.3])).toBeLessThan(0.5);
    expect(rollUpScore([])).toBe(0);
  });
});

describe('tagDocument', () => {
  const model = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 3, folds: 3 });
  const filler = 'The family moved house twice that year and the review describes the timeline. '.repeat(12);
  const doc = `${filler}\n\nThe school noticed falling attendance and a teacher raised it.\n\n${filler}\n\nThe children had head lice and poor hygiene, a sign of neglect.`;

  it('rolls passage tags up with evidence offsets into the whole document', () => {
    const tags = tagDocument(model, doc, { passageChars: 1000 });
    expect(tags.passages.length).toBeGreaterThan(1);
    expect(tags.themes).toContain('neglect');
    expect(tags.themes).toContain('education-school');
    for (const id of tags.themes) {
      expect(tags.evidence[id]!.length).toBeGreaterThan(0);
      for (const e of tags.evidence[id]!) expect(doc.slice(e.start, e.end)).toBe(e.text);
    }
    const best = Math.max(...tags.passages.map((p) => p.scores['neglect']!));
    expect(tags.scores['neglect']).toBeGreaterThanOrEqual(best);
  });

  it('agrees with tagText on a single-passage text', () => {
    const short = 'The children had head lice and were hungry at school.';
    const a = tagText(model, short);
    const b = tagDocument(model, short);
    expect(b.themes).toEqual(a.themes);
    expect(b.scores).toEqual(a.scores);
  });
});
