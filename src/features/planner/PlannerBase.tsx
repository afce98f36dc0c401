import type { PlannerYearsRow } from '../../queries/planner.ts';
import { plural } from '../../lib/plural.ts';

/**
 * What the planner counts from, counted as the Overview counts under the same filters: reviews (title-only
 * set apart unless switched on), how many carry a theme, partnerships (statutory only) and briefings
 * (de-duplicated; unlike the Overview, partnership statements are left out, and the line says so).
 */
export function PlannerBase({ years, partnershipsFiltered }: { years: PlannerYearsRow; partnershipsFiltered: boolean }) {
  const tagged = years.reviews - years.untagged_reviews;
  return (
    <p className="hint planner-base" data-testid="planner-base" data-reviews={years.reviews} data-tagged={tagged}
      data-briefings={years.briefings} data-partnerships={partnershipsFiltered ? undefined : years.partnerships}>
      In scope: {plural(years.reviews, 'review')} ({tagged} with a theme)
      {partnershipsFiltered ? '' : ` from ${plural(years.partnerships, 'partnership')}`} and {plural(years.briefings, 'briefing')} (partnership
      statements are not briefings here, so they are left out).
    </p>
  );
}
