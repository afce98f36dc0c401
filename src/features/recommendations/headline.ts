/**
 * The Recommendations view's headline. It counts under the filters, as every
 * chart and the list below it do, and shows its base: the reviews the filters
 * keep, the same number the Overview shows for them. The count of everything
 * held, every nation, comes second and says it ignores the filters.
 */
import { plural } from '../../lib/plural.ts';
import type { RecommendationBase } from '../../recommendations/recommendation-index.ts';

export interface HeadlineInput {
  base: RecommendationBase;
  /** Every recommendation held, before any filter. */
  total: number;
  /** The filters in plain words ("all partnerships; Wales; all years"). */
  filters: string;
  /** Whether a theme filter is set: it is matched on each recommendation's own themes, not on its review's. */
  themed: boolean;
}

export function recommendationsHeadline({ base, total, filters, themed }: HeadlineInput): string {
  const kept = `${plural(base.ofReviews, 'review')} the ${themed ? 'other filters keep' : 'filters keep'} (${filters})`;
  const matching = base.recommendations === 0
    ? `No recommendations match the filters: none of the ${kept} has one.`
    : `${plural(base.recommendations, 'recommendation')} ${base.recommendations === 1 ? 'matches' : 'match'} the filters, from ${base.reviews.toLocaleString('en-GB')} of the ${kept}.`;
  const themeNote = themed ? ' A theme filter is matched on each recommendation’s own themes.' : '';
  const held = ` All reviews held, every nation and no filter: ${plural(total, 'recommendation')} found in catalogue entries and imported reports.`;
  return matching + themeNote + held;
}
