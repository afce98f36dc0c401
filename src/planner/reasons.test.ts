import { describe, expect, it } from 'vitest';
import { coveragePhrase, formatPublished, reasonSentence, windowPhrase } from './reasons.ts';
import { rankThemes, DEFAULT_WEIGHTS, type ThemeCoverage } from './score.ts';

const row = (o: Partial<ThemeCoverage>): ThemeCoverage => ({
  theme_id: 't', label: 'T', group_label: 'G', window_total: 12, window_reviews: 7, before_total: 10,
  before_reviews: 2, briefings: 0, briefings_recent: 0, briefings_undated: 0, latest_briefing_year: null,
  latest_briefing: null, ...o,
});

describe('reasons', () => {
  it('formats publication dates at their precision', () => {
    expect(formatPublished('2023-09')).toBe('Sep 2023');
    expect(formatPublished('2023-09-05')).toBe('5 Sep 2023');
    expect(formatPublished('2023')).toBe('2023');
    expect(formatPublished(null)).toBe('undated');
  });

  it('says "since" when the window runs to the latest year', () => {
    expect(windowPhrase({ from: 2022, to: 2024 }, 2024)).toBe('since 2022');
    expect(windowPhrase({ from: 2019, to: 2021 }, 2024)).toBe('in 2019–2021');
    expect(windowPhrase({ from: 2024, to: 2024 }, 2024)).toBe('in 2024');
  });

  it('writes one sentence with recurrence, trend and coverage', () => {
    const [s] = rankThemes([row({ briefings: 1, latest_briefing_year: 2020, latest_briefing: '2020-03' })], DEFAULT_WEIGHTS).ranked;
    expect(reasonSentence(s!, { from: 2022, to: 2024 }, 2024))
      .toBe('In 7 of 12 reviews since 2022 (58%); rising (from 20% before 2022); no briefing since 2020.');
  });

  it('says so when briefings are undated or there are none', () => {
    expect(coveragePhrase(row({ briefings: 2, briefings_undated: 2 }), 'undated')).toBe('2 briefings, all undated');
    expect(coveragePhrase(row({ briefings: 3, briefings_undated: 1, latest_briefing_year: 2016 }), 'undated')).toBe('1 undated briefing; latest dated one 2016');
    expect(coveragePhrase(row({ briefings: 3, briefings_recent: 2, briefings_undated: 1, latest_briefing: '2023-09' }), 'recent')).toBe('3 briefings, latest Sep 2023, 1 undated');
    expect(coveragePhrase(row({}), 'none')).toBe('no briefing on it');
  });

  it('says when there is nothing, or too little, earlier to compare with', () => {
    const w = { from: 2022, to: 2024 };
    const reason = (o: Partial<ThemeCoverage>) => reasonSentence(rankThemes([row(o)], DEFAULT_WEIGHTS).ranked[0]!, w, 2024);
    expect(reason({ before_total: 0, before_reviews: 0 })).toContain('; no earlier reviews to compare;');
    expect(reason({ before_total: 1, before_reviews: 0 })).toContain('; too few earlier reviews to compare (1);');
    expect(reason({ window_total: 2, window_reviews: 1 })).toContain('; too few reviews in the window to compare;');
  });
});
