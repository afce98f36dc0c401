import { describe, expect, it } from 'vitest';
import { recommendationsHeadline } from './headline.ts';

describe('recommendationsHeadline', () => {
  it('leads with the filtered count and its base, the unfiltered total after it', () => {
    const text = recommendationsHeadline({ base: { recommendations: 44, reviews: 12, ofReviews: 466 }, total: 44, filters: 'all partnerships; England; all years', themed: false });
    expect(text).toBe('44 recommendations match the filters, from 12 of the 466 reviews the filters keep (all partnerships; England; all years).'
      + ' All reviews held, every nation and no filter: 44 recommendations found in catalogue entries and imported reports.');
  });

  it('says when nothing matches, with the base still shown (Wales on the bundled data)', () => {
    const text = recommendationsHeadline({ base: { recommendations: 0, reviews: 0, ofReviews: 4 }, total: 44, filters: 'all partnerships; Wales; all years', themed: false });
    expect(text.startsWith('No recommendations match the filters: none of the 4 reviews the filters keep (all partnerships; Wales; all years) has one.')).toBe(true);
    expect(text).toContain('44 recommendations found');
  });

  it('names the other filters as the base when a theme filter is set', () => {
    const text = recommendationsHeadline({ base: { recommendations: 1, reviews: 1, ofReviews: 466 }, total: 44, filters: 'themes: Neglect', themed: true });
    expect(text).toMatch(/^1 recommendation matches the filters, from 1 of the 466 reviews the other filters keep \(themes: Neglect\)\. A theme filter is matched on each recommendation’s own themes\./);
  });
});
