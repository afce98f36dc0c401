import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { applyStack, fitStack, outOfFoldStack, STACK_EXTRA, type StackData } from './stacking.ts';

const T = 3;

/**
 * Theme 1 is present exactly when theme 0 is, but its own first-stage score is noise around
 * 0.5; theme 0's score is informative; theme 2 is independent and informative.
 */
function coOccurring(n: number): StackData {
  const rand = mulberry32(3);
  const probs = new Float64Array(n * T);
  const y = new Uint8Array(n * T);
  for (let i = 0; i < n; i++) {
    const a = rand() < 0.5 ? 1 : 0;
    const c = rand() < 0.3 ? 1 : 0;
    y.set([a, a, c], i * T);
    probs.set([a ? 0.7 + 0.2 * rand() : 0.1 + 0.2 * rand(), 0.4 + 0.2 * rand(), c ? 0.6 + 0.3 * rand() : 0.1 + 0.3 * rand()], i * T);
  }
  return { probs, y, chars: new Array<number>(n).fill(1000), n, T };
}

const stacked = (w: Float64Array, probs: number[]): Float64Array => applyStack(w, Float64Array.from(probs), 1000, new Float64Array(T + STACK_EXTRA), new Float64Array(T));

describe('second stage', () => {
  const d = coOccurring(300);
  const rows = [...Array(d.n).keys()];

  it('learns that a theme comes with another', () => {
    for (const pairs of ['free', 'lift'] as const) {
      const w = fitStack(d, rows, { l2: 1, pull: 1, seed: 1, folds: 5, pairs });
      // Same uninformative own score; only theme 0's score differs.
      expect(stacked(w, [0.85, 0.5, 0.2])[1]).toBeGreaterThan(0.8);
      expect(stacked(w, [0.15, 0.5, 0.2])[1]).toBeLessThan(0.2);
      // The independent theme keeps its own evidence.
      expect(stacked(w, [0.5, 0.5, 0.85])[2]).toBeGreaterThan(0.5);
      expect(stacked(w, [0.5, 0.5, 0.15])[2]).toBeLessThan(0.5);
    }
  });

  it('is the identity when there is nothing to fit on', () => {
    const w = fitStack(d, [], { l2: 1, pull: 1, seed: 1, folds: 5 });
    const out = stacked(w, [0.9, 0.3, 0.05]);
    [0.9, 0.3, 0.05].forEach((p, t) => expect(out[t]).toBeCloseTo(p, 9));
  });

  it('scores only the fitted rows out of fold, deterministically', () => {
    const some = rows.filter((i) => i % 3 !== 0);
    const o = { l2: 3, pull: 3, seed: 7, folds: 4 };
    const a = outOfFoldStack(d, some, o);
    expect(Array.from(a)).toEqual(Array.from(outOfFoldStack(d, some, o)));
    expect(Array.from(a.subarray(0, T))).toEqual(Array.from(d.probs.subarray(0, T)));
    expect(a[1 * T + 1]).not.toBe(d.probs[1 * T + 1]);
  });
});
