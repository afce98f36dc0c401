/**
 * Theme shares: how many of the reviews matching the filters carry each theme.
 *
 * The denominator is the reviews that carry at least one theme ("tagged
 * reviews"): a review nobody has read for themes yet says nothing about them.
 * Charts that break results down by theme leave the theme filter out of that
 * population (the filter picks which themes are shown or highlighted instead),
 * otherwise a chosen theme would always read 100%.
 */
import { reviewWhere, type ReviewWhereOptions } from './filters.ts';
import { type Filters } from '../filters/filters.ts';
import { int } from './sql.ts';
import { byText, type FilterIndex } from '../filter-index/filter-index.ts';
import { taggedPopulation, type SearchHits } from '../filter-index/select.ts';
import type { Aggregate } from './aggregate.ts';

/**
 * CTEs `tagged` (id, partnership_id, year of each tagged review in the population)
 * and `review_themes` (review_id, partnership_id, year, theme_id).
 */
export function taggedReviewsCtes(f: Filters, opts: ReviewWhereOptions & { datedOnly?: boolean; ignorePartnerships?: boolean } = {}): string {
  const population = opts.ignorePartnerships ? { ...f, partnerships: [], regions: [] } : f;
  const where = `${reviewWhere(population, { ignoreThemes: true, ignoreYears: opts.ignoreYears })}${opts.datedOnly ? ' AND r.year IS NOT NULL' : ''}`;
  // Both read the derived facts tables (derived.ts): no join with the stored tables on the hot path.
  return `
tagged AS (SELECT r.id, r.partnership_id, r.year FROM review_facts r WHERE ${where} AND r.theme_count > 0),
review_themes AS (SELECT r.id AS review_id, r.partnership_id, r.year, r.theme_id FROM review_theme_facts r WHERE ${where})`;
}

/** One theme among a set of tagged reviews (the population, a year, a partnership). */
export interface ThemeCell {
  theme_id: string;
  theme: string;
  /** Tagged reviews of the set carrying the theme. */
  reviews: number;
  /** Tagged reviews in the set. */
  total: number;
  share: number;
}

/** A theme's share of the tagged reviews in the population (`total`, the same on every row). */
export interface ThemeShareRow extends ThemeCell {
  group: string;
}

/** Every current theme with its count and share of tagged reviews, most frequent first. */
export function themeShareSql(f: Filters): string {
  return `
WITH ${taggedReviewsCtes(f)},
counts AS (SELECT theme_id, count(*) AS n FROM review_themes GROUP BY theme_id)
SELECT th.id AS theme_id, th.label AS theme, g.label AS "group",
       coalesce(c.n, 0)::INTEGER AS reviews,
       (SELECT count(*) FROM tagged)::INTEGER AS total,
       coalesce(c.n / nullif((SELECT count(*) FROM tagged), 0), 0)::DOUBLE AS share
FROM themes th JOIN theme_groups g ON g.id = th.group_id LEFT JOIN counts c ON c.theme_id = th.id
WHERE NOT th.retired
ORDER BY reviews DESC, theme`;
}

export interface WindowCountsRow {
  theme_id: string;
  theme: string;
  latest_year: number;
  recent: number;
  recent_total: number;
  earlier: number;
  earlier_total: number;
}

/**
 * Per theme, tagged reviews in a recent window (the last `recentYears` years up
 * to the latest year with at least `minLatest` tagged reviews) and in the
 * `earlierYears` before it. No rows when no year qualifies.
 */
export function themeWindowCountsSql(f: Filters, recentYears: number, earlierYears: number, minLatest = 1): string {
  return `
WITH ${taggedReviewsCtes(f, { datedOnly: true })},
latest AS (SELECT max(year) AS y FROM (SELECT year FROM tagged GROUP BY year HAVING count(*) >= ${int(minLatest)})),
windowed AS (
  SELECT t.id, CASE WHEN t.year > l.y THEN NULL
                    WHEN t.year > l.y - ${int(recentYears)} THEN 'recent'
                    WHEN t.year > l.y - ${int(recentYears + earlierYears)} THEN 'earlier' END AS w
  FROM tagged t, latest l
),
totals AS (
  SELECT count(*) FILTER (WHERE w = 'recent') AS recent_total, count(*) FILTER (WHERE w = 'earlier') AS earlier_total FROM windowed
),
counts AS (
  SELECT rt.theme_id, count(*) FILTER (WHERE w.w = 'recent') AS recent, count(*) FILTER (WHERE w.w = 'earlier') AS earlier
  FROM review_themes rt JOIN windowed w ON w.id = rt.review_id GROUP BY rt.theme_id
)
SELECT th.id AS theme_id, th.label AS theme, l.y::INTEGER AS latest_year,
       coalesce(c.recent, 0)::INTEGER AS recent, tot.recent_total::INTEGER AS recent_total,
       coalesce(c.earlier, 0)::INTEGER AS earlier, tot.earlier_total::INTEGER AS earlier_total
FROM themes th CROSS JOIN latest l CROSS JOIN totals tot LEFT JOIN counts c ON c.theme_id = th.id
WHERE NOT th.retired AND l.y IS NOT NULL
ORDER BY th.label`;
}

/** Every current theme's count and share of tagged reviews, most frequent first. */
function themeShareFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null): ThemeShareRow[] {
  const { total, perTheme } = taggedPopulation(index, f, hits, false);
  return index.themes
    .map((th, t) => ({ th, n: perTheme[t]! }))
    .filter(({ th }) => !th.retired && th.group !== null)
    .map(({ th, n }) => ({ theme_id: th.id, theme: th.label, group: th.group!, reviews: n, total, share: total ? n / total : 0 }))
    .sort((a, b) => b.reviews - a.reviews || byText(a.theme, b.theme));
}

/** Theme shares: defined by themeShareSql, answered from the filter index. */
export const themeShare: Aggregate<[], ThemeShareRow[]> = { key: ['themes', 'share'], sql: themeShareSql, fromIndex: themeShareFromIndex };

/** Per current theme, tagged reviews in the recent window and the earlier one before it. */
function themeWindowCountsFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, recentYears: number, earlierYears: number, minLatest = 1): WindowCountsRow[] {
  const { tagged } = taggedPopulation(index, f, hits, true);
  const perYear = new Map<number, number>();
  for (let i = 0; i < tagged.length; i++) if (tagged[i]) perYear.set(index.reviews.year[i]!, (perYear.get(index.reviews.year[i]!) ?? 0) + 1);
  const qualifying = [...perYear].filter(([, n]) => n >= minLatest).map(([y]) => y);
  if (!qualifying.length) return [];
  const latest = Math.max(...qualifying);
  const { start, themes } = index.reviews.themes;
  const recent = new Int32Array(index.themes.length);
  const earlier = new Int32Array(index.themes.length);
  let recentTotal = 0, earlierTotal = 0;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const y = index.reviews.year[i]!;
    const into = y > latest ? null : y > latest - recentYears ? recent : y > latest - recentYears - earlierYears ? earlier : null;
    if (!into) continue;
    if (into === recent) recentTotal++;
    else earlierTotal++;
    for (let k = start[i]!; k < start[i + 1]!; k++) into[themes[k]!]!++;
  }
  return index.themes
    .map((th, t) => ({ th, t }))
    .filter(({ th }) => !th.retired)
    .sort((a, b) => byText(a.th.label, b.th.label))
    .map(({ th, t }) => ({
      theme_id: th.id, theme: th.label, latest_year: latest,
      recent: recent[t]!, recent_total: recentTotal, earlier: earlier[t]!, earlier_total: earlierTotal,
    }));
}

/** Per-theme counts in a recent and an earlier window: defined by themeWindowCountsSql, answered from the filter index. */
export const themeWindowCounts: Aggregate<[recentYears: number, earlierYears: number, minLatest?: number], WindowCountsRow[]> = { key: ['themes', 'windowCounts'], sql: themeWindowCountsSql, fromIndex: themeWindowCountsFromIndex };
