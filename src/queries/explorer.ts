/**
 * The review explorer: a sortable list of reviews and briefings, fetched a
 * page at a time, and one item in detail. (Longer than most modules: the list
 * SQL and the detail SQL share the item kinds and are read together.)
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from '../db/runner.ts';
import type { Briefing, Review, TagSource } from '../schema/records.ts';
import { briefingWhere, reviewWhere, type Filters } from './filters.ts';
import { snippetSql } from './search.ts';
import { int, str } from './sql.ts';
import { queryFiltered, textMatchSql } from './search-hits.ts';
import { fromCube } from '../cube/index.ts';
import { explorerCounts, itemPositions, withThemes } from './explorer-themes.ts';

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
function kindItemsSql(src: KindSource, f: Filters, o: ExplorerQuery, window?: ExplorerWindow): string {
  const a = src.alias;
  const extra = o.sort === 'partnership' ? `, p.name AS partnership_name
      FROM ${src.table} ${a} JOIN partnerships p ON p.id = ${a}.partnership_id`
    : o.sort === 'themes' ? `, coalesce(c.n, 0) AS theme_n
      FROM ${src.table} ${a} LEFT JOIN (${src.counts}) c ON c.id = ${a}.id`
    : `
      FROM ${src.table} ${a}`;
  return `SELECT *, ${SORT_KEY_SQL[o.sort]} AS sort_key FROM (
      SELECT '${src.kind}' AS kind, ${src.columns}${extra}
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
  if (!parts.length) parts.push(`SELECT NULL AS kind, NULL AS id, NULL AS partnership_id, NULL AS title, NULL AS type, NULL AS published, NULL AS published_on, NULL AS sort_key WHERE FALSE`);
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
  const themed = opts.themeLists ?? true;
  const q = f.q.trim();
  // A review's snippet comes from its own fields, else its first matching passage.
  const snippet = q
    ? `coalesce(CASE WHEN i.kind = 'review' THEN ${snippetSql("concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations)", q)}
                     ELSE ${snippetSql("concat_ws(' ', b.title, b.text)", q)} END, fp.snippet)`
    : 'NULL';
  return `
WITH page AS (
  SELECT * FROM (${itemsSql(f, o, window)}) s
  ORDER BY ${orderSql(o, 's')}${window ? `
  LIMIT ${int(window.limit)} OFFSET ${int(window.offset)}` : ''}
),
theme_lists AS (
  SELECT e.entity_type, e.entity_id, count(*)::INTEGER AS n, string_agg(th.label, '; ' ORDER BY th.label) AS themes
  FROM entity_themes e JOIN themes th ON th.id = e.theme_id
  WHERE ${themed ? 'e.entity_id IN (SELECT id FROM page)' : 'FALSE'} GROUP BY ALL
)${q ? `,
first_passage AS (
  SELECT p.entity_id, arg_min(${snippetSql('p.text', q)}, p.seq) AS snippet FROM passages p
  WHERE p.entity_type = 'review' AND p.entity_id IN (SELECT id FROM page WHERE kind = 'review') AND ${textMatchSql('p.text', q)}
  GROUP BY ALL
)` : ''}
SELECT i.kind, i.id, pa.name AS partnership, i.title, i.type, i.published, i.published_on,
       coalesce(t.themes, '') AS themes, coalesce(t.n, 0)::INTEGER AS theme_count, ${snippet} AS snippet
FROM page i
JOIN partnerships pa ON pa.id = i.partnership_id
LEFT JOIN theme_lists t ON t.entity_type = i.kind AND t.entity_id = i.id
${q ? `LEFT JOIN reviews r ON i.kind = 'review' AND r.id = i.id
LEFT JOIN briefings b ON i.kind = 'briefing' AND b.id = i.id
LEFT JOIN first_passage fp ON i.kind = 'review' AND fp.entity_id = i.id` : ''}
ORDER BY ${orderSql(o, 'i')}`;
}

export interface ExplorerCounts {
  reviews: number;
  briefings: number;
}

/** How many reviews and briefings match. */
export function explorerCountsSql(f: Filters, o: Pick<ExplorerQuery, 'kind'>): string {
  const kinds = kindsShown(f, o.kind);
  const count = (k: ItemKind) => (kinds.includes(k) ? `(SELECT count(*) FROM ${SOURCES[k].table} ${SOURCES[k].alias} WHERE ${SOURCES[k].where(f)})` : '0');
  return `SELECT ${count('review')}::INTEGER AS reviews, ${count('briefing')}::INTEGER AS briefings`;
}

export type ReviewDetail = Review & { kind: 'review'; partnership: string };
export type BriefingDetail = Briefing & { kind: 'briefing'; partnership: string };
export type ItemDetail = ReviewDetail | BriefingDetail;

/** One review or briefing with its partnership's name. */
export function itemDetailSql(kind: ItemKind, id: string): string {
  const table = kind === 'review' ? 'reviews' : 'briefings';
  return `SELECT '${kind}' AS kind, x.*, p.name AS partnership
FROM ${table} x JOIN partnerships p ON p.id = x.partnership_id WHERE x.id = ${str(id)}`;
}

export interface ItemThemeRow {
  theme_id: string;
  theme: string;
  group: string;
  score: number;
  source: TagSource;
}

/** The effective themes of one item (manual overrides applied), strongest first. */
export function itemThemesSql(kind: ItemKind, id: string): string {
  return `SELECT e.theme_id, th.label AS theme, g.label AS "group", e.score::DOUBLE AS score, e.source
FROM entity_themes e JOIN themes th ON th.id = e.theme_id JOIN theme_groups g ON g.id = th.group_id
WHERE e.entity_type = '${kind}' AND e.entity_id = ${str(id)}
ORDER BY e.score DESC, th.label`;
}

export interface EvidenceRow {
  theme_id: string;
  rank: number;
  start_offset: number;
  end_offset: number;
  sentence: string;
  weight: number;
}

/** Evidence sentences of one item's tags, with offsets into the text the tagger read (end exclusive). */
export function itemEvidenceSql(kind: ItemKind, id: string): string {
  return `SELECT theme_id, rank::INTEGER AS rank, start_offset::INTEGER AS start_offset, end_offset::INTEGER AS end_offset,
       sentence, weight::DOUBLE AS weight
FROM tag_evidence WHERE entity_type = '${kind}' AND entity_id = ${str(id)}
ORDER BY theme_id, rank`;
}

export interface ItemBundle {
  item: ItemDetail | null;
  themes: ItemThemeRow[];
  evidence: EvidenceRow[];
}

/** TanStack Query options for one page (EXPLORER_PAGE rows) of the explorer list. */
export const explorerPageQuery = (db: QueryRunner, f: Filters, o: ExplorerQuery, page: number, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'rows', f, o, page, dataVersion],
    queryFn: async ({ signal }) => {
      const window = { offset: page * EXPLORER_PAGE, limit: EXPLORER_PAGE };
      const rows = await queryFiltered<ExplorerRow>(db, f, explorerRowsSql(f, o, window, { themeLists: false }), { signal, label: 'explorer.rows' });
      const positions = await itemPositions(db, dataVersion);
      return fromCube(db, dataVersion, f, 'explorer.themes', (cube) => withThemes(rows, cube, positions));
    },
  });

/** TanStack Query options for the explorer's match counts (from the filter index; explorerCountsSql defines them). */
export const explorerCountsQuery = (db: QueryRunner, f: Filters, kind: KindFilter, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'count', f, kind, dataVersion],
    queryFn: () => fromCube(db, dataVersion, f, 'explorer.count', (cube, hits) => explorerCounts(cube, f, hits, kind)),
  });

/** TanStack Query options for one item, its themes and their evidence. */
export const itemBundleQuery = (db: QueryRunner, kind: ItemKind, id: string, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'item', kind, id, dataVersion],
    queryFn: async ({ signal }): Promise<ItemBundle> => {
      const [item] = await db.query<ItemDetail>(itemDetailSql(kind, id), { signal, label: 'explorer.item' });
      const themes = await db.query<ItemThemeRow>(itemThemesSql(kind, id), { signal, label: 'explorer.itemThemes' });
      const evidence = await db.query<EvidenceRow>(itemEvidenceSql(kind, id), { signal, label: 'explorer.itemEvidence' });
      return { item: item ?? null, themes, evidence };
    },
  });
