/** The plain-words reason beside each ranked theme, shared by the page, the print summary and the CSV. */
import { MIN_TREND_REVIEWS, type GapLabel, type ScoredTheme, type ThemeCoverage, type TrendLabel } from './score.ts';
import type { PlannerWindow } from './window.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sep 2023" for `2023-09`, "5 Sep 2023" for `2023-09-05`, the year alone for `2023`; "undated" for nothing. */
export function formatPublished(published: string | null): string {
  if (!published) return 'undated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published);
  if (!m) return published;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export const pct = (share: number) => `${Math.round(share * 100)}%`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Where the window sits in words: "since 2023" when it runs to the latest year
 * in the data, else "in 2019–2021".
 */
export function windowPhrase(w: PlannerWindow, latestYear: number): string {
  if (w.to >= latestYear && w.from < w.to) return `since ${w.from}`;
  return w.from === w.to ? `in ${w.from}` : `in ${w.from}–${w.to}`;
}

export const TREND_WORDS: Record<TrendLabel, string> = {
  rising: 'rising', falling: 'falling', steady: 'steady', unknown: 'not compared',
};

/** The trend in words, with the earlier share it compares against. */
export function trendPhrase(s: Pick<ScoredTheme, 'trend' | 'before_total' | 'window_total'>, w: PlannerWindow): string {
  const { label, before } = s.trend;
  if (label === 'unknown') {
    if (s.before_total === 0) return 'no earlier reviews to compare';
    if (s.before_total < MIN_TREND_REVIEWS) return `too few earlier reviews to compare (${s.before_total})`;
    return 'too few reviews in the window to compare';
  }
  const from = label === 'steady' ? `${pct(before)} before ${w.from}` : `from ${pct(before)} before ${w.from}`;
  return `${label} (${from})`;
}

/** Briefing coverage in words, e.g. "no briefing since 2020 (2 in all)". */
export function coveragePhrase(t: ThemeCoverage, gap: GapLabel): string {
  const undated = t.briefings_undated ? `, ${t.briefings_undated} undated` : '';
  switch (gap) {
    case 'none':
      return 'no briefing on it';
    case 'old':
      return `no briefing since ${t.latest_briefing_year}${t.briefings > 1 ? ` (${t.briefings} in all)` : ''}`;
    case 'undated':
      return t.latest_briefing_year === null
        ? `${plural(t.briefings, 'briefing')}, ${t.briefings === 1 ? 'undated' : 'all undated'}`
        : `${plural(t.briefings_undated, 'undated briefing')}; latest dated one ${t.latest_briefing_year}`;
    case 'recent':
      return `${plural(t.briefings, 'briefing')}, latest ${formatPublished(t.latest_briefing)}${undated}`;
  }
}

/** E.g. "In 7 of 12 reviews since 2022 (58%); rising (from 20% before 2022); no briefing since 2020." */
export function reasonSentence(s: ScoredTheme, w: PlannerWindow, latestYear: number): string {
  const recurrence = `In ${s.window_reviews} of ${plural(s.window_total, 'review')} ${windowPhrase(w, latestYear)} (${pct(s.trend.share)})`;
  return `${recurrence}; ${trendPhrase(s, w)}; ${coveragePhrase(s, s.gap.label)}.`;
}
