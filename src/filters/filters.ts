/**
 * The filters every view shares: their type, the empty set and the form a
 * text search is stored under. Pure; the SQL they become is in
 * src/queries/filters.ts, the URL form in url.ts.
 */
import type { ReviewType } from '../schema/records.ts';

export interface Filters {
  partnerships: string[];
  regions: string[];
  yearFrom: number | null;
  yearTo: number | null;
  types: ReviewType[];
  themes: string[];
  q: string;
  /**
   * Count title-only reviews (those whose only text is their briefings' titles,
   * see src/queries/derived.ts) as reviews with themes. Off by default: their
   * themes repeat what was already briefed, so counting them would make "what
   * keeps coming up" mean "what we already briefed on".
   */
  titleOnly: boolean;
  /**
   * The nation whose reviews count; null for every nation. Defaults to
   * England: the app describes England's reviews, and entries from other
   * nations (kept in the catalogue) are there to be looked at on purpose.
   * A partnership without a recorded nation counts as England.
   */
  nation: string | null;
  /**
   * Only reviews whose themes came (at least in part) from these tag sources;
   * empty for any source. See TAG_SOURCE_CHOICES.
   */
  tagSources: TagSourceChoice[];
}

/** The nation the filters start on. */
export const DEFAULT_NATION = 'England';

/**
 * Where a review's themes came from, as the filter offers it: experts' labels
 * (manual tags), the tagger (model and phrase-rule tags) or the learning
 * keywords a published catalogue lists (catalogue tags).
 */
export const TAG_SOURCE_CHOICES = ['expert', 'tagger', 'catalogue'] as const;
export type TagSourceChoice = (typeof TAG_SOURCE_CHOICES)[number];

export const TAG_SOURCE_LABELS: Record<TagSourceChoice, string> = {
  expert: 'Expert labels', tagger: 'Tagger', catalogue: 'Catalogue keywords',
};

/** Bit of each choice in a review's tag-source mask (review_facts.tag_sources, the index's tagSources). */
export const TAG_SOURCE_BITS: Record<TagSourceChoice, number> = { expert: 1, tagger: 2, catalogue: 4 };

/** The mask of the chosen tag sources; 0 when none is chosen (no narrowing). */
export function tagSourceMask(choices: readonly TagSourceChoice[]): number {
  return choices.reduce((m, c) => m | TAG_SOURCE_BITS[c], 0);
}

export const NO_FILTERS: Filters = {
  partnerships: [], regions: [], yearFrom: null, yearTo: null, types: [], themes: [], q: '', titleOnly: false,
  nation: DEFAULT_NATION, tagSources: [],
};

/** True when no filter narrows the data beyond the defaults. */
export function isUnfiltered(f: Filters): boolean {
  return !f.partnerships.length && !f.regions.length && f.yearFrom === null && f.yearTo === null &&
    !f.types.length && !f.themes.length && f.q.trim() === '' && f.nation === DEFAULT_NATION && !f.tagSources.length;
}

/** The form a search is stored under: matching ignores case and surrounding spaces. */
export function searchKey(q: string): string {
  return q.trim().toLowerCase();
}
