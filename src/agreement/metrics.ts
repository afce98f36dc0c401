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

export interface Agreement extends Confusion {
  n: number;
  /** Of the tagger's yeses, the share people agree with; null when it never said yes. */
  precision: number | null;
  /** Of the people's yeses, the share the tagger found; null when people never said yes. */
  recall: number | null;
  /** Cohen's κ: agreement beyond chance; null when undefined (no judgments, or both always give the same answer). */
  kappa: number | null;
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

/** Precision, recall and κ from a confusion table. */
export function agreement(c: Confusion): Agreement {
  return {
    ...c,
    n: c.tp + c.fp + c.fn + c.tn,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    kappa: cohensKappa(c),
  };
}

export type Verdict = 'reliable' | 'fair' | 'careful' | 'too-few';

/** Fewer judgments than this say too little about a theme. */
export const MIN_JUDGMENTS = 10;
/** Fewer positive judgments (by either side) than this make κ unstable. */
export const MIN_POSITIVES = 3;

/**
 * A verdict from κ (Landis & Koch's bands, merged): ≥ 0.6 substantial,
 * 0.4–0.6 moderate, below that treat with care; too few judgments otherwise.
 */
export function verdict(a: Agreement): Verdict {
  if (a.n < MIN_JUDGMENTS || a.tp + a.fn + a.fp < MIN_POSITIVES || a.kappa === null) return 'too-few';
  if (a.kappa >= 0.6) return 'reliable';
  if (a.kappa >= 0.4) return 'fair';
  return 'careful';
}

const fmt = (x: number) => x.toFixed(2);
const plural = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

/** One plain-words sentence about how far to trust the tagger on a theme. */
export function reading(theme: string, a: Agreement): string {
  const basis = `κ ${a.kappa === null ? '—' : fmt(a.kappa)} on ${plural(a.n, 'judgment')}`;
  switch (verdict(a)) {
    case 'reliable':
      return `The tagger is usually right about ${theme} (${basis}).`;
    case 'fair':
      return `The tagger is often right about ${theme}, but check its tags (${basis}).`;
    case 'careful': {
      const why = a.precision !== null && a.recall !== null && a.precision < a.recall ? 'it tags it where people do not' : 'it misses it where people see it';
      return `Treat ${theme} with care: ${why} (${basis}).`;
    }
    case 'too-few':
      return `Too few judgments on ${theme} to say (${plural(a.n, 'judgment')}, ${plural(a.tp + a.fn, 'positive')}).`;
  }
}
