/**
 * Agreement between the tagger and people (expert labels, the user's
 * corrections) for one theme, from the 2×2 table of their yes/no answers.
 */
export interface Confusion {
  /** Both say the theme applies. */
  tp: number;
  /** The tagger says yes, people say no. */
  fp: number;
  /** The tagger says no, people say yes. */
  fn: number;
  /** Both say no. */
  tn: number;
}

/** A 95% interval for a proportion. */
export interface Interval {
  low: number;
  high: number;
}

export interface Agreement extends Confusion {
  n: number;
  /** Of the tagger's yeses, the share people agree with; null when it never said yes. */
  precision: number | null;
  /** Of the people's yeses, the share the tagger found; null when people never said yes. */
  recall: number | null;
  /** Cohen's κ: agreement beyond chance; null when undefined (no judgments, or both always give the same answer). */
  kappa: number | null;
  /** 95% Wilson intervals for precision and recall; null when the proportion is undefined. */
  precisionCI: Interval | null;
  recallCI: Interval | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Cohen's κ for two raters and two categories. */
export function cohensKappa({ tp, fp, fn, tn }: Confusion): number | null {
  const n = tp + fp + fn + tn;
  if (n === 0) return null;
  const observed = (tp + tn) / n;
  const chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  if (chance === 1) return null;
  return (observed - chance) / (1 - chance);
}

/**
 * Wilson's 95% score interval for k successes in n trials: unlike the plain ± 1.96·SE it stays
 * inside 0..1 and is honest for the small counts thin themes have.
 */
export function wilson(k: number, n: number, z = 1.96): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** An interval as a reader sees it: "43–79%" (empty when there is none). */
export function intervalText(ci: Interval | null): string {
  return ci ? `${Math.round(ci.low * 100)}–${Math.round(ci.high * 100)}%` : '';
}

/** Precision, recall (with 95% intervals) and κ from a confusion table. */
export function agreement(c: Confusion): Agreement {
  return {
    ...c,
    n: c.tp + c.fp + c.fn + c.tn,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    kappa: cohensKappa(c),
    precisionCI: wilson(c.tp, c.tp + c.fp),
    recallCI: wilson(c.tp, c.tp + c.fn),
  };
}

export type Verdict = 'reliable' | 'fair' | 'careful' | 'too-few';

/** Fewer judgments than this say too little about a theme. */
export const MIN_JUDGMENTS = 10;
/** Fewer positive judgments (by either side) than this make any rate meaningless. */
export const MIN_POSITIVES = 3;
/** "Usually": right more often than not, and finding more than it misses. */
const USUALLY = 0.5;

/**
 * A verdict from the 95% intervals: "usually right" only when the lower bounds of both
 * precision and recall are above one half (the figures support it, not just the point
 * estimates); "take care" when either point estimate is below one half; "check" between.
 */
export function verdict(a: Agreement): Verdict {
  if (a.n < MIN_JUDGMENTS || a.tp + a.fn + a.fp < MIN_POSITIVES || a.precision === null || a.recall === null) return 'too-few';
  if (a.precisionCI!.low > USUALLY && a.recallCI!.low > USUALLY) return 'reliable';
  if (a.precision < USUALLY || a.recall < USUALLY) return 'careful';
  return 'fair';
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;
const inTen = (x: number) => Math.round(x * 10);

/** "6 in 10 tags right, finds 5 in 10": precision and recall as a reader says them. */
export function rates(a: Agreement): string {
  const right = a.precision === null ? 'no tags to judge' : `${inTen(a.precision)} in 10 tags right`;
  const finds = a.recall === null ? 'nothing to find' : `finds ${inTen(a.recall)} in 10`;
  return `${right}, ${finds}`;
}

/** One line for a theme wherever its tags are shown: "Fathers and men: 6 in 10 tags right, finds 5 in 10". */
export function reliabilityLine(theme: string, a: Agreement): string {
  return `${theme}: ${rates(a)}`;
}

/** One plain-words sentence about how far to trust the tagger on a theme. */
export function reading(theme: string, a: Agreement): string {
  const basis = `${rates(a)}; ${plural(a.n, 'judgment')}`;
  switch (verdict(a)) {
    case 'reliable':
      return `The tagger is usually right about ${theme} (${basis}).`;
    case 'fair':
      return `The tagger is often right about ${theme}, but the figures are too uncertain to rely on: check its tags (${basis}).`;
    case 'careful': {
      const why = a.precision! < a.recall! ? 'it tags it where people do not' : 'it misses it where people see it';
      return `Treat ${theme} with care: ${why} (${basis}).`;
    }
    case 'too-few':
      return `Too few judgments on ${theme} to say (${plural(a.n, 'judgment')}, ${plural(a.tp + a.fn, 'positive')}).`;
  }
}
