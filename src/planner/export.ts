/**
 * The ranked list as records: one source for the on-screen table, the print
 * summary and the CSV, so the three always agree.
 */
import { formatPublished, reasonSentence, TREND_WORDS } from './reasons.ts';
import type { Ranking, ScoredTheme } from './score.ts';
import { windowLabel, type PlannerWindow } from './window.ts';
import { NumberText, toCsv } from '../lib/csv.ts';

/** Scores are shown and exported as whole numbers. */
export const displayScore = (s: Pick<ScoredTheme, 'score'>) => Math.round(s.score);

export const PLANNER_CSV_HEADER = [
  'Rank', 'Theme', 'Theme group', 'Priority score', 'Reviews with theme in window', 'Reviews in window',
  'Share in window (%)', 'Share before window (%)', 'Trend', 'Briefings', 'Briefings since window start',
  'Undated briefings', 'Latest dated briefing', 'Reason',
] as const;

/** A share as a percentage to one decimal, as every exported CSV writes shares (its count and base sit beside it). */
const percent = (share: number) => new NumberText((share * 100).toFixed(1));

/** One CSV record per ranked theme, in rank order. */
export function plannerRecords(ranking: Ranking, window: PlannerWindow, latestYear: number): (string | number | NumberText | null)[][] {
  return ranking.ranked.map((s) => [
    s.rank, s.label, s.group_label, displayScore(s), s.window_reviews, s.window_total,
    percent(s.trend.share), s.before_total ? percent(s.trend.before) : null,
    TREND_WORDS[s.trend.label], s.briefings, s.briefings_recent, s.briefings_undated,
    s.latest_briefing ? formatPublished(s.latest_briefing) : '', reasonSentence(s, window, latestYear),
  ]);
}

/** The whole CSV document: one header line, then one line per ranked theme. */
export function plannerCsv(ranking: Ranking, window: PlannerWindow, latestYear: number): string {
  return toCsv(PLANNER_CSV_HEADER, plannerRecords(ranking, window, latestYear));
}

/** File name, e.g. `briefing-planner-warwickshire-2021-2023.csv`. */
export function plannerFileName(scopeIds: readonly string[], window: PlannerWindow): string {
  const scope = scopeIds.length === 0 ? 'all-partnerships' : scopeIds.length === 1 ? scopeIds[0]! : `${scopeIds.length}-partnerships`;
  const safe = scope.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scope';
  return `briefing-planner-${safe}-${windowLabel(window).replace('–', '-')}.csv`;
}

