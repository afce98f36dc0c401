import { describe, expect, it } from 'vitest';
import { agreement, cohensKappa, intervalText, reading, reliabilityLine, verdict, wilson } from './metrics.ts';

describe('agreement metrics', () => {
  it('computes precision, recall and κ for a textbook table', () => {
    // Cohen's κ example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → po 0.7, pe 0.5, κ 0.4.
    const a = agreement({ tp: 20, fp: 5, fn: 10, tn: 15 });
    expect(a.n).toBe(50);
    expect(a.precision).toBeCloseTo(0.8);
    expect(a.recall).toBeCloseTo(20 / 30);
    expect(a.kappa).toBeCloseTo(0.4);
  });

  it('is 1 for perfect agreement, 0 at chance, negative when worse than chance', () => {
    expect(cohensKappa({ tp: 5, fp: 0, fn: 0, tn: 5 })).toBe(1);
    expect(cohensKappa({ tp: 25, fp: 25, fn: 25, tn: 25 })).toBe(0);
    expect(cohensKappa({ tp: 0, fp: 5, fn: 5, tn: 0 })).toBeLessThan(0);
  });

  it('leaves undefined values null instead of dividing by zero', () => {
    expect(agreement({ tp: 0, fp: 0, fn: 0, tn: 0 })).toMatchObject({ n: 0, precision: null, recall: null, kappa: null });
    expect(agreement({ tp: 0, fp: 0, fn: 0, tn: 9 })).toMatchObject({ precision: null, recall: null, kappa: null });
  });

  it('reads the numbers in plain words, with the count behind them', () => {
    expect(reading('Neglect', agreement({ tp: 30, fp: 2, fn: 3, tn: 60 }))).toBe('The tagger is usually right about Neglect (9 in 10 tags right, finds 9 in 10; 95 judgments).');
    const weak = agreement({ tp: 2, fp: 6, fn: 2, tn: 2 });
    expect(verdict(weak)).toBe('careful');
    expect(reading('Escalation', weak)).toBe('Treat Escalation with care: it tags it where people do not (3 in 10 tags right, finds 5 in 10; 12 judgments).');
    expect(reading('Radicalisation', agreement({ tp: 1, fp: 0, fn: 0, tn: 4 }))).toMatch(/^Too few judgments on Radicalisation/);
    expect(reliabilityLine('Fathers and men', agreement({ tp: 6, fp: 4, fn: 6, tn: 40 }))).toBe('Fathers and men: 6 in 10 tags right, finds 5 in 10');
  });

  it('gives Wilson 95% intervals that stay inside 0..1 and narrow with more judgments', () => {
    const few = wilson(3, 3)!;
    expect(few.high).toBe(1);
    expect(few.low).toBeCloseTo(0.4385, 3);
    const many = wilson(30, 50)!;
    expect(many.low).toBeCloseTo(0.4618, 3);
    expect(many.high).toBeCloseTo(0.7239, 3);
    expect(wilson(0, 0)).toBeNull();
  });

  it('says "usually right" only when the lower bounds support it, not on perfect scores from a handful', () => {
    // 4 of 4 right and all 4 found: point estimates of 1, but the intervals reach down to 0.51.
    expect(verdict(agreement({ tp: 4, fp: 0, fn: 0, tn: 50 }))).toBe('reliable');
    // 3 of 3: the lower bound (0.44) does not clear one half.
    expect(verdict(agreement({ tp: 3, fp: 0, fn: 0, tn: 50 }))).toBe('fair');
    // 6 in 10 right and finds 6 in 10 on 10 positives: plausible, not established.
    expect(verdict(agreement({ tp: 6, fp: 4, fn: 4, tn: 50 }))).toBe('fair');
    expect(verdict(agreement({ tp: 60, fp: 10, fn: 12, tn: 500 }))).toBe('reliable');
  });

  it('writes an interval as whole percentages, and nothing when there is none', () => {
    expect(intervalText({ low: 0.4321, high: 0.789 })).toBe('43–79%');
    expect(intervalText(wilson(0, 0))).toBe('');
  });
});
