import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../filters/filters.ts';
import { exportBaseName, filtersSlug, slugify } from './file-names.ts';

const names = {
  partnership: (id: string) => ({ warwickshire: 'Warwickshire', bnes: 'Bath & North East Somerset' })[id] ?? id,
  theme: (id: string) => id,
};

describe('file names', () => {
  it('slugifies human names to ASCII', () => {
    expect(slugify('Bath & North East Somerset')).toBe('bath-north-east-somerset');
    expect(slugify('  Ünïcode — Test ')).toBe('unicode-test');
  });

  it('names the chart, partnerships and years', () => {
    expect(exportBaseName('theme-trends', { ...NO_FILTERS, partnerships: ['warwickshire'], yearFrom: 2021, yearTo: 2024 }, names))
      .toBe('theme-trends_warwickshire_2021-2024');
    expect(exportBaseName('reviews-per-year', NO_FILTERS, names)).toBe('reviews-per-year_all-partnerships_all-years');
  });

  it('handles open year ranges, several partnerships and regions', () => {
    expect(filtersSlug({ ...NO_FILTERS, partnerships: ['warwickshire', 'bnes'], yearFrom: 2020 }, names))
      .toBe('warwickshire+bath-north-east-somerset_2020-latest');
    expect(filtersSlug({ ...NO_FILTERS, partnerships: ['a', 'b', 'c', 'd'], yearTo: 2019 }, names)).toBe('4-partnerships_earliest-2019');
    expect(filtersSlug({ ...NO_FILTERS, regions: ['West Midlands'] }, names)).toBe('region-west-midlands_all-years');
  });
});
