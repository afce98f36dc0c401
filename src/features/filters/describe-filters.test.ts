import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../filters/filters.ts';
import { describeFilters } from './describe-filters.ts';

describe('describeFilters', () => {
  it('says "all" when nothing is filtered', () => {
    expect(describeFilters(NO_FILTERS)).toBe('all partnerships; England; all years');
    expect(describeFilters({ ...NO_FILTERS, nation: null, tagSources: ['catalogue'] })).toBe('all partnerships; all nations; all years; themes from catalogue keywords');
  });
  it('names partnerships, years, types, themes and text', () => {
    const names = { partnership: (id: string) => id.toUpperCase(), theme: (id: string) => `T:${id}` };
    expect(describeFilters({ ...NO_FILTERS, partnerships: ['a'], yearFrom: 2021, yearTo: 2024, types: ['serious-case-review'], themes: ['neglect'], q: ' dog ' }, names))
      .toBe('A; England; 2021–2024; Serious case review; themes: T:neglect; text “dog”');
  });
});
