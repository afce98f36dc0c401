import { describe, expect, it } from 'vitest';
import { agreement, cohensKappa, reading, verdict } from './metrics.ts';

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
    expect(reading('Neglect', agreement({ tp: 30, fp: 2, fn: 3, tn: 60 }))).toMatch(/^The tagger is usually right about Neglect \(κ 0\.88 on 95 judgments\)\.$/);
    const weak = agreement({ tp: 2, fp: 6, fn: 2, tn: 2 });
    expect(verdict(weak)).toBe('careful');
    expect(reading('Escalation', weak)).toBe('Treat Escalation with care: it tags it where people do not (κ -0.20 on 12 judgments).');
    expect(reading('Radicalisation', agreement({ tp: 1, fp: 0, fn: 0, tn: 4 }))).toMatch(/^Too few judgments on Radicalisation/);
  });
});
