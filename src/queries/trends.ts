/** Themes over publication years: counts and shares of tagged reviews per year. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Filters } from '../filters/filters.ts';
import { int, str } from './sql.ts';
import { taggedReviewsCtes } from './themes.ts';
import { fromFilterIndex } from './coordinator.ts';
import { themeByYear } from '../cube/aggregates.ts';

export interface ThemeYearRow {
  year: number;
  theme_id: string;
  theme: string;
  /** Tagged reviews that year carrying the theme. */
  reviews: number;
  /** Tagged reviews that year. */
  total: number;
  share: number;
}

/**
 * One row per (year with tagged reviews, shown theme). Shown themes are the
 * theme filter's, or else the `top` most frequent in the population; their
 * rank orders the rows within a year.
 */
export function themeByYearSql(f: Filters, top = 5): string {
  const chosen = f.themes.length
    ? `SELECT * FROM (VALUES ${f.themes.map((t, i) => `(${str(t)}, ${i + 1})`).join(', ')}) v(theme_id, rank)`
    : `SELECT theme_id, row_number() OVER (ORDER BY count(*) DESC, theme_id) AS rank FROM review_themes GROUP BY theme_id ORDER BY rank LIMIT ${int(top)}`;
  return `
WITH ${taggedReviewsCtes(f, { datedOnly: true })},
totals AS (SELECT year, count(*) AS total FROM tagged GROUP BY year),
counts AS (SELECT year, theme_id, count(*) AS n FROM review_themes GROUP BY ALL),
chosen AS (${chosen})
SELECT y.year::INTEGER AS year, c.theme_id, th.label AS theme,
       coalesce(n.n, 0)::INTEGER AS reviews, y.total::INTEGER AS total,
       (coalesce(n.n, 0) / y.total)::DOUBLE AS share
FROM totals y CROSS JOIN chosen c JOIN themes th ON th.id = c.theme_id
LEFT JOIN counts n ON n.year = y.year AND n.theme_id = c.theme_id
ORDER BY y.year, c.rank`;
}

/** TanStack Query options for themes by year. */
export const themeByYearQuery = (db: QueryRunner, f: Filters, dataVersion: number, top = 5) =>
  queryOptions({
    queryKey: ['trends', 'themeByYear', f, top, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, 'trends.themeByYear', (index, hits) => themeByYear(index, f, hits, top)),
  });
