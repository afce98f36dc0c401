/** Partnerships against themes: the heatmap and one partnership against all others. */
import type { Filters } from '../filters/filters.ts';
import { int, str, strList } from './sql.ts';
import { taggedReviewsCtes, type ThemeCell } from './themes.ts';
import { byText, NO_PARTNERSHIP, type FilterIndex } from '../filter-index/filter-index.ts';
import { taggedPopulation, type SearchHits } from '../filter-index/select.ts';
import type { Aggregate } from './aggregate.ts';

/** Ids of statutory partnerships (partnerships.kind; absent in older saved data means a partnership). */
export const STATUTORY_PARTNERSHIP_IDS = `SELECT id FROM partnerships WHERE coalesce(kind, 'partnership') = 'partnership'`;

/** A theme among the tagged reviews of one partnership. */
export interface HeatmapCellRow extends ThemeCell {
  partnership_id: string;
  partnership: string;
}

/**
 * Share of each partnership's tagged reviews carrying each theme, for the `top`
 * statutory partnerships with most tagged reviews (ties by name) and the themes in the
 * theme filter, or else every theme that occurs. Zero cells are included.
 * Joint arrangements, national bodies and unknown publishers are not
 * partnerships: they are not rows here, as the Overview does not count them as partnerships.
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
  FROM tagged t JOIN partnerships p ON p.id = t.partnership_id
  WHERE t.partnership_id IN (${STATUTORY_PARTNERSHIP_IDS}) GROUP BY t.partnership_id, p.name
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
 * statutory partnership, under the other filters (the partnership and region
 * filters are left out: "all others" means all of them; joint arrangements,
 * national bodies and unknown publishers are not partnerships). Themes that
 * occur on either side.
 */
export function partnershipComparisonSql(f: Filters, partnershipId: string): string {
  const id = str(partnershipId);
  const rest = `partnership_id <> ${id} AND partnership_id IN (${STATUTORY_PARTNERSHIP_IDS})`;
  return `
WITH ${taggedReviewsCtes(f, { ignorePartnerships: true })},
totals AS (
  SELECT count(*) FILTER (WHERE partnership_id = ${id}) AS total, count(*) FILTER (WHERE ${rest}) AS others_total FROM tagged
),
counts AS (
  SELECT theme_id, count(*) FILTER (WHERE partnership_id = ${id}) AS n, count(*) FILTER (WHERE ${rest}) AS o
  FROM review_themes GROUP BY theme_id
  -- Themes only joint arrangements or other sources carry are on neither side.
  HAVING count(*) FILTER (WHERE partnership_id = ${id} OR ${rest}) > 0
)
SELECT c.theme_id, th.label AS theme, c.n::INTEGER AS reviews, t.total::INTEGER AS total,
       c.o::INTEGER AS others, t.others_total::INTEGER AS others_total
FROM counts c CROSS JOIN totals t JOIN themes th ON th.id = c.theme_id
ORDER BY c.n DESC, c.o DESC, th.label`;
}

/** Tagged reviews' counts per (partnership, theme) and per partnership, for the population. */
function byPartnership(index: FilterIndex, tagged: Uint8Array) {
  const T = index.themes.length;
  const totals = new Int32Array(index.partnerships.length);
  const cells = new Int32Array(index.partnerships.length * T);
  const { start, themes } = index.reviews.themes;
  for (let i = 0; i < tagged.length; i++) {
    const p = index.reviews.partnership[i]!;
    if (!tagged[i] || p === NO_PARTNERSHIP) continue;
    totals[p]!++;
    for (let k = start[i]!; k < start[i + 1]!; k++) cells[p * T + themes[k]!]!++;
  }
  return { totals, cells };
}

/** Share of each of the `top` statutory partnerships' tagged reviews carrying each theme (the filter's themes, else every one that occurs). */
function partnershipThemeFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 15): HeatmapCellRow[] {
  const { tagged, perTheme } = taggedPopulation(index, f, hits, false);
  const { totals: perP, cells } = byPartnership(index, tagged);
  const T = index.themes.length;
  const ranked = index.partnerships.map((p, i) => ({ p, i, total: perP[i]! })).filter((x) => x.total > 0 && x.p.kind === 'partnership')
    .sort((a, b) => b.total - a.total || byText(a.p.name, b.p.name)).slice(0, top);
  const themeSet = index.themes.map((th, t) => ({ th, t }))
    .filter(({ th, t }) => (f.themes.length ? f.themes.includes(th.id) : perTheme[t]! > 0))
    .sort((a, b) => byText(a.th.label, b.th.label));
  return ranked.flatMap(({ p, i, total }) => themeSet.map(({ th, t }) => ({
    partnership_id: p.id, partnership: p.name, theme_id: th.id, theme: th.label,
    reviews: cells[i * T + t]!, total, share: cells[i * T + t]! / total,
  })));
}

/** The partnership × theme heatmap: defined by partnershipThemeSql, answered from the filter index. */
export const partnershipTheme: Aggregate<[top?: number], HeatmapCellRow[]> = { key: ['partnerships', 'themeHeatmap'], sql: partnershipThemeSql, fromIndex: partnershipThemeFromIndex };

/** Per theme, one partnership's tagged reviews against every other statutory partnership's (partnership and region filters left out). */
function partnershipComparisonFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, partnershipId: string): ComparisonRow[] {
  const { tagged } = taggedPopulation(index, { ...f, partnerships: [], regions: [] }, hits, false);
  const p = index.partnerships.findIndex((x) => x.id === partnershipId);
  const own = new Int32Array(index.themes.length);
  // The rest: every other statutory partnership (not joint arrangements, national bodies or unknown publishers).
  const rest = new Int32Array(index.themes.length);
  let total = 0, restTotal = 0;
  const { start, themes } = index.reviews.themes;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const q = index.reviews.partnership[i]!;
    const into = q === p ? own : index.partnerships[q]?.kind === 'partnership' ? rest : null;
    if (!into) continue;
    if (into === own) total++;
    else restTotal++;
    for (let k = start[i]!; k < start[i + 1]!; k++) into[themes[k]!]!++;
  }
  return index.themes.map((th, t) => ({ th, n: own[t]!, o: rest[t]! }))
    .filter(({ n, o }) => n + o > 0)
    .sort((a, b) => b.n - a.n || b.o - a.o || byText(a.th.label, b.th.label))
    .map(({ th, n, o }) => ({ theme_id: th.id, theme: th.label, reviews: n, total, others: o, others_total: restTotal }));
}

/** One partnership against all others: defined by partnershipComparisonSql, answered from the filter index. */
export const partnershipComparison: Aggregate<[partnershipId: string], ComparisonRow[]> = { key: ['partnerships', 'comparison'], sql: partnershipComparisonSql, fromIndex: partnershipComparisonFromIndex };
