import { describe, expect, it } from 'vitest';
import { assessEmerging, emergingWindows } from './emerging.ts';
import { fisherGreater, fisherTwoSided } from './fisher.ts';
import { lift } from './lift.ts';
import { wilsonInterval } from './wilson.ts';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // 81 of 263: 0.2553–0.3662 (Wilson 1927 / Newcombe 1998 example).
    const i = wilsonInterval(81, 263);
    expect(i.low).toBeCloseTo(0.2553, 3);
    expect(i.high).toBeCloseTo(0.3662, 3);
  });
  it('stays inside 0..1 at the edges', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ estimate: 0, low: 0, high: 0 });
  });
});

describe('Fisher exact test', () => {
  it('matches R fisher.test on the tea-tasting table', () => {
    // fisher.test(matrix(c(3,1,1,3),2), alternative="greater")$p.value = 0.2429
    expect(fisherGreater(3, 1, 1, 3)).toBeCloseTo(0.2429, 4);
    expect(fisherTwoSided(3, 1, 1, 3)).toBeCloseTo(0.4857, 4);
  });
  it('gives small p for a clear rise and 1 when nothing is higher', () => {
    expect(fisherGreater(10, 0, 0, 10)).toBeCloseTo(1 / 184756, 9);
    expect(fisherGreater(0, 10, 5, 5)).toBe(1);
  });
});

describe('lift', () => {
  it('is 1 under independence and null without occurrences', () => {
    expect(lift(25, 50, 50, 100)).toBe(1);
    expect(lift(10, 10, 10, 100)).toBe(10);
    expect(lift(0, 0, 5, 10)).toBeNull();
  });
});

describe('emerging rule', () => {
  it('flags a significant rise with enough recent reviews', () => {
    const r = assessEmerging({ recent: 8, recentTotal: 10, earlier: 2, earlierTotal: 15 });
    expect(r.emerging).toBe(true);
    expect(r.change).toBeCloseTo(80 - 13.333, 2);
  });
  it('does not flag a rise on too few reviews, or a fall', () => {
    expect(assessEmerging({ recent: 2, recentTotal: 2, earlier: 0, earlierTotal: 10 }).emerging).toBe(false);
    expect(assessEmerging({ recent: 1, recentTotal: 10, earlier: 8, earlierTotal: 10 }).emerging).toBe(false);
    expect(assessEmerging({ recent: 0, recentTotal: 0, earlier: 0, earlierTotal: 0 }).pValue).toBe(1);
  });
  it('windows end at the latest year', () => {
    expect(emergingWindows(2024)).toEqual({ recent: { from: 2023, to: 2024 }, earlier: { from: 2020, to: 2022 } });
  });
});
