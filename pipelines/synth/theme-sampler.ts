/**
 * Draws sets of themes with the prevalence and co-occurrence seen in the
 * labelled reviews (data/cases/dev-reviews.jsonl gold lists), so synthetic
 * charts have the shape of real ones: a few dominant themes, clusters that
 * travel together, rare ones that stay rare.
 */
import type { Random } from './random.ts';

/** Domestic abuse, parental mental health and substance misuse cluster in practice; the gold set is too small to show it fully. */
const CLUSTER = new Set(['domestic-abuse', 'parental-mental-health', 'substance-misuse']);
/** Themes that only make sense in some years. */
const YEAR_LIMITS: Record<string, [number, number]> = { 'covid-19': [2020, 2023] };

export interface ThemeStats {
  ids: string[];
  /** Smoothed share of labelled documents carrying each theme. */
  prevalence: number[];
  /** lift[i][j]: how much more often i and j appear together than by chance (clamped). */
  lift: number[][];
  /** Observed numbers of themes per document. */
  setSizes: number[];
}

/** Estimates prevalence and pairwise lift from gold theme lists. */
export function themeStats(ids: readonly string[], goldLists: readonly string[][]): ThemeStats {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = goldLists.length;
  const counts = new Array<number>(ids.length).fill(0);
  const pairs = ids.map(() => new Array<number>(ids.length).fill(0));
  for (const gold of goldLists) {
    const present = [...new Set(gold)].map((g) => index.get(g)).filter((i): i is number => i !== undefined);
    for (const i of present) {
      counts[i]!++;
      for (const j of present) if (i !== j) pairs[i]![j]!++;
    }
  }
  const prevalence = counts.map((c) => (c + 1) / (n + 2));
  const lift = ids.map((a, i) =>
    ids.map((b, j) => {
      const expected = n * prevalence[i]! * prevalence[j]!;
      const observed = (pairs[i]![j]! + 0.5) / (expected + 0.5);
      const boost = CLUSTER.has(a) && CLUSTER.has(b) && a !== b ? 2.5 : 1;
      return Math.min(4, Math.max(0.3, observed)) * boost;
    }),
  );
  const setSizes = goldLists.map((g) => g.length).filter((k) => k > 0);
  return { ids: [...ids], prevalence, lift, setSizes: setSizes.length ? setSizes : [3] };
}

/** Draws one document's themes: size from the observed sizes, each next theme weighted by prevalence × lift with those chosen. */
export function sampleThemes(stats: ThemeStats, rng: Random, year: number | null, size?: number): string[] {
  const k = size ?? rng.pick(stats.setSizes);
  const chosen: number[] = [];
  const weights = stats.prevalence.map((p, i) => {
    const limit = YEAR_LIMITS[stats.ids[i]!];
    return limit && (year === null || year < limit[0] || year > limit[1]) ? 0 : p;
  });
  for (let step = 0; step < k; step++) {
    const w = weights.map((p, j) => (chosen.includes(j) ? 0 : chosen.reduce((acc, i) => acc * stats.lift[i]![j]!, p)));
    if (w.every((x) => x === 0)) break;
    chosen.push(rng.weighted(w));
  }
  return chosen.map((i) => stats.ids[i]!);
}
