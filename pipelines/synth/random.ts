/** A small seeded random source, so a corpus is the same on every machine for the same seed. */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** An index drawn in proportion to `weights` (all ≥ 0, not all 0). */
  weighted(weights: readonly number[]): number;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough for synthetic data (not for anything secret). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    chance: (p) => next() < p,
  };
}

/** A child seed for one part of the corpus, so adding rows to one table does not reshuffle another. */
export function deriveSeed(seed: number, part: string): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
