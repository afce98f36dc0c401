import { describe, expect, it } from 'vitest';
import type { EvidenceRow, ReviewDetail } from '../../queries/explorer.ts';
import { itemHighlights, itemText } from './item-highlights.ts';

const review = { kind: 'review', summary: 'Neglect of a baby.', findings: 'Home alone.', recommendations: null } as ReviewDetail;
const ev = (start: number, end: number, sentence: string): EvidenceRow => ({ passage_id: null, theme_id: 'neglect', rank: 1, start_offset: start, end_offset: end, sentence, weight: 1 });

describe('item highlights', () => {
  it('marks evidence sentences and search hits in the tagger text', () => {
    const text = itemText(review);
    expect(text).toBe('Neglect of a baby.\n\nHome alone.');
    const marks = itemHighlights(text, [ev(20, 31, 'Home alone.')], () => 'Neglect', 'baby');
    expect(marks.map((m) => [text.slice(m.start, m.end), m.className])).toEqual([
      ['Home alone.', 'explorer-evidence'], ['baby', 'explorer-hit'],
    ]);
  });
  it('skips evidence whose offsets no longer match the text', () => {
    expect(itemHighlights(itemText(review), [ev(0, 5, 'Something else.')], () => '', '')).toEqual([]);
  });
});
