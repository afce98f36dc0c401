/** Headline numbers and the reviews-per-year chart. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import { briefingWhere, reviewWhere } from './filters.ts';
import { type Filters } from '../filters/filters.ts';
import { fromFilterIndex } from './coordinator.ts';
import { reviewsPerYearByPartnership, totals } from '../cube/aggregates.ts';

export interface TotalsRow {
  reviews: number;
  briefings: number;
  partnerships: number;
  first_year: number | null;
  last_year: number | null;
  undated_reviews: number;
}

/** Reviews, briefings and partnerships matching the filters, and the year span of the reviews. */
export function totalsSql(f: Filters): string {
  return `
WITH r AS (SELECT r.partnership_id, r.year FROM review_facts r WHERE ${reviewWhere(f)}),
     b AS (SELECT b.partnership_id FROM briefings b WHERE ${briefingWhere(f)})
SELECT (SELECT count(*) FROM r)::INTEGER AS reviews,
       (SELECT count(*) FROM b)::INTEGER AS briefings,
       (SELECT count(DISTINCT partnership_id) FROM (SELECT partnership_id FROM r UNION ALL SELECT partnership_id FROM b))::INTEGER AS partnerships,
       (SELECT min(year) FROM r)::INTEGER AS first_year,
       (SELECT max(year) FROM r)::INTEGER AS last_year,
       (SELECT count(*) FROM r WHERE year IS NULL)::INTEGER AS undated_reviews`;
}

export interface ReviewsPerYearRow {
  year: number;
  partnership: string;
  partnership_id: string;
  reviews: number;
}

/**
 * Reviews per publication year, by partnership. Partnerships beyond the
 * `top` with most reviews are folded into "Other partnerships" so the chart
 * stays legible.
 */
export function reviewsPerYearByPartnershipSql(f: Filters, top = 8): string {
  return `
WITH r AS (SELECT r.partnership_id, r.year FROM review_facts r WHERE ${reviewWhere(f)} AND r.year IS NOT NULL),
ranked AS (
  SELECT partnership_id, row_number() OVER (ORDER BY count(*) DESC, partnership_id) AS rank
  FROM r GROUP BY partnership_id
)
SELECT r.year::INTEGER AS year,
       CASE WHEN k.rank <= ${top} THEN p.name ELSE 'Other partnerships' END AS partnership,
       CASE WHEN k.rank <= ${top} THEN p.id ELSE '' END AS partnership_id,
       count(*)::INTEGER AS reviews
FROM r JOIN ranked k USING (partnership_id) JOIN partnerships p ON p.id = r.partnership_id
GROUP BY ALL
ORDER BY year, min(k.rank), partnership`;
}

/** TanStack Query options for the totals (answered from the index, src/filter-index/: the same rows as totalsSql). */
export const totalsQuery = (db: QueryRunner, f: Filters, dataVersion: number) =>
  queryOptions({
    queryKey: ['overview', 'totals', f, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, 'overview.totals', (index, hits) => totals(index, f, hits)),
  });

/** TanStack Query options for the reviews-per-year chart. */
export const reviewsPerYearByPartnershipQuery = (db: QueryRunner, f: Filters, dataVersion: number) =>
  queryOptions({
    queryKey: ['overview', 'reviewsPerYearByPartnership', f, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, 'overview.reviewsPerYearByPartnership', (index, hits) => reviewsPerYearByPartnership(index, f, hits)),
  });
