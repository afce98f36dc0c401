/**
 * Duplicate reviews (same id, or same partnership and case, see sameReview) are merged rather
 * than doubled: fields the kept record lacks are filled from the duplicate.
 */
import { slugify } from '../schema/partnership-name.ts';
import type { Review } from '../schema/records.ts';
import { mergeByKeySteps } from './merge-by-key.ts';
import { runSteps, type Steps } from './work-steps.ts';

export interface MergeResult {
  reviews: Review[];
  /** Maps the id of every review merged away to the id it was merged into. */
  mergedInto: Map<string, string>;
  messages: string[];
}

/** The key two reviews share when they are the same case. */
export function reviewCaseKey(r: Pick<Review, 'partnership_id' | 'case_name'>): string {
  return `${r.partnership_id}|${slugify(r.case_name.replace(/^child\s+/i, 'child-'))}`;
}

function fillGaps(kept: Review, extra: Review): Review {
  const merged = { ...kept } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    if ((merged[key] === null || merged[key] === undefined || merged[key] === 'other') && value !== null) merged[key] = value;
  }
  // Keep the finer publication date (a month beats a bare year).
  if ((extra.published?.length ?? 0) > (kept.published?.length ?? 0)) {
    merged.published = extra.published;
    merged.published_on = extra.published_on;
    merged.year = extra.year;
  }
  return merged as unknown as Review;
}

/** Publication years further apart than this are two reviews, whatever their names. */
export const SAME_REVIEW_MAX_YEARS_APART = 1;

/**
 * Whether two reviews of one partnership under one case name are the same review. A generic name
 * ("Child Y", "Child A") is reused by a partnership for different children years apart, so a shared
 * source address says "same", publication years more than SAME_REVIEW_MAX_YEARS_APART apart say
 * "different", and otherwise the name decides. Types are not compared: sources disagree on them for
 * one review (a practice review listed as a serious case review in the year the regimes changed).
 */
export function sameReview(a: Review, b: Review): boolean {
  if (a.source_url && a.source_url === b.source_url) return true;
  if (a.year !== null && b.year !== null && Math.abs(a.year - b.year) > SAME_REVIEW_MAX_YEARS_APART) return false;
  return true;
}

/**
 * Made-up ids for the reviews of one file that carry no id of their own. A name the file gives two
 * reviews published years apart is two reviews (sameReview), and one id would merge them, so each later
 * one gets its year in its id. `seen` (made-up id → years given it) may be shared by the slices of one file.
 */
export function madeUpReviewIds(seen = new Map<string, Array<number | null>>()) {
  return (base: string, year: number | null): string => {
    const years = seen.get(base) ?? [];
    seen.set(base, [...years, year]);
    const apart = years.some((y) => y !== null && year !== null && Math.abs(y - year) > SAME_REVIEW_MAX_YEARS_APART);
    return apart ? `${base}-${year}` : base;
  };
}

/** The kept namesake `r` is the same review as: one at the same address first, else the first that sameReview accepts. */
function pickSameReview(namesakes: Review[], r: Review): Review | undefined {
  return namesakes.find((kept) => kept.source_url && kept.source_url === r.source_url) ?? namesakes.find((kept) => sameReview(kept, r));
}

const describeReview = (r: Review) => `${r.case_name} (${r.partnership_id}, ${r.published ?? 'no date'}, ${r.review_type})`;

/** mergeReviews as steps that may be paused between; `keyOf` may be a memoised reviewCaseKey. */
export function* mergeReviewsSteps(existing: readonly Review[], incoming: readonly Review[], keyOf = reviewCaseKey): Steps<MergeResult> {
  const { kept, mergedInto, messages } = yield* mergeByKeySteps([...existing, ...incoming], keyOf, fillGaps, describeReview, pickSameReview);
  return { reviews: kept, mergedInto, messages };
}

/** Merges `incoming` into `existing`; earlier records win where both have a value. */
export function mergeReviews(existing: readonly Review[], incoming: readonly Review[]): MergeResult {
  return runSteps(mergeReviewsSteps(existing, incoming));
}
