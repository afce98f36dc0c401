/**
 * The ranked list as records: one source for the on-screen table, the print
 * summary and the CSV, so the three always agree.
 */
import { formatPublished, reasonSentence, TREND_WORDS } from './reasons.ts';
import type { Ranking, ScoredTheme } from './score.ts';
import type { Weights } from './score.ts';
import { windowLabel, type PlannerWindow } from './window.ts';
import { NumberText, toCsv } from '../lib/csv.ts';

/** Scores are shown and exported as whole numbers. */
export const displayScore = (s: Pick<ScoredTheme, 'score'>) => Math.round(s.score);

export const PLANNER_CSV_HEADER = [
  'Rank', 'Theme', 'Theme group', 'Priority score', 'Reviews with theme in window', 'Reviews in window',
  'Share in window (%)', 'Share before window (%)', 'Trend', 'Briefings', 'Briefings since window start',
  'Undated briefings', 'Latest dated briefing', 'Reason', 'Starting evidence', 'Starting evidence from',
  'Window', 'Weights (recurrence, trend, gap)', 'Produced on', 'Briefed in window (set apart)',
] as const;

/** A share as a percentage to one decimal, as every exported CSV writes shares (its count and base sit beside it). */
const percent = (share: number) => new NumberText((share * 100).toFixed(1));

/** What a ranking was made with, recorded on every exported line so a copy carries its own context. */
export interface PlannerContext {
  weights: Weights;
  /** ISO date the export was made. */
  producedOn: string;
  /** Per theme: the strongest evidence sentence and where it is from. */
  evidence: ReadonlyMap<string, { sentence: string; from: string }>;
}

const NO_CONTEXT: PlannerContext = { weights: { recurrence: 0, trend: 0, gap: 0 }, producedOn: '', evidence: new Map() };

/** One CSV record per ranked theme, in rank order, then the themes set apart as briefed in the window (no rank). */
export function plannerRecords(ranking: Ranking, window: PlannerWindow, latestYear: number, ctx: PlannerContext = NO_CONTEXT): (string | number | NumberText | null)[][] {
  const w = ctx.weights;
  const record = (s: ScoredTheme, briefed: boolean) => [
    briefed ? null : s.rank, s.label, s.group_label, displayScore(s), s.window_reviews, s.window_total,
    percent(s.trend.share), s.before_total ? percent(s.trend.before) : null,
    TREND_WORDS[s.trend.label], s.briefings, s.briefings_recent, s.briefings_undated,
    s.latest_briefing ? formatPublished(s.latest_briefing) : '', reasonSentence(s, window, latestYear),
    ctx.evidence.get(s.theme_id)?.sentence ?? '', ctx.evidence.get(s.theme_id)?.from ?? '',
    windowLabel(window), `${w.recurrence}, ${w.trend}, ${w.gap}`, ctx.producedOn, briefed ? 'yes' : 'no',
  ];
  return [...ranking.ranked.map((s) => record(s, false)), ...ranking.briefed.map((s) => record(s, true))];
}

/** The whole CSV document: one header line, then one line per theme. */
export function plannerCsv(ranking: Ranking, window: PlannerWindow, latestYear: number, ctx: PlannerContext = NO_CONTEXT): string {
  return toCsv(PLANNER_CSV_HEADER, plannerRecords(ranking, window, latestYear, ctx));
}

/** File name, e.g. `briefing-planner-warwickshire-2021-2023.csv`. */
export function plannerFileName(scopeIds: readonly string[], window: PlannerWindow): string {
  const scope = scopeIds.length === 0 ? 'all-partnerships' : scopeIds.length === 1 ? scopeIds[0]! : `${scopeIds.length}-partnerships`;
  const safe = scope.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scope';
  return `briefing-planner-${safe}-${windowLabel(window).replace('–', '-')}.csv`;
}

