import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { relaxHint } from './relax-hint.ts';

describe('relaxHint', () => {
  it('names every filter in force that could be relaxed', () => {
    expect(relaxHint({ ...NO_FILTERS, q: ' dog ', yearFrom: 2030 })).toBe('Try removing the text search “dog” or the year range, or use “Reset filters”.');
    expect(relaxHint({ ...NO_FILTERS, partnerships: ['a'] })).toBe('Try removing a partnership, or use “Reset filters”.');
  });
  it('says the data has no tags when nothing is filtered', () => {
    expect(relaxHint(NO_FILTERS)).toContain('no tagged reviews');
  });
});
