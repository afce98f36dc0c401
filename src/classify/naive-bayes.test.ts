import { describe, expect, it } from 'vitest';
import type { SparseVector } from './features.ts';
import { trainNaiveBayes } from './naive-bayes.ts';

const vec = (pairs: Array<[number, number]>): SparseVector => ({ n: pairs.length, idx: Int32Array.from(pairs, (p) => p[0]), val: Float64Array.from(pairs, (p) => p[1]) });

describe('trainNaiveBayes', () => {
  // Terms 0 and 1 belong to theme 0's documents, term 2 to theme 1's, term 3 to both; feature 4 is a lexicon input.
  const X = [vec([[0, 1], [3, 0.5], [4, 1]]), vec([[1, 1], [3, 0.5]]), vec([[2, 1], [3, 0.5]]), vec([[2, 0.8], [4, 1]])];
  const Y = Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
  const S = new Float64Array(8).fill(1);
  const w = trainNaiveBayes(X, Y, S, 5, 2, 4, 0.1);

  it("weighs a theme's own terms up and the other theme's down", () => {
    expect(w.W[0 * 2 + 0]).toBeGreaterThan(1);
    expect(w.W[2 * 2 + 0]).toBeLessThan(-1);
    expect(w.W[2 * 2 + 1]).toBeGreaterThan(1);
    expect(Math.abs(w.W[3 * 2 + 0]!)).toBeLessThan(w.W[0 * 2 + 0]!);
  });

  it('leaves the lexicon inputs and unknown cells out', () => {
    expect(w.W[4 * 2 + 0]).toBe(0);
    const unknown = Float64Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const v = trainNaiveBayes(X, Y, unknown, 5, 2, 4, 0.1);
    // With only the positive cells known, no theme has negatives to compare with: no weights.
    expect(Array.from(v.W).every((x) => x === 0)).toBe(true);
  });
});
