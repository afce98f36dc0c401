/** The SQL conditions the shared filters (src/filters) become. */
import { DEFAULT_NATION, searchKey, tagSourceMask, type Filters } from '../filters/filters.ts';
import { and, int, str, strList } from './sql.ts';

export interface ReviewWhereOptions {
  /** Leave the theme filter out (views that break results down by theme). */
  ignoreThemes?: boolean;
  /** Leave the year range out (views that compare years outside it). */
  ignoreYears?: boolean;
  /** Keep title-only reviews whatever the switch says (counting how many were set apart). Needs `review_facts`. */
  keepTitleOnly?: boolean;
}

/**
 * Conditions on a row aliased `r` with a review's `id`, `partnership_id`,
 * `year` and `review_type`: `reviews` itself or the derived `review_facts`
 * and `review_theme_facts`. Title-only reviews are left out unless the
 * filters include them. Themes match when the review carries every chosen
 * theme; a text search reads the hits stored by `ensureSearchHits`
 * (search-hits.ts), so run filtered SQL through `queryFiltered`.
 */
export function reviewWhere(f: Filters, opts: ReviewWhereOptions = {}): string {
  return and([
    f.partnerships.length > 0 && `r.partnership_id IN ${strList(f.partnerships)}`,
    f.regions.length > 0 && `r.partnership_id IN (SELECT id FROM partnerships WHERE region IN ${strList(f.regions)})`,
    nationCondition('r', f),
    !opts.ignoreYears && f.yearFrom !== null && `r.year >= ${int(f.yearFrom)}`,
    !opts.ignoreYears && f.yearTo !== null && `r.year <= ${int(f.yearTo)}`,
    f.types.length > 0 && `r.review_type IN ${strList(f.types)}`,
    !opts.ignoreThemes && f.themes.length > 0 &&
      `r.id IN (SELECT id FROM review_theme_facts WHERE theme_id IN ${strList(f.themes)}
        GROUP BY id HAVING count(*) = ${int(new Set(f.themes).size)})`,
    f.q.trim() !== '' && searchHitsCondition('r.id', 'review', f.q),
    // A semi-join rather than a column, so the condition works on \`reviews\` as on the derived tables.
    !f.titleOnly && !opts.keepTitleOnly && 'r.id NOT IN (SELECT id FROM review_facts WHERE title_only)',
    f.tagSources.length > 0 && `r.id IN (SELECT id FROM review_facts WHERE tag_sources & ${int(tagSourceMask(f.tagSources))} <> 0)`,
  ]);
}

/**
 * The nation filter on an item's partnership. An item whose partnership has
 * no row, or no recorded nation, counts as England's (as the filter index
 * does), hence "not in another nation's partnerships" for England.
 */
function nationCondition(alias: string, f: Filters): string | false {
  if (f.nation === null) return false;
  const nation = `coalesce(nation, ${str(DEFAULT_NATION)})`;
  return f.nation === DEFAULT_NATION
    ? `${alias}.partnership_id NOT IN (SELECT id FROM partnerships WHERE ${nation} <> ${str(f.nation)})`
    : `${alias}.partnership_id IN (SELECT id FROM partnerships WHERE ${nation} = ${str(f.nation)})`;
}

function searchHitsCondition(idExpr: string, kind: 'review' | 'briefing', q: string): string {
  return `${idExpr} IN (SELECT id FROM search_hits WHERE q = ${str(searchKey(q))} AND kind = '${kind}')`;
}

/**
 * Conditions on a `briefings` row aliased `b`: partnership, region, nation,
 * years, themes (as for reviews) and text (title and body). Review types and
 * tag sources do not apply.
 */
export function briefingWhere(f: Filters, opts: ReviewWhereOptions = {}): string {
  return and([
    f.partnerships.length > 0 && `b.partnership_id IN ${strList(f.partnerships)}`,
    f.regions.length > 0 && `b.partnership_id IN (SELECT id FROM partnerships WHERE region IN ${strList(f.regions)})`,
    nationCondition('b', f),
    !opts.ignoreYears && f.yearFrom !== null && `b.year >= ${int(f.yearFrom)}`,
    !opts.ignoreYears && f.yearTo !== null && `b.year <= ${int(f.yearTo)}`,
    !opts.ignoreThemes && f.themes.length > 0 &&
      `b.id IN (SELECT entity_id FROM entity_themes WHERE entity_type = 'briefing' AND theme_id IN ${strList(f.themes)}
        GROUP BY entity_id HAVING count(DISTINCT theme_id) = ${int(f.themes.length)})`,
    f.q.trim() !== '' && searchHitsCondition('b.id', 'briefing', f.q),
  ]);
}
