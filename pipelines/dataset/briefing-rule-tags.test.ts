import { describe, expect, it } from 'vitest';
import type { Briefing, Review, ThemeTag } from '../../src/schema/records.ts';
import { briefingRuleTags } from './briefing-rule-tags.ts';

const review: Review = {
  id: 'r', partnership_id: 'p', case_name: 'Grace', review_type: 'child-safeguarding-practice-review', published: '2022-09',
  published_on: '2022-09-01', year: 2022, summary: '7-minute briefings from this review: Child Neglect; Suicide Awareness.',
  findings: null, recommendations: null, source_url: null, origin: 'pages',
};
const briefing = (id: string, title: string, kind: Briefing['briefing_kind'] = '7-minute-briefing'): Briefing => ({
  id, partnership_id: 'p', title, briefing_kind: kind, review_id: 'r', published: null, published_on: null, year: null,
  text: null, source_url: null, origin: 'pages',
});
const tag = (entity_id: string, theme_id: string, score: number): ThemeTag => ({ entity_type: 'briefing', entity_id, theme_id, score, source: 'model', accepted: true });

describe('briefingRuleTags', () => {
  it("gives a page review its 7-minute briefings' themes, with the title as evidence", () => {
    const { tags, evidence } = briefingRuleTags(
      [review],
      [briefing('b1', 'Child Neglect'), briefing('b2', 'Suicide Awareness'), briefing('b3', 'Grace - Lessons Learned Briefing', 'lessons-learned-briefing')],
      [tag('b1', 'neglect', 0.7), tag('b2', 'suicide-self-harm', 0.6), tag('b3', 'domestic-abuse', 0.9)],
    );
    expect(tags.map((t) => [t.theme_id, t.score, t.source])).toEqual([['neglect', 0.7, 'rule'], ['suicide-self-harm', 0.6, 'rule']]);
    const neglect = evidence.find((e) => e.theme_id === 'neglect')!;
    expect(review.summary!.slice(neglect.start_offset, neglect.end_offset)).toBe('Child Neglect');
  });
});
