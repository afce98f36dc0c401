/**
 * The rule that flags a theme as emerging. Stated once here and shown on the
 * Trends page in plain words, so the page and the maths cannot disagree.
 */
import { fisherGreater } from './fisher.ts';

export const EMERGING_RULE = {
  /** Years in the recent window, ending at the latest year with reviews. */
  recentYears: 2,
  /** Years in the earlier window just before it. */
  earlierYears: 3,
  /** One-sided significance level for Fisher's exact test. */
  alpha: 0.05,
  /** Fewest recent reviews with the theme before it can be flagged. */
  minRecent: 3,
} as const;

export interface WindowCounts {
  recent: number;
  recentTotal: number;
  earlier: number;
  earlierTotal: number;
}

export interface EmergingResult extends WindowCounts {
  recentShare: number;
  earlierShare: number;
  /** Percentage-point change in share. */
  change: number;
  pValue: number;
  emerging: boolean;
}

/** Applies the rule to one theme's counts in the two windows. */
export function assessEmerging(c: WindowCounts, rule = EMERGING_RULE): EmergingResult {
  const recentShare = c.recentTotal ? c.recent / c.recentTotal : 0;
  const earlierShare = c.earlierTotal ? c.earlier / c.earlierTotal : 0;
  const pValue = c.recentTotal && c.earlierTotal
    ? fisherGreater(c.recent, c.recentTotal - c.recent, c.earlier, c.earlierTotal - c.earlier)
    : 1;
  return {
    ...c, recentShare, earlierShare, change: (recentShare - earlierShare) * 100, pValue,
    emerging: c.recent >= rule.minRecent && recentShare > earlierShare && pValue < rule.alpha,
  };
}

/** The recent and earlier windows ending at `latestYear`, as inclusive year ranges. */
export function emergingWindows(latestYear: number, rule = EMERGING_RULE) {
  const recentFrom = latestYear - rule.recentYears + 1;
  return {
    recent: { from: recentFrom, to: latestYear },
    earlier: { from: recentFrom - rule.earlierYears, to: recentFrom - 1 },
  };
}
