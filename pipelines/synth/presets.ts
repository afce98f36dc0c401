/** Corpus sizes the generator and the benchmark know by name. */

export interface CorpusScale {
  reviews: number;
  briefings: number;
  /** Passages across all documents (reviews carry ~60% of them, briefings the rest). */
  passages: number;
}

export const PRESETS = {
  /** A quick corpus for trying things out. */
  small: { reviews: 1_000, briefings: 4_000, passages: 66_000 },
  /** Roughly every case review and briefing published in England. */
  national: { reviews: 1_500, briefings: 6_000, passages: 100_000 },
  /** Ten times the national corpus: headroom for years to come and imported documents. */
  x10: { reviews: 15_000, briefings: 60_000, passages: 1_000_000 },
} as const satisfies Record<string, CorpusScale>;

export type PresetName = keyof typeof PRESETS;

/** The preset of that name, or an error listing the valid names. */
export function presetScale(name: string): CorpusScale {
  if (name in PRESETS) return PRESETS[name as PresetName];
  throw new Error(`Unknown preset "${name}": use one of ${Object.keys(PRESETS).join(', ')}.`);
}
