import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { filtersFromSearch, searchFromFilters } from './url.ts';

describe('filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = { partnerships: ['warwickshire', 'york'], regions: ['London'], yearFrom: 2019, yearTo: 2024, types: ['serious-case-review' as const], themes: ['neglect'], q: 'home alone', titleOnly: true, nation: 'Wales', tagSources: ['catalogue' as const, 'expert' as const] };
    expect(filtersFromSearch(searchFromFilters(f))).toEqual(f);
    expect(filtersFromSearch(searchFromFilters({ ...f, nation: null }))).toEqual({ ...f, nation: null });
  });

  it('writes nothing for no filters and keeps unrelated parameters', () => {
    expect(searchFromFilters(NO_FILTERS)).toBe('');
    expect(searchFromFilters({ ...NO_FILTERS, themes: ['neglect'] }, '?view=table')).toBe('?view=table&theme=neglect');
  });

  it('starts on England and drops unknown tag sources', () => {
    expect(filtersFromSearch('')).toMatchObject({ nation: 'England', tagSources: [] });
    expect(filtersFromSearch('?nation=all&tags=catalogue,bogus')).toMatchObject({ nation: null, tagSources: ['catalogue'] });
  });

  it('drops unknown review types and non-numeric years', () => {
    expect(filtersFromSearch('?type=bogus,rapid-review&from=abc')).toMatchObject({ types: ['rapid-review'], yearFrom: null });
  });
});
