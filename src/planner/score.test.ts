import { describe, expect, it } from 'vitest';
import { coverageGap, DEFAULT_WEIGHTS, formulaText, priority, rankThemes, trendOf, type ThemeCoverage } from './score.ts';

/** A theme in 10 window reviews and 10 earlier ones, no briefings, unless overridden. */
const theme = (id: string, o: Partial<ThemeCoverage> = {}): ThemeCoverage => ({
  theme_id: id, label: id.toUpperCase(), group_label: 'G', window_total: 10, window_reviews: 5, before_total: 10,
  before_reviews: 5, briefings: 0, briefings_recent: 0, briefings_undated: 0, latest_briefing_year: null,
  latest_briefing: null, ...o,
});

describe('trendOf', () => {
  it('is rising, falling or steady by the change in share', () => {
    expect(trendOf(theme('a', { window_reviews: 6, before_reviews: 2 }))).toMatchObject({ label: 'rising', share: 0.6, before: 0.2 });
    expect(trendOf(theme('a', { window_reviews: 1, before_reviews: 5 })).label).toBe('falling');
    expect(trendOf(theme('a', { window_reviews: 5, before_reviews: 5 }))).toMatchObject({ label: 'steady', value: 0 });
  });

  it('scales the change by the larger share, so a theme new to the window scores 1', () => {
    expect(trendOf(theme('a', { window_reviews: 3, before_reviews: 0 })).value).toBe(1);
    expect(trendOf(theme('a', { window_reviews: 0, before_reviews: 4 })).value).toBe(-1);
    expect(trendOf(theme('a', { window_reviews: 4, before_reviews: 2 })).value).toBeCloseTo(0.5);
  });

  it('ignores tiny moves in share (under five points)', () => {
    expect(trendOf(theme('a', { window_total: 100, window_reviews: 4, before_total: 100, before_reviews: 2 })).label).toBe('steady');
  });

  it('is unknown, and neutral, without earlier reviews', () => {
    expect(trendOf(theme('a', { before_total: 0, before_reviews: 0 }))).toMatchObject({ label: 'unknown', value: 0 });
  });

  it('is unknown with fewer than three reviews on either side (1 of 2 would read as 50%)', () => {
    expect(trendOf(theme('a', { before_total: 2, before_reviews: 0 })).label).toBe('unknown');
    expect(trendOf(theme('a', { window_total: 2, window_reviews: 1 })).label).toBe('unknown');
    expect(trendOf(theme('a', { before_total: 3, before_reviews: 0 })).label).toBe('rising');
  });
});

describe('coverageGap', () => {
  it('is 1 with no briefing, 0.75 with only older ones, 0.5 with undated ones, 0 with a recent one', () => {
    expect(coverageGap(theme('a'))).toEqual({ value: 1, label: 'none' });
    expect(coverageGap(theme('a', { briefings: 2, latest_briefing_year: 2018 }))).toEqual({ value: 0.75, label: 'old' });
    expect(coverageGap(theme('a', { briefings: 3, briefings_undated: 1, latest_briefing_year: 2018 }))).toEqual({ value: 0.5, label: 'undated' });
    expect(coverageGap(theme('a', { briefings: 3, briefings_recent: 1, briefings_undated: 2 }))).toEqual({ value: 0, label: 'recent' });
  });
});

describe('priority', () => {
  it('is the weighted mean of the components on a 0–100 scale', () => {
    expect(priority({ recurrence: 1, trend: 0, gap: 1 }, DEFAULT_WEIGHTS)).toBeCloseTo(80);
    expect(priority({ recurrence: 0.5, trend: -1, gap: 0 }, { recurrence: 1, trend: 1, gap: 0 })).toBeCloseTo(-25);
  });

  it('is 0 when every weight is 0', () => {
    expect(priority({ recurrence: 1, trend: 1, gap: 1 }, { recurrence: 0, trend: 0, gap: 0 })).toBe(0);
  });
});

describe('rankThemes', () => {
  it('puts an unbriefed recurring theme above one recurring as often with three recent briefings', () => {
    const x = theme('x');
    const y = theme('y', { briefings: 3, briefings_recent: 3, latest_briefing_year: 2024, latest_briefing: '2024' });
    const { ranked } = rankThemes([y, x], DEFAULT_WEIGHTS, { setApartBriefed: false });
    expect(ranked.map((r) => [r.theme_id, r.rank])).toEqual([['x', 1], ['y', 2]]);
  });

  it('sets apart themes briefed inside the window by default, so the ranking keeps its promise', () => {
    const x = theme('x');
    const y = theme('y', { briefings: 3, briefings_recent: 3, latest_briefing_year: 2024, latest_briefing: '2024' });
    const old = theme('o', { briefings: 1, briefings_recent: 0, latest_briefing_year: 2015, latest_briefing: '2015' });
    const { ranked, briefed } = rankThemes([y, x, old], DEFAULT_WEIGHTS);
    expect(ranked.map((r) => r.theme_id)).toEqual(['x', 'o']);
    expect(briefed.map((r) => r.theme_id)).toEqual(['y']);
  });

  it('scales recurrence to the most frequent theme', () => {
    const { ranked } = rankThemes([theme('a', { window_reviews: 8 }), theme('b', { window_reviews: 4 })], DEFAULT_WEIGHTS);
    expect(ranked.map((r) => r.recurrence)).toEqual([1, 0.5]);
  });

  it('reorders when the weights change', () => {
    const frequentCovered = theme('f', { window_reviews: 9, briefings: 1, briefings_recent: 1 });
    const rareUncovered = theme('r', { window_reviews: 2 });
    const byRecurrence = rankThemes([frequentCovered, rareUncovered], { recurrence: 10, trend: 0, gap: 0 }, { setApartBriefed: false });
    const byGap = rankThemes([frequentCovered, rareUncovered], { recurrence: 0, trend: 0, gap: 10 }, { setApartBriefed: false });
    expect(byRecurrence.ranked[0]!.theme_id).toBe('f');
    expect(byGap.ranked[0]!.theme_id).toBe('r');
  });

  it('leaves themes absent from the window unranked, listed alphabetically', () => {
    const { ranked, absent } = rankThemes([theme('b', { window_reviews: 0 }), theme('c'), theme('a', { window_reviews: 0 })], DEFAULT_WEIGHTS);
    expect(ranked.map((r) => r.theme_id)).toEqual(['c']);
    expect(absent.map((r) => r.theme_id)).toEqual(['a', 'b']);
  });

  it('breaks ties by reviews, then by label, so the order is stable', () => {
    const rows = [theme('b'), theme('a'), theme('c', { window_total: 20, window_reviews: 10 })];
    expect(rankThemes(rows, { recurrence: 0, trend: 0, gap: 1 }).ranked.map((r) => r.theme_id)).toEqual(['c', 'a', 'b']);
  });

  it('returns nothing to rank for an empty scope', () => {
    expect(rankThemes([theme('a', { window_total: 0, window_reviews: 0 })], DEFAULT_WEIGHTS).ranked).toEqual([]);
  });
});

describe('formulaText', () => {
  it('prints the weights in force', () => {
    expect(formulaText({ recurrence: 5, trend: 2, gap: 3 }, { from: 2022, to: 2024 }))
      .toBe('Priority = 100 × (5 × recurrence + 2 × trend + 3 × briefing gap) ÷ 10, for reviews published 2022–2024');
  });
});
