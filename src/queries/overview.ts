/** Headline numbers and the reviews-per-year chart. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from '../db/runner.ts';
import { briefingWhere, reviewWhere, type Filters } from './filters.ts';
import { fromCube } from '../cube/index.ts';
import { reviewsPerYearByPartnership, totals } from '../cube/aggregates.ts';

export interface TotalsRow {
  reviews: number;
  /** De-duplicated: one briefing listed under several reviews counts once (see briefing_facts). */
  briefings: number;
  /** Briefing records before de-duplication. */
  briefing_records: number;
  /** Statutory partnerships with a matching review or briefing. */
  partnerships: number;
  /** Joint arrangements and other sources (national bodies, charities, authors) with a matching item. */
  other_sources: number;
  /** Matching reviews and briefings whose partnership is not known. */
  not_known_items: number;
  /** Title-only reviews that match the other filters but are set apart (0 when the switch includes them). */
  title_only_reviews: number;
  first_year: number | null;
  last_year: number | null;
  undated_reviews: number;
}

/** Reviews, briefings and partnerships matching the filters, and the year span of the reviews. */
export function totalsSql(f: Filters): string {
  return `
WITH r AS (SELECT r.partnership_id, r.year FROM review_facts r WHERE ${reviewWhere(f)}),
     b AS (SELECT b.partnership_id, bf.briefing_key FROM briefings b JOIN briefing_facts bf ON bf.id = b.id WHERE ${briefingWhere(f)}),
     who AS (SELECT x.partnership_id, coalesce(p.kind, 'partnership') AS kind FROM (SELECT partnership_id FROM r UNION ALL SELECT partnership_id FROM b) x
             LEFT JOIN partnerships p ON p.id = x.partnership_id)
SELECT (SELECT count(*) FROM r)::INTEGER AS reviews,
       (SELECT count(DISTINCT briefing_key) FROM b)::INTEGER AS briefings,
       (SELECT count(*) FROM b)::INTEGER AS briefing_records,
       (SELECT count(DISTINCT partnership_id) FILTER (WHERE kind = 'partnership') FROM who)::INTEGER AS partnerships,
       (SELECT count(DISTINCT partnership_id) FILTER (WHERE kind IN ('joint', 'source')) FROM who)::INTEGER AS other_sources,
       (SELECT count(*) FILTER (WHERE kind = 'not-known') FROM who)::INTEGER AS not_known_items,
       (SELECT count(*) FROM review_facts r WHERE ${reviewWhere({ ...f, titleOnly: true })} AND r.title_only AND NOT ${f.titleOnly})::INTEGER AS title_only_reviews,
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

/** TanStack Query options for the totals (answered from the cube, src/cube: the same rows as totalsSql). */
export const totalsQuery = (db: QueryRunner, f: Filters, dataVersion: number) =>
  queryOptions({
    queryKey: ['overview', 'totals', f, dataVersion],
    queryFn: () => fromCube(db, dataVersion, f, 'overview.totals', (cube, hits) => totals(cube, f, hits)),
  });

/** TanStack Query options for the reviews-per-year chart. */
export const reviewsPerYearByPartnershipQuery = (db: QueryRunner, f: Filters, dataVersion: number) =>
  queryOptions({
    queryKey: ['overview', 'reviewsPerYearByPartnership', f, dataVersion],
    queryFn: () => fromCube(db, dataVersion, f, 'overview.reviewsPerYearByPartnership', (cube, hits) => reviewsPerYearByPartnership(cube, f, hits)),
  });
