import { describe, expect, it } from 'vitest';
import { catalogueLinesToRecords } from './catalogue-lines.ts';

const themes = new Set(['neglect', 'voice-of-the-child']);

describe('catalogueLinesToRecords', () => {
  it('turns case lines into reviews with their gold themes as manual tags', () => {
    const out = catalogueLinesToRecords(
      [{ id: 'r1', partnership: 'Suffolk Safeguarding Partnership', case: 'Child Q', year: 2021, text: 'A serious case review found…', gold: ['neglect', 'voice-of-the-child'] }],
      'catalogue', themes,
    );
    expect(out.partnerships).toEqual([{ id: 'suffolk', name: 'Suffolk', region: null, kind: 'partnership' }]);
    expect(out.reviews[0]).toMatchObject({ id: 'r1', partnership_id: 'suffolk', case_name: 'Child Q', year: 2021, published: '2021', review_type: 'serious-case-review' });
    expect(out.tags.map((t) => [t.theme_id, t.source, t.accepted])).toEqual([['neglect', 'manual', true], ['voice-of-the-child', 'manual', true]]);
  });

  it('turns title lines into briefings and infers the briefing kind', () => {
    const out = catalogueLinesToRecords([{ partnership: 'Leeds', title: '7 Minute Briefing - Neglect', text: 'Body', gold: ['neglect'] }], 'mine', themes);
    expect(out.briefings[0]).toMatchObject({ briefing_kind: '7-minute-briefing', year: null, id: 'mine-leeds-7-minute-briefing-neglect' });
    expect(out.tags[0]).toMatchObject({ entity_type: 'briefing', theme_id: 'neglect' });
  });

  it('reports lines it cannot use and unknown theme ids, and keeps the rest', () => {
    const out = catalogueLinesToRecords(
      [{ partnership: 'X', text: 'no case or title' }, { partnership: 'Y', case: 'Child A', text: 't', year: 'n/a', gold: ['neglect', 'made-up'] }],
      'mine', themes,
    );
    expect(out.problems).toEqual([
      'line 1: needs "partnership", "text" and either "case" (a review) or "title" (a briefing)',
      'line 2: unknown theme id(s) made-up ignored',
    ]);
    expect(out.reviews).toHaveLength(1);
    expect(out.reviews[0]!.year).toBeNull();
    expect(out.tags).toHaveLength(1);
  });
});
