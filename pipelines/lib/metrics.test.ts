import { describe, expect, it } from 'vitest';
import { cohensKappa, multiLabel, topK } from './metrics.ts';

describe('metrics', () => {
  it("computes Cohen's kappa", () => {
    expect(cohensKappa(5, 0, 0, 5)).toBe(1);
    expect(cohensKappa(20, 5, 10, 15)).toBeCloseTo(0.4);
  });

  it('computes micro and macro F1 over supported themes', () => {
    const s = multiLabel(['a', 'b', 'c'], [['a'], ['a', 'b']], [['a', 'c'], ['b']]);
    expect(s.microF1).toBeCloseTo((2 * 2) / (2 * 2 + 1 + 1));
    expect(s.macroF1).toBeCloseTo((2 / 3 + 1) / 2);
    expect(s.microPrecision).toBeCloseTo(2 / 3);
    expect(s.microRecall).toBeCloseTo(2 / 3);
    expect(s.meanGold).toBe(1.5);
  });

  it('scores top-k', () => {
    expect(topK([['a'], ['b']], [['a', 'b'], ['a', 'c', 'b']], 1)).toBe(0.5);
    expect(topK([['a'], ['b']], [['a', 'b'], ['a', 'c', 'b']], 3)).toBe(1);
  });
});
