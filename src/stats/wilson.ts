/** Wilson score interval for a proportion: stays inside [0, 1] and behaves at small counts, unlike the normal approximation. */

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** 95% Wilson interval for `successes` out of `trials` (z = 1.96); all zeros when there are no trials. */
export function wilsonInterval(successes: number, trials: number, z = 1.959964): Interval {
  if (trials <= 0) return { estimate: 0, low: 0, high: 0 };
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 or all successes the exact bound is 0 or 1; rounding would leave 1e-16 off it.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === trials ? 1 : Math.min(1, centre + half);
  return { estimate: p, low, high };
}
