import { describe, expect, it } from 'vitest';
import { compareShares, SMALL_N } from './share-difference.ts';
import { wilsonInterval } from './wilson.ts';

describe('wilsonInterval', () => {
  it('matches the published interval for 81 of 263 (Newcombe 1998)', () => {
    const { low, high } = wilsonInterval(81, 263);
    expect(low).toBeCloseTo(0.2553, 3);
    expect(high).toBeCloseTo(0.3662, 3);
  });
});

describe('compareShares', () => {
  it('matches Newcombe’s worked example 56/70 vs 48/80 (difference 0.2, 95% CI 0.0524 to 0.3339)', () => {
    const c = compareShares({ local_k: 56, local_n: 70, rest_k: 48, rest_n: 80 });
    expect(c.diff).toBeCloseTo(0.2, 6);
    expect(c.lo).toBeCloseTo(0.0524, 3);
    expect(c.hi).toBeCloseTo(0.3339, 3);
    expect(c.reading).toBe('higher');
    expect(c.small).toBe(false);
  });

  it('calls a difference only when the interval excludes zero', () => {
    expect(compareShares({ local_k: 2, local_n: 8, rest_k: 10, rest_n: 40 }).reading).toBe('similar');
    expect(compareShares({ local_k: 0, local_n: 30, rest_k: 40, rest_n: 80 }).reading).toBe('lower');
  });

  it(`never calls a difference on fewer than ${SMALL_N} reviews, however wide the gap (3 of 4 against 0 of 40)`, () => {
    const c = compareShares({ local_k: 3, local_n: 4, rest_k: 0, rest_n: 40 });
    expect(c.lo).toBeGreaterThan(0);
    expect(c.reading).toBe('too-few');
    expect(c.small).toBe(true);
  });

  it('has no reading without reviews on one side', () => {
    expect(compareShares({ local_k: 0, local_n: 0, rest_k: 3, rest_n: 9 }).reading).toBe('no-data');
  });
});
