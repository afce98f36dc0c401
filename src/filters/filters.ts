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
}

export const NO_FILTERS: Filters = {
  partnerships: [], regions: [], yearFrom: null, yearTo: null, types: [], themes: [], q: '', titleOnly: false,
};

/** True when no filter narrows the data. */
export function isUnfiltered(f: Filters): boolean {
  return !f.partnerships.length && !f.regions.length && f.yearFrom === null && f.yearTo === null &&
    !f.types.length && !f.themes.length && f.q.trim() === '';
}

/** The form a search is stored under: matching ignores case and surrounding spaces. */
export function searchKey(q: string): string {
  return q.trim().toLowerCase();
}
