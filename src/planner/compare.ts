/**
 * One partnership against the rest: is a theme's share of its reviews
 * different from everyone else's? Wilson intervals for each share and
 * Newcombe's hybrid score interval for the difference (Newcombe 1998, method
 * 10), which behave well at the small counts partnerships have.
 */

const Z95 = 1.959964;
/** Shares from fewer reviews than this are marked as small numbers. */
export const SMALL_N = 10;

/** Wilson score interval for k successes out of n (0–1; [0, 1] when n is 0). */
export function wilson(k: number, n: number, z = Z95): { lo: number; hi: number } {
  if (n <= 0) return { lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

export interface ShareCounts {
  local_k: number;
  local_n: number;
  rest_k: number;
  rest_n: number;
}

export type Reading = 'higher' | 'lower' | 'similar' | 'no-data';

export interface Comparison {
  local: number;
  rest: number;
  /** local − rest, and its 95% interval. */
  diff: number;
  lo: number;
  hi: number;
  /** Higher or lower only when the interval excludes zero. */
  reading: Reading;
  small: boolean;
}

/** The local share against the rest's, with a 95% interval for the difference. */
export function compareShares(c: ShareCounts): Comparison {
  const small = c.local_n < SMALL_N || c.rest_n < SMALL_N;
  if (c.local_n <= 0 || c.rest_n <= 0) return { local: 0, rest: 0, diff: 0, lo: -1, hi: 1, reading: 'no-data', small: true };
  const p1 = c.local_k / c.local_n;
  const p2 = c.rest_k / c.rest_n;
  const a = wilson(c.local_k, c.local_n);
  const b = wilson(c.rest_k, c.rest_n);
  const diff = p1 - p2;
  const lo = diff - Math.sqrt((p1 - a.lo) ** 2 + (b.hi - p2) ** 2);
  const hi = diff + Math.sqrt((a.hi - p1) ** 2 + (p2 - b.lo) ** 2);
  const reading: Reading = lo > 0 ? 'higher' : hi < 0 ? 'lower' : 'similar';
  return { local: p1, rest: p2, diff, lo, hi, reading, small };
}

export const READING_WORDS: Record<Reading, string> = {
  higher: 'More often here',
  lower: 'Less often here',
  similar: 'No clear difference',
  'no-data': 'Not enough reviews',
};
