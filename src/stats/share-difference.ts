/**
 * The one comparison method: is a theme's share of one partnership's reviews
 * different from its share of every other partnership's? The Partnerships
 * view, the planner and their exports all call compareShares, so the same
 * filter gives the same verdict everywhere.
 *
 * The difference of the two shares gets a 95% interval by Newcombe's hybrid
 * score method (Newcombe 1998, method 10: Wilson intervals of each share
 * combined), which keeps its coverage at the small counts partnerships have,
 * where the two-proportion z-test does not. A difference is called only when
 * the interval excludes zero and the partnership has at least SMALL_N reviews:
 * below that one review moves its share by more than 20 points.
 */
import { wilsonInterval } from './wilson.ts';

/** Fewer reviews than this and a share is a small number: shown faded, never called a difference or a rise. */
export const SMALL_N = 5;

/** The method in words, printed on every page that gives a verdict. */
export const COMPARISON_METHOD_TEXT =
  `Method: the difference between the two shares with a 95% interval (Newcombe’s hybrid score method). ` +
  `A theme is called more or less frequent only when that interval excludes zero and the partnership has at least ${SMALL_N} reviews; ` +
  `the other side is every other statutory partnership under the same filters.`;

export interface ShareCounts {
  local_k: number;
  local_n: number;
  rest_k: number;
  rest_n: number;
}

export type Reading = 'higher' | 'lower' | 'similar' | 'too-few' | 'no-data';

export interface Comparison {
  local: number;
  rest: number;
  /** local − rest, and its 95% interval. */
  diff: number;
  lo: number;
  hi: number;
  /** Higher or lower only when the interval excludes zero and there are enough reviews. */
  reading: Reading;
  /** Either side has fewer than SMALL_N reviews. */
  small: boolean;
}

/** The local share against the rest's, with a 95% interval for the difference and the verdict. */
export function compareShares(c: ShareCounts): Comparison {
  const small = c.local_n < SMALL_N || c.rest_n < SMALL_N;
  if (c.local_n <= 0 || c.rest_n <= 0) return { local: 0, rest: 0, diff: 0, lo: -1, hi: 1, reading: 'no-data', small: true };
  const p1 = c.local_k / c.local_n;
  const p2 = c.rest_k / c.rest_n;
  const a = wilsonInterval(c.local_k, c.local_n);
  const b = wilsonInterval(c.rest_k, c.rest_n);
  const diff = p1 - p2;
  const lo = diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2);
  const hi = diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2);
  const reading: Reading = small ? 'too-few' : lo > 0 ? 'higher' : hi < 0 ? 'lower' : 'similar';
  return { local: p1, rest: p2, diff, lo, hi, reading, small };
}

export const READING_WORDS: Record<Reading, string> = {
  higher: 'More often here',
  lower: 'Less often here',
  similar: 'No clear difference',
  'too-few': 'Too few reviews to call',
  'no-data': 'Not enough reviews',
};
