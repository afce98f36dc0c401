/** The review explorer: a sortable list of reviews and briefings, and one item in detail. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from '../db/runner.ts';
import type { Briefing, Review, TagSource } from '../schema/records.ts';
import { briefingWhere, reviewWhere, type Filters } from './filters.ts';
import { snippetSql } from './search.ts';
import { int, str } from './sql.ts';
import { queryFiltered, textMatchSql } from './search-hits.ts';

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


/** The sort columns inside the ordering CTE. */
const ORDER_SQL: Record<ExplorerSort, string> = {
  published_on: 'i.published_on',
  partnership: 'p.name',
  title: 'lower(i.title)',
  type: 'i.type',
  themes: 'coalesce(c.n, 0)',
};

/** Rows the list holds at most: a national collection matches 75,000 items, more than anyone scrolls. */
export const EXPLORER_LIMIT = 1_000;

/** The matching items (ids and sort columns only), as a UNION of reviews and briefings. */
function itemsSql(f: Filters, o: ExplorerQuery): string {
  const includeReviews = o.kind !== 'briefing';
  const includeBriefings = o.kind !== 'review' && f.types.length === 0;
  const parts = [
    includeReviews && `
  SELECT 'review' AS kind, r.id, r.partnership_id, r.case_name AS title, r.review_type AS type, r.published, r.published_on
  FROM reviews r WHERE ${reviewWhere(f)}`,
    includeBriefings && `
  SELECT 'briefing', b.id, b.partnership_id, b.title, b.briefing_kind, b.published, b.published_on
  FROM briefings b WHERE ${briefingWhere(f)}`,
  ].filter((p): p is string => !!p);
  if (!parts.length) parts.push(`SELECT NULL AS kind, NULL AS id, NULL AS partnership_id, NULL AS title, NULL AS type, NULL AS published, NULL AS published_on WHERE FALSE`);
  return parts.join('\n  UNION ALL');
}

/**
 * The first `limit` reviews and briefings matching the filters, sorted in SQL
 * (undated last, ties by title then id, so the order is total). A review-type
 * filter leaves briefings out (they have no review type). Theme lists and
 * search snippets are built for the rows returned only.
 */
export function explorerRowsSql(f: Filters, o: ExplorerQuery, limit = EXPLORER_LIMIT): string {
  const q = f.q.trim();
  const dir = o.descending ? 'DESC' : 'ASC';
  // A review's snippet comes from its own fields, else its first matching passage.
  const snippet = q
    ? `coalesce(CASE WHEN i.kind = 'review' THEN ${snippetSql("concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations)", q)}
                     ELSE ${snippetSql("concat_ws(' ', b.title, b.text)", q)} END, fp.snippet)`
    : 'NULL';
  return `
WITH items AS (${itemsSql(f, o)}),
counted AS (
  SELECT e.entity_type, e.entity_id, count(*) AS n FROM entity_themes e
  WHERE e.entity_id IN (SELECT id FROM items) GROUP BY ALL
),
ordered AS (
  SELECT i.*, p.name AS partnership, coalesce(c.n, 0)::INTEGER AS theme_count,
         row_number() OVER (ORDER BY ${ORDER_SQL[o.sort]} ${dir} NULLS LAST, lower(i.title), i.id) AS rn
  FROM items i JOIN partnerships p ON p.id = i.partnership_id
  LEFT JOIN counted c ON c.entity_type = i.kind AND c.entity_id = i.id
),
page AS (SELECT * FROM ordered WHERE rn <= ${int(limit)}),
theme_lists AS (
  SELECT e.entity_type, e.entity_id, string_agg(th.label, '; ' ORDER BY th.label) AS themes
  FROM entity_themes e JOIN themes th ON th.id = e.theme_id
  WHERE e.entity_id IN (SELECT id FROM page) GROUP BY ALL
)${q ? `,
first_passage AS (
  SELECT p.entity_type, p.entity_id, arg_min(${snippetSql('p.text', q)}, p.seq) AS snippet FROM passages p
  WHERE p.entity_id IN (SELECT id FROM page) AND ${textMatchSql('p.text', q)} GROUP BY ALL
)` : ''}
SELECT i.kind, i.id, i.partnership, i.title, i.type, i.published, i.published_on,
       coalesce(t.themes, '') AS themes, i.theme_count, ${snippet} AS snippet
FROM page i
LEFT JOIN theme_lists t ON t.entity_type = i.kind AND t.entity_id = i.id
${q ? `LEFT JOIN reviews r ON i.kind = 'review' AND r.id = i.id
LEFT JOIN briefings b ON i.kind = 'briefing' AND b.id = i.id
LEFT JOIN first_passage fp ON fp.entity_type = i.kind AND fp.entity_id = i.id` : ''}
ORDER BY i.rn`;
}

export interface ExplorerCounts {
  reviews: number;
  briefings: number;
}

/** How many reviews and briefings match (the list may show only the first EXPLORER_LIMIT). */
export function explorerCountsSql(f: Filters, o: ExplorerQuery): string {
  return `WITH items AS (${itemsSql(f, o)})
SELECT count(*) FILTER (WHERE kind = 'review')::INTEGER AS reviews, count(*) FILTER (WHERE kind = 'briefing')::INTEGER AS briefings FROM items`;
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

/** TanStack Query options for the explorer list. */
export const explorerRowsQuery = (db: QueryRunner, f: Filters, o: ExplorerQuery, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'rows', f, o, dataVersion],
    queryFn: ({ signal }) => queryFiltered<ExplorerRow>(db, f, explorerRowsSql(f, o), { signal, label: 'explorer.rows' }),
  });

/** TanStack Query options for the explorer's match counts. */
export const explorerCountsQuery = (db: QueryRunner, f: Filters, o: ExplorerQuery, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'counts', f, o.kind, dataVersion],
    queryFn: async ({ signal }) => (await queryFiltered<ExplorerCounts>(db, f, explorerCountsSql(f, o), { signal, label: 'explorer.counts' }))[0]!,
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
