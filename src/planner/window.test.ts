import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/filters.ts';
import { isDefaultWeights, parseWeight, searchWithWeights, searchWithWindow, weightsFromSearch } from './params.ts';
import { defaultWindow, ignoredFilters, plannerScope, resolveWindow, singlePartnership, windowLabel } from './window.ts';

describe('window', () => {
  it('defaults to the last three publication years of the data', () => {
    expect(defaultWindow(2025)).toEqual({ from: 2023, to: 2025 });
  });

  it('takes the years from the URL, swapping a reversed range with a notice', () => {
    expect(resolveWindow('2018', '2020', 2025)).toEqual({ window: { from: 2018, to: 2020 }, notice: null });
    const swapped = resolveWindow('2021', '2019', 2025);
    expect(swapped.window).toEqual({ from: 2019, to: 2021 });
    expect(swapped.notice).toMatch(/reversed/);
  });

  it('falls back to the default for missing or unreadable years, saying which', () => {
    expect(resolveWindow(null, null, 2024)).toEqual({ window: { from: 2022, to: 2024 }, notice: null });
    const bad = resolveWindow('abc', null, 2024);
    expect(bad.window).toEqual({ from: 2022, to: 2024 });
    expect(bad.notice).toContain('“abc” is not a year');
  });

  it('keeps a one-sided window sensible', () => {
    expect(resolveWindow('2025', null, 2023).window).toEqual({ from: 2025, to: 2025 });
    expect(resolveWindow(null, '2015', 2023).window).toEqual({ from: 2013, to: 2015 });
  });

  it('labels one-year and longer windows', () => {
    expect(windowLabel({ from: 2024, to: 2024 })).toBe('2024');
    expect(windowLabel({ from: 2022, to: 2024 })).toBe('2022–2024');
  });
});

describe('scope', () => {
  const f = { ...NO_FILTERS, partnerships: ['warwickshire'], regions: ['West Midlands'], yearFrom: 2010, yearTo: 2012, themes: ['neglect'], q: 'school', types: ['rapid-review' as const] };

  it('keeps partnerships, regions and review types; drops years, themes and text', () => {
    expect(plannerScope(f)).toEqual({ ...f, yearFrom: null, yearTo: null, themes: [], q: '' });
  });

  it('names the filters it leaves out', () => {
    expect(ignoredFilters(f)).toHaveLength(3);
    expect(ignoredFilters(NO_FILTERS)).toEqual([]);
  });

  it('knows when exactly one partnership is chosen', () => {
    expect(singlePartnership(f)).toBe('warwickshire');
    expect(singlePartnership({ ...f, partnerships: ['a', 'b'] })).toBeNull();
    expect(singlePartnership(NO_FILTERS)).toBeNull();
  });
});

describe('URL parameters', () => {
  it('reads weights, clamping to 0–10 and defaulting the unreadable', () => {
    expect(weightsFromSearch('?wr=8&wt=-3&wg=x')).toEqual({ recurrence: 8, trend: 0, gap: 3 });
    expect(parseWeight('12', 5)).toBe(10);
    expect(parseWeight('2.6', 5)).toBe(3);
  });

  it('writes weights, dropping defaults and keeping other parameters', () => {
    expect(searchWithWeights('?p=warwickshire&wr=9', { recurrence: 5, trend: 2, gap: 7 })).toBe('?p=warwickshire&wg=7');
    expect(isDefaultWeights(weightsFromSearch(searchWithWeights('', { recurrence: 5, trend: 2, gap: 3 })))).toBe(true);
  });

  it('writes and clears the window without touching the shared year filter', () => {
    expect(searchWithWindow('?from=2010', { from: 2020, to: 2022 })).toBe('?from=2010&wfrom=2020&wto=2022');
    expect(searchWithWindow('?wfrom=2020&wto=2022', null)).toBe('');
  });
});
