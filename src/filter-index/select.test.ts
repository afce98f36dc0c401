import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/filters.ts';
import { themeLists, type FilterIndex } from './filter-index.ts';
import { selectBriefings, selectReviews, taggedPopulation, warmUpSteps } from './select.ts';

/** Three reviews (2019, 2020, undated) and two briefings, in one partnership, two themes. */
function tinyIndex(): FilterIndex {
  return {
    partnerships: [{ id: 'p', name: 'P', region: null, kind: 'partnership', nation: 'England' }],
    themes: [{ id: 'a', label: 'A', group: null, retired: false }, { id: 'b', label: 'B', group: null, retired: false }],
    reviewTypes: ['serious-case-review'],
    reviews: {
      count: 3, partnership: Uint16Array.of(0, 0, 0), year: Int16Array.of(2019, 2020, 0), type: Uint8Array.of(0, 0, 0),
      titleOnly: Uint8Array.of(0, 0, 0), tagSources: Uint8Array.of(1, 1, 1), themes: themeLists(3, [0, 1, 1], [0, 0, 1]),
    },
    briefings: {
      count: 2, partnership: Uint16Array.of(0, 0), year: Int16Array.of(2019, 2021), themes: themeLists(2, [1], [1]),
      statement: Uint8Array.of(0, 0), key: Int32Array.of(0, 1), datedYear: Int16Array.of(2019, 2021),
      datedPublished: [null, null], datedOn: [null, null],
    },
  };
}

describe('remembered selections', () => {
  it('answers the same filters from one shared array, and other filters afresh', () => {
    const index = tinyIndex();
    const all = { ...NO_FILTERS, nation: null };
    const first = selectReviews(index, all, null);
    expect([...first]).toEqual([1, 1, 1]);
    expect(selectReviews(index, { ...all }, null)).toBe(first);
    expect([...selectReviews(index, { ...all, yearFrom: 2020 }, null)]).toEqual([0, 1, 0]);
    expect([...selectReviews(index, all, null, { datedOnly: true })]).toEqual([1, 1, 0]);
    expect([...selectBriefings(index, { ...all, themes: ['b'] }, null)]).toEqual([0, 1]);
    expect(selectReviews(index, { ...all }, null)).toBe(first);
  });

  it('keeps selections of one index apart from another index and from other search hits', () => {
    const a = tinyIndex();
    const b = tinyIndex();
    b.reviews.year[0] = 2025;
    const f = { ...NO_FILTERS, nation: null, yearTo: 2020 };
    expect([...selectReviews(a, f, null)]).toEqual([1, 1, 0]);
    expect([...selectReviews(b, f, null)]).toEqual([0, 1, 0]);
    const withText = { ...f, q: 'x' };
    expect([...selectReviews(a, withText, { reviews: Int32Array.of(0), briefings: new Int32Array() })]).toEqual([1, 0, 0]);
    expect([...selectReviews(a, withText, { reviews: Int32Array.of(1), briefings: new Int32Array() })]).toEqual([0, 1, 0]);
  });

  it('counts a population once per selection', () => {
    const index = tinyIndex();
    const f = { ...NO_FILTERS, nation: null };
    const one = taggedPopulation(index, f, null, false);
    expect(one.total).toBe(2);
    expect([...one.perTheme]).toEqual([2, 1]);
    expect(taggedPopulation(index, f, null, false).perTheme).toBe(one.perTheme);
  });

  it('warms up every kind of filter without remembering its answers (the users\' selections stay)', () => {
    const index = tinyIndex();
    const f = { ...NO_FILTERS, nation: null };
    const kept = selectReviews(index, f, null);
    const steps = warmUpSteps(index);
    expect(steps).toHaveLength(6);
    // Each step computes eight selections: 48 remembered ones would push the user's out of the 32 kept.
    for (const step of steps) step();
    expect(selectReviews(index, f, null)).toBe(kept);
  });
});
