/**
 * The Explorer list's vocabulary (sorts, kinds, rows) and SQL: the matching
 * reviews and briefings in a total order, a window at a time (explorerRowsSql, the definition the list follows),
 * and the pieces the filter-index path reads (explorer-index.ts): every item's
 * list columns, the whole collection's order, a page's snippets.
 */
import { briefingWhere, reviewWhere } from './filters.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { snippetSql } from './search.ts';
import { textMatchSql } from './search-hits.ts';
import { int, str, strList } from './sql.ts';

export const EXPLORER_SORTS = ['published_on', 'partnership', 'title', 'type', 'themes'] as const;
export type ExplorerSort = (typeof EXPLORER_SORTS)[number];
export type ItemKind = 'review' | 'briefing';
export type KindFilter = ItemKind | 'all';

export interface ExplorerRow {
  kind: ItemKind;
  id: string;
  partnership: string;
  title: string;
  /** Review type or briefing kind (an id; the UI labels it). */
  type: string;
  published: string | null;
  published_on: string | null;
  /** Theme labels, "; "-separated, alphabetical. */
  themes: string;
  theme_count: number;
  /** Text around the first search hit, when searching. */
  snippet: string | null;
}

export interface ExplorerQuery {
  kind: KindFilter;
  sort: ExplorerSort;
  descending: boolean;
}

/** Rows per fetched page: a screenful is ~10, so one page covers several scrolls. */
export const EXPLORER_PAGE = 100;

/** A slice of the sorted matches: rows [offset, offset + limit). */
export interface ExplorerWindow {
  offset: number;
  limit: number;
}

interface KindSource {
  kind: ItemKind;
  /** The table, aliased as the filter conditions expect (`r` or `b`). */
  table: string;
  alias: 'r' | 'b';
  /** The row's columns as the list names them. */
  columns: string;
  where(f: Filters): string;
  /** Theme counts per id (`id`, `n`), for the theme-count sort. */
  counts: string;
}

const SOURCES: Record<ItemKind, KindSource> = {
  review: {
    kind: 'review', table: 'reviews', alias: 'r',
    columns: 'r.id, r.partnership_id, r.case_name AS title, r.review_type AS type, r.published, r.published_on',
    where: (f) => reviewWhere(f),
    counts: 'SELECT id, theme_count AS n FROM review_facts',
  },
  briefing: {
    kind: 'briefing', table: 'briefings', alias: 'b',
    columns: 'b.id, b.partnership_id, b.title, b.briefing_kind AS type, b.published, b.published_on',
    where: (f) => briefingWhere(f),
    counts: "SELECT entity_id AS id, count(*) AS n FROM entity_themes WHERE entity_type = 'briefing' GROUP BY ALL",
  },
};

/** The sort key of each sort, over an item's list columns. */
const SORT_KEY_SQL: Record<ExplorerSort, string> = {
  published_on: 'published_on',
  partnership: 'partnership_name',
  title: 'lower(title)',
  type: 'type',
  themes: 'theme_n',
};

/** ORDER BY terms: undated (NULL) last, ties by title then id (then kind), so the order is total. */
function orderSql(o: ExplorerQuery, alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return `${a}sort_key ${o.descending ? 'DESC' : 'ASC'} NULLS LAST, ${a}title, ${a}id, ${a}kind`;
}

/**
 * One kind's matches with their sort key; with a window, only the first
 * offset + limit of them (the window of both kinds together lies within those).
 * Only the sort in use joins partnership names or theme counts.
 */
function kindItemsSql(src: KindSource, f: Filters, o: ExplorerQuery, window?: ExplorerWindow, rowids = false): string {
  const a = src.alias;
  const pos = rowids ? `, ${a}.rowid::INTEGER AS row` : '';
  const extra = o.sort === 'partnership' ? `, p.name AS partnership_name
      FROM ${src.table} ${a} LEFT JOIN partnerships p ON p.id = ${a}.partnership_id`
    : o.sort === 'themes' ? `, coalesce(c.n, 0) AS theme_n
      FROM ${src.table} ${a} LEFT JOIN (${src.counts}) c ON c.id = ${a}.id`
    : `
      FROM ${src.table} ${a}`;
  return `SELECT *, ${SORT_KEY_SQL[o.sort]} AS sort_key FROM (
      SELECT '${src.kind}' AS kind, ${src.columns}${pos}${extra}
      WHERE ${src.where(f)}
    ) k${window ? `
    ORDER BY ${orderSql(o)} LIMIT ${int(window.offset + window.limit)}` : ''}`;
}

/** The kinds a list shows: a review-type filter leaves briefings out (they have no review type). */
function kindsShown(f: Filters, kind: KindFilter): ItemKind[] {
  return (['review', 'briefing'] as const).filter((k) => (kind === 'all' || kind === k) && (k === 'review' || f.types.length === 0));
}

/** The matching items with their sort key, one kind after the other. */
function itemsSql(f: Filters, o: ExplorerQuery, window?: ExplorerWindow): string {
  const parts = kindsShown(f, o.kind).map((k) => `(${kindItemsSql(SOURCES[k], f, o, window)})`);
  if (!parts.length) parts.push(`SELECT NULL::VARCHAR AS kind, NULL::VARCHAR AS id, NULL::VARCHAR AS partnership_id, NULL::VARCHAR AS title, NULL::VARCHAR AS type, NULL::VARCHAR AS published, NULL::VARCHAR AS published_on, NULL AS sort_key WHERE FALSE`);
  return parts.join('\n  UNION ALL\n  ');
}

/**
 * The rows [offset, offset + limit) of the reviews and briefings matching the
 * filters, in a total order computed in SQL (every row when no window is
 * given). Each kind is cut to its own first offset + limit before the two are
 * merged (a top-N per table scan, not a sort of every match); partnership
 * names, theme lists and search snippets are built for the window's rows only.
 */
export function explorerRowsSql(f: Filters, o: ExplorerQuery, window?: ExplorerWindow, opts: { themeLists?: boolean } = {}): string {
  const page = `
  SELECT * FROM (${itemsSql(f, o, window)}) s
  ORDER BY ${orderSql(o, 's')}${window ? `
  LIMIT ${int(window.limit)} OFFSET ${int(window.offset)}` : ''}`;
  return listSql(page, f.q, opts.themeLists ?? true, orderSql(o, 'i'));
}

/**
 * The list rows of the items the `page` SQL names (kind, id, partnership_id,
 * title, type, published, published_on): partnership names, theme lists
 * (unless `themed` is false) and search snippets for those rows only.
 */
function listSql(page: string, q: string, themed: boolean, orderBy: string | null, passages = true): string {
  q = q.trim();
  const fromPassages = q && passages;
  // Every join matches on (kind, id): a constant kind in a LEFT JOIN condition made DuckDB loop over every pair.
  return `
WITH page AS (${page}
)${themed ? `,
theme_lists AS (
  SELECT e.entity_type AS kind, e.entity_id AS id, count(*)::INTEGER AS n, string_agg(th.label, '; ' ORDER BY th.label) AS themes
  FROM entity_themes e JOIN themes th ON th.id = e.theme_id
  WHERE e.entity_id IN (SELECT id FROM page) GROUP BY ALL
)` : ''}${q ? `,
-- A review's snippet comes from its own fields, else its first matching passage.
own AS (
  SELECT 'review' AS kind, r.id, ${snippetSql("concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations)", q)} AS snippet
  FROM reviews r WHERE r.id IN (SELECT id FROM page WHERE kind = 'review')
  UNION ALL
  SELECT 'briefing', b.id, ${snippetSql("concat_ws(' ', b.title, b.text)", q)}
  FROM briefings b WHERE b.id IN (SELECT id FROM page WHERE kind = 'briefing')
)${fromPassages ? `,
-- Materialized so the text match runs on these reviews' passages only, not on every passage before the id filter.
candidate_passages AS MATERIALIZED (
  SELECT p.entity_id AS id, p.seq, p.text FROM passages p
  WHERE p.entity_type = 'review' AND p.entity_id IN (SELECT id FROM own WHERE kind = 'review' AND snippet IS NULL)
),
first_passage AS (
  SELECT 'review' AS kind, p.id, arg_min(${snippetSql('p.text', q)}, p.seq) AS snippet FROM candidate_passages p
  WHERE ${textMatchSql('p.text', q)} GROUP BY ALL
)` : ''}` : ''}
SELECT i.kind, i.id, pa.name AS partnership, i.title, i.type, i.published, i.published_on,
       ${themed ? "coalesce(t.themes, '')" : "''"} AS themes, ${themed ? 'coalesce(t.n, 0)::INTEGER' : '0'} AS theme_count,
       ${fromPassages ? 'coalesce(o.snippet, fp.snippet)' : q ? 'o.snippet' : 'NULL'} AS snippet
FROM page i
LEFT JOIN partnerships pa ON pa.id = i.partnership_id${themed ? `
LEFT JOIN theme_lists t ON t.kind = i.kind AND t.id = i.id` : ''}${q ? `
LEFT JOIN own o ON o.kind = i.kind AND o.id = i.id` : ''}${fromPassages ? `
LEFT JOIN first_passage fp ON fp.kind = i.kind AND fp.id = i.id` : ''}${orderBy ? `
ORDER BY ${orderBy}` : ''}`;
}

/**
 * The list rows (without theme lists) of the given reviews and briefings, in
 * no particular order; snippets for `q` from their own fields only (see
 * explorerPassageSnippetsSql for the rest).
 */
export function explorerItemsSql(ids: Record<ItemKind, readonly string[]>, q: string): string {
  const parts = (['review', 'briefing'] as const).filter((k) => ids[k].length).map((k) => {
    const src = SOURCES[k];
    return `SELECT '${k}' AS kind, ${src.columns} FROM ${src.table} ${src.alias} WHERE ${src.alias}.id IN ${strList(ids[k])}`;
  });
  if (!parts.length) parts.push(`SELECT NULL::VARCHAR AS kind, NULL::VARCHAR AS id, NULL::VARCHAR AS partnership_id, NULL::VARCHAR AS title, NULL::VARCHAR AS type, NULL::VARCHAR AS published, NULL::VARCHAR AS published_on WHERE FALSE`);
  return listSql(parts.join('\n  UNION ALL\n  '), q, false, null, false);
}

export interface PassageSnippet {
  id: string;
  snippet: string;
}

/**
 * Snippets of the first passage matching `q` of each given review (reviews
 * whose own fields do not mention it). One equality lookup per review: passages
 * are stored in review order, so each reads a few blocks, where an IN list over
 * every passage read every passage's text.
 */
export function explorerPassageSnippetsSql(reviewIds: readonly string[], q: string): string {
  if (!reviewIds.length) return 'SELECT NULL::VARCHAR AS id, NULL::VARCHAR AS snippet WHERE FALSE';
  const lookups = reviewIds.map((id) => `SELECT entity_id, seq, text FROM passages WHERE entity_type = 'review' AND entity_id = ${str(id)}`);
  return `SELECT p.entity_id AS id, arg_min(${snippetSql('p.text', q)}, p.seq) AS snippet
FROM (${lookups.join('\n  UNION ALL ')}) p
WHERE ${textMatchSql('p.text', q)} GROUP BY ALL`;
}

/** Every review's or briefing's list columns with its rowid (in no particular order). */
export function explorerColumnsSql(kind: ItemKind): string {
  const src = SOURCES[kind];
  return `SELECT x.row, x.id, pa.name AS partnership, x.title, x.type, x.published, x.published_on FROM (
    SELECT ${src.alias}.rowid::INTEGER AS row, ${src.columns} FROM ${src.table} ${src.alias}
  ) x LEFT JOIN partnerships pa ON pa.id = x.partnership_id`;
}

/** The rowids of one kind's items in id order: the filter index's numbering (src/queries/load-filter-index.ts). */
export function explorerRowsByIdSql(kind: ItemKind): string {
  return `SELECT rowid::INTEGER AS row FROM ${SOURCES[kind].table} ORDER BY id`;
}

/** Every review and briefing (no filters) in one sort's total order, as (briefing 0/1, rowid). */
export function explorerOrderSql(o: Pick<ExplorerQuery, 'sort' | 'descending'>): string {
  const q: ExplorerQuery = { ...o, kind: 'all' };
  // The whole collection, title-only reviews included (the filters decide later which are shown).
  const all: Filters = { ...NO_FILTERS, titleOnly: true, nation: null };
  const parts = (['review', 'briefing'] as const).map((k) => kindItemsSql(SOURCES[k], all, q, undefined, true));
  return `SELECT (kind = 'briefing')::UTINYINT AS briefing, row FROM (
    (${parts.join(')\n    UNION ALL\n    (')})
  ) s ORDER BY ${orderSql(q, 's')}`;
}

export interface ExplorerCounts {
  reviews: number;
  /** Briefing rows: one per record, so a briefing listed under several reviews has a row for each. */
  briefings: number;
  /** The briefings those rows are, de-duplicated as the Overview counts them (briefing_facts.briefing_key). */
  distinct_briefings: number;
}

/** How many reviews and briefings match. */
export function explorerCountsSql(f: Filters, o: Pick<ExplorerQuery, 'kind'>): string {
  const kinds = kindsShown(f, o.kind);
  const count = (k: ItemKind) => (kinds.includes(k) ? `(SELECT count(*) FROM ${SOURCES[k].table} ${SOURCES[k].alias} WHERE ${SOURCES[k].where(f)})` : '0');
  const distinct = kinds.includes('briefing')
    ? `(SELECT count(DISTINCT bf.briefing_key) FROM briefings b JOIN briefing_facts bf ON bf.id = b.id WHERE ${SOURCES.briefing.where(f)})`
    : '0';
  return `SELECT ${count('review')}::INTEGER AS reviews, ${count('briefing')}::INTEGER AS briefings, ${distinct}::INTEGER AS distinct_briefings`;
}
