/**
 * Priority of each theme for the next briefing: how often it recurs in recent
 * reviews, whether that is rising, and how far briefings lag behind. Pure, so
 * the formula on the page, the ranking and the CSV are one piece of logic.
 */
import type { PlannerWindow } from './window.ts';

/** Per-theme counts for one scope and window (one row of the coverage query). */
export interface ThemeCoverage {
  theme_id: string;
  label: string;
  group_label: string;
  /** Dated reviews in scope published in the window, and how many carry the theme. */
  window_total: number;
  window_reviews: number;
  /** Dated reviews in scope published before the window, and how many carry the theme. */
  before_total: number;
  before_reviews: number;
  /** Briefings in scope on the theme: all, dated in or after the window start, and undated. */
  briefings: number;
  briefings_recent: number;
  briefings_undated: number;
  /** Year and date text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) of the latest dated briefing. */
  latest_briefing_year: number | null;
  latest_briefing: string | null;
}

/** Relative weights of the three components, each 0–10. */
export interface Weights {
  recurrence: number;
  trend: number;
  gap: number;
}

export const DEFAULT_WEIGHTS: Weights = { recurrence: 5, trend: 2, gap: 3 };
export const WEIGHT_MAX = 10;

export type TrendLabel = 'rising' | 'falling' | 'steady' | 'unknown';
export type GapLabel = 'none' | 'old' | 'undated' | 'recent';

/** A change in share counts as rising or falling beyond both of these. */
const TREND_RELATIVE = 0.25;
const TREND_POINTS = 0.05;
/** Fewer reviews than this on either side make a share too coarse to compare (1 of 2 is already 50%). */
export const MIN_TREND_REVIEWS = 3;

export interface Trend {
  /** −1 … 1: (window share − earlier share) ÷ the larger of the two; 0 with too few reviews to compare. */
  value: number;
  label: TrendLabel;
  share: number;
  before: number;
}

/** Share of reviews carrying the theme, in the window and before it. */
export function trendOf(t: ThemeCoverage): Trend {
  const share = t.window_total ? t.window_reviews / t.window_total : 0;
  const before = t.before_total ? t.before_reviews / t.before_total : 0;
  if (t.before_total < MIN_TREND_REVIEWS || t.window_total < MIN_TREND_REVIEWS) return { value: 0, label: 'unknown', share, before };
  const top = Math.max(share, before);
  const value = top === 0 ? 0 : (share - before) / top;
  const moved = Math.abs(share - before) >= TREND_POINTS && Math.abs(value) >= TREND_RELATIVE;
  return { value, label: !moved ? 'steady' : value > 0 ? 'rising' : 'falling', share, before };
}

/**
 * How far briefings lag: 1 with no briefing on the theme, 0.75 when the
 * latest is older than the window, 0.5 when the only ones since are undated
 * (they cover the theme, but nobody can say how recently), 0 with one dated
 * in or after the window's first year.
 */
export function coverageGap(t: ThemeCoverage): { value: number; label: GapLabel } {
  if (t.briefings_recent > 0) return { value: 0, label: 'recent' };
  if (t.briefings_undated > 0) return { value: 0.5, label: 'undated' };
  if (t.briefings > 0) return { value: 0.75, label: 'old' };
  return { value: 1, label: 'none' };
}

export interface ScoredTheme extends ThemeCoverage {
  rank: number;
  /** 0–100 (negative when a falling trend outweighs the rest). */
  score: number;
  /** Recurrence component: this theme's window share ÷ the highest window share of any theme. */
  recurrence: number;
  trend: Trend;
  gap: { value: number; label: GapLabel };
}

export interface Ranking {
  ranked: ScoredTheme[];
  /** Themes in no review of the window: not ranked, listed so nothing silently disappears. */
  absent: ThemeCoverage[];
  /**
   * Themes already briefed in or after the window's first year, set apart (the
   * planner promises themes with no recent briefing); empty when they are ranked.
   */
  briefed: ScoredTheme[];
}

export interface RankOptions {
  /** Set apart themes briefed inside the window (default) rather than rank them. */
  setApartBriefed?: boolean;
}

/** Weighted mean of the components, scaled to 0–100; all-zero weights give 0. */
export function priority(components: { recurrence: number; trend: number; gap: number }, w: Weights): number {
  const total = w.recurrence + w.trend + w.gap;
  if (total <= 0) return 0;
  return (100 * (w.recurrence * components.recurrence + w.trend * components.trend + w.gap * components.gap)) / total;
}

/**
 * Ranks the themes that occur in the window by priority. Ties go to the theme
 * in more reviews, then alphabetically, so the order is stable.
 */
export function rankThemes(rows: readonly ThemeCoverage[], w: Weights, opts: RankOptions = {}): Ranking {
  const setApart = opts.setApartBriefed ?? true;
  const present = rows.filter((r) => r.window_reviews > 0);
  const absent = rows.filter((r) => r.window_reviews <= 0).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const topShare = Math.max(0, ...present.map((r) => r.window_reviews / (r.window_total || 1)));
  const scored = present.map((r) => {
    const trend = trendOf(r);
    const gap = coverageGap(r);
    const recurrence = topShare ? trend.share / topShare : 0;
    const score = priority({ recurrence, trend: trend.value, gap: gap.value }, w);
    return { ...r, rank: 0, score, recurrence, trend, gap };
  });
  scored.sort((a, b) => b.score - a.score || b.window_reviews - a.window_reviews || a.label.localeCompare(b.label, 'en-GB'));
  const briefed = setApart ? scored.filter((s) => s.briefings_recent > 0) : [];
  const open = setApart ? scored.filter((s) => s.briefings_recent === 0) : scored;
  return { ranked: open.map((s, i) => ({ ...s, rank: i + 1 })), absent, briefed };
}

/** The formula as the page prints it, with the weights in force. */
export function formulaText(w: Weights, window: PlannerWindow): string {
  const total = w.recurrence + w.trend + w.gap;
  return `Priority = 100 × (${w.recurrence} × recurrence + ${w.trend} × trend + ${w.gap} × briefing gap) ÷ ${total || 1}` +
    `, for reviews published ${window.from === window.to ? `in ${window.from}` : `${window.from}–${window.to}`}`;
}
