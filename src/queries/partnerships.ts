/** Partnerships against themes: the heatmap and one partnership against all others. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Filters } from '../filters/filters.ts';
import { int, str, strList } from './sql.ts';
import { taggedReviewsCtes } from './themes.ts';
import { fromFilterIndex } from './coordinator.ts';
import { partnershipComparison, partnershipTheme } from '../cube/aggregates.ts';

export interface HeatmapCellRow {
  partnership_id: string;
  partnership: string;
  theme_id: string;
  theme: string;
  /** Tagged reviews of the partnership carrying the theme. */
  reviews: number;
  /** Tagged reviews of the partnership. */
  total: number;
  share: number;
}

/**
 * Share of each partnership's tagged reviews carrying each theme, for the `top`
 * partnerships with most tagged reviews (ties by name) and the themes in the
 * theme filter, or else every theme that occurs. Zero cells are included.
 */
export function partnershipThemeSql(f: Filters, top = 15): string {
  const themeSet = f.themes.length
    ? `SELECT id AS theme_id FROM themes WHERE id IN ${strList(f.themes)}`
    : `SELECT DISTINCT theme_id FROM review_themes`;
  return `
WITH ${taggedReviewsCtes(f)},
ranked AS (
  SELECT t.partnership_id, p.name, count(*) AS total,
         row_number() OVER (ORDER BY count(*) DESC, p.name) AS rank
  FROM tagged t JOIN partnerships p ON p.id = t.partnership_id GROUP BY t.partnership_id, p.name
),
theme_set AS (${themeSet}),
counts AS (SELECT partnership_id, theme_id, count(*) AS n FROM review_themes GROUP BY ALL)
SELECT k.partnership_id, k.name AS partnership, s.theme_id, th.label AS theme,
       coalesce(c.n, 0)::INTEGER AS reviews, k.total::INTEGER AS total,
       (coalesce(c.n, 0) / k.total)::DOUBLE AS share
FROM ranked k CROSS JOIN theme_set s JOIN themes th ON th.id = s.theme_id
LEFT JOIN counts c ON c.partnership_id = k.partnership_id AND c.theme_id = s.theme_id
WHERE k.rank <= ${int(top)}
ORDER BY k.rank, th.label`;
}

export interface ComparisonRow {
  theme_id: string;
  theme: string;
  reviews: number;
  total: number;
  others: number;
  others_total: number;
}

/**
 * Per theme, one partnership's tagged reviews against those of every other
 * partnership, under the other filters (the partnership and region filters are
 * left out: "all others" means all of them). Themes that occur on either side.
 */
export function partnershipComparisonSql(f: Filters, partnershipId: string): string {
  const id = str(partnershipId);
  return `
WITH ${taggedReviewsCtes(f, { ignorePartnerships: true })},
totals AS (
  SELECT count(*) FILTER (WHERE partnership_id = ${id}) AS total, count(*) FILTER (WHERE partnership_id <> ${id}) AS others_total FROM tagged
),
counts AS (
  SELECT theme_id, count(*) FILTER (WHERE partnership_id = ${id}) AS n, count(*) FILTER (WHERE partnership_id <> ${id}) AS o
  FROM review_themes GROUP BY theme_id
)
SELECT c.theme_id, th.label AS theme, c.n::INTEGER AS reviews, t.total::INTEGER AS total,
       c.o::INTEGER AS others, t.others_total::INTEGER AS others_total
FROM counts c CROSS JOIN totals t JOIN themes th ON th.id = c.theme_id
ORDER BY c.n DESC, c.o DESC, th.label`;
}

/** TanStack Query options for the partnership × theme heatmap. */
export const partnershipThemeQuery = (db: QueryRunner, f: Filters, dataVersion: number, top = 15) =>
  queryOptions({
    queryKey: ['partnerships', 'themeHeatmap', f, top, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, 'partnerships.themeHeatmap', (index, hits) => partnershipTheme(index, f, hits, top)),
  });

/** TanStack Query options for one partnership against all others. */
export const partnershipComparisonQuery = (db: QueryRunner, f: Filters, partnershipId: string, dataVersion: number) =>
  queryOptions({
    queryKey: ['partnerships', 'comparison', f, partnershipId, dataVersion],
    queryFn: () =>
      fromFilterIndex(db, dataVersion, f, 'partnerships.comparison', (index, hits) => partnershipComparison(index, f, hits, partnershipId)),
  });
