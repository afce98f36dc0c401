/** Themes over publication years: counts and shares of tagged reviews per year. */
import type { Filters } from '../filters/filters.ts';
import { int, str } from './sql.ts';
import { taggedReviewsCtes, type ThemeCell } from './themes.ts';
import { byText, type FilterIndex } from '../filter-index/filter-index.ts';
import { taggedPopulation, type SearchHits } from '../filter-index/select.ts';
import type { Aggregate } from './aggregate.ts';

/** A theme among the tagged reviews of one year. */
export interface ThemeYearRow extends ThemeCell {
  year: number;
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

/** Per shown theme (the theme filter's, else the `top` most frequent), tagged reviews by year. */
function themeByYearFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 5): ThemeYearRow[] {
  const { tagged, perTheme } = taggedPopulation(index, f, hits, true);
  const { start, themes } = index.reviews.themes;
  const perYear = new Map<number, { total: number; perTheme: Int32Array }>();
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const y = index.reviews.year[i]!;
    let cell = perYear.get(y);
    if (!cell) perYear.set(y, (cell = { total: 0, perTheme: new Int32Array(index.themes.length) }));
    cell.total++;
    for (let k = start[i]!; k < start[i + 1]!; k++) cell.perTheme[themes[k]!]!++;
  }
  const chosen = f.themes.length
    ? f.themes.map((id) => index.themes.findIndex((t) => t.id === id)).filter((t) => t >= 0)
    : index.themes.map((_, t) => t).filter((t) => perTheme[t]! > 0)
      .sort((a, b) => perTheme[b]! - perTheme[a]! || byText(index.themes[a]!.id, index.themes[b]!.id)).slice(0, top);
  const rows: ThemeYearRow[] = [];
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const cell = perYear.get(year)!;
    for (const t of chosen) {
      const n = cell.perTheme[t]!;
      rows.push({ year, theme_id: index.themes[t]!.id, theme: index.themes[t]!.label, reviews: n, total: cell.total, share: n / cell.total });
    }
  }
  return rows;
}

/** Themes by year: defined by themeByYearSql, answered from the filter index. */
export const themeByYear: Aggregate<[top?: number], ThemeYearRow[]> = { key: ['trends', 'themeByYear'], sql: themeByYearSql, fromIndex: themeByYearFromIndex };
