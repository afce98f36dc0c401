import { describe, expect, it } from 'vitest';
import { reviewsPerYearOption, reviewsPerYearTitle, yearRange } from './reviews-per-year.ts';
import { OTHER_PUBLISHERS } from '../../queries/overview.ts';

const rows = [
  { year: 2019, partnership: 'York', partnership_id: 'york', reviews: 2 },
  { year: 2021, partnership: 'York', partnership_id: 'york', reviews: 1 },
  { year: 2021, partnership: OTHER_PUBLISHERS, partnership_id: '', reviews: 4 },
];

describe('reviews per year chart', () => {
  it('fills missing years with zero so gaps show', () => {
    const option = reviewsPerYearOption(rows);
    expect(option.xAxis.data).toEqual(['2019', '2020', '2021']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['York', [2, 0, 1]],
      [OTHER_PUBLISHERS, [0, 0, 4]],
    ]);
  });

  it('turns on ARIA and decals', () => {
    expect(reviewsPerYearOption(rows).aria).toMatchObject({ enabled: true, decal: { show: true } });
  });

  it('states the peak year in the title', () => {
    expect(reviewsPerYearTitle(rows)).toBe('7 dated reviews; the most, 5, were published in 2021');
    expect(reviewsPerYearTitle([])).toBe('No dated reviews match the filters');
    expect(yearRange([])).toEqual([]);
  });
});
