/**
 * The review explorer: a sortable list of reviews and briefings, fetched a
 * page at a time (list SQL in explorer-list-sql.ts, the filter-index path in
 * explorer-index.ts, loaded once per data version by coordinator.ts), and one
 * item in detail.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Briefing, Review, TagEvidence, TagSource } from '../schema/records.ts';
import type { Filters } from '../filters/filters.ts';
import { str } from './sql.ts';
import { EXPLORER_PAGE, explorerItemsSql, explorerPassageSnippetsSql, type ExplorerQuery, type ExplorerRow, type ItemKind, type KindFilter, type PassageSnippet } from './explorer-list-sql.ts';
import { explorerIndex, fromFilterIndex } from './coordinator.ts';
import { explorerCounts, pageIds, pageItems, pageRows } from './explorer-index.ts';

export type ReviewDetail = Review & { kind: 'review'; partnership: string; title_only: boolean };
export type BriefingDetail = Briefing & { kind: 'briefing'; partnership: string; linked_reviews: number; copies: number };
export type ItemDetail = ReviewDetail | BriefingDetail;

/** One review or briefing with its partnership's name; a review says whether it is title-only, a briefing how many reviews it is listed under. */
export function itemDetailSql(kind: ItemKind, id: string): string {
  return kind === 'review'
    ? `SELECT 'review' AS kind, x.*, p.name AS partnership, coalesce(f.title_only, false) AS title_only
FROM reviews x JOIN partnerships p ON p.id = x.partnership_id LEFT JOIN review_facts f ON f.id = x.id WHERE x.id = ${str(id)}`
    : `SELECT 'briefing' AS kind, x.*, p.name AS partnership, coalesce(f.linked_reviews, 0) AS linked_reviews, coalesce(f.copies, 1) AS copies
FROM briefings x JOIN partnerships p ON p.id = x.partnership_id LEFT JOIN briefing_facts f ON f.id = x.id WHERE x.id = ${str(id)}`;
}

export interface ItemPassageRow {
  id: string;
  file_name: string;
  seq: number;
  text: string;
}

/** The passages of an item's imported documents, in document and reading order. */
export function itemPassagesSql(kind: ItemKind, id: string): string {
  return `SELECT p.id, d.file_name, p.seq::INTEGER AS seq, p.text
FROM passages p JOIN documents d ON d.id = p.document_id
WHERE p.entity_type = '${kind}' AND p.entity_id = ${str(id)}
ORDER BY d.file_name, d.id, p.seq`;
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

/** One evidence sentence of an item's tag or of one of its passages' tags (`passage_id` null for the item's own text). */
export type EvidenceRow = Omit<TagEvidence, 'entity_type' | 'entity_id'> & { passage_id: string | null };

/** Evidence sentences of one item's tags and of its passages' tags, with offsets into the text the tagger read (end exclusive). */
export function itemEvidenceSql(kind: ItemKind, id: string): string {
  return `SELECT NULL::VARCHAR AS passage_id, theme_id, rank::INTEGER AS rank, start_offset::INTEGER AS start_offset, end_offset::INTEGER AS end_offset,
       sentence, weight::DOUBLE AS weight
FROM tag_evidence WHERE entity_type = '${kind}' AND entity_id = ${str(id)}
UNION ALL
SELECT e.entity_id, e.theme_id, e.rank::INTEGER, e.start_offset::INTEGER, e.end_offset::INTEGER, e.sentence, e.weight::DOUBLE
FROM tag_evidence e JOIN passages p ON p.id = e.entity_id
WHERE e.entity_type = 'passage' AND p.entity_type = '${kind}' AND p.entity_id = ${str(id)}
ORDER BY theme_id, weight DESC, rank`;
}

export interface ItemBundle {
  item: ItemDetail | null;
  themes: ItemThemeRow[];
  evidence: EvidenceRow[];
  passages: ItemPassageRow[];
}

/** TanStack Query options for one page (EXPLORER_PAGE rows) of the explorer list. */
export const explorerPageQuery = (db: QueryRunner, f: Filters, o: ExplorerQuery, page: number, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'rows', f, o, page, dataVersion],
    queryFn: async ({ signal }) => {
      const window = { offset: page * EXPLORER_PAGE, limit: EXPLORER_PAGE };
      const [columns, order] = await explorerIndex(db, dataVersion, o);
      const [index, items] = await fromFilterIndex(db, dataVersion, f, 'explorer.rows', (index, hits) => [index, pageItems(index, f, hits, o.kind, order, window)] as const);
      if (!f.q.trim() || !items.length) return pageRows(index, items, columns);
      const fetched = await db.query<ExplorerRow>(explorerItemsSql(pageIds(items, columns), f.q), { signal, label: 'explorer.snippets' });
      return pageRows(index, items, columns, new Map(fetched.map((r) => [`${r.kind}:${r.id}`, r.snippet])));
    },
  });

/** TanStack Query options for the passage snippets of a page's reviews that matched in their passages only. */
export const passageSnippetsQuery = (db: QueryRunner, q: string, reviewIds: readonly string[], dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'passageSnippets', q, reviewIds, dataVersion],
    queryFn: async ({ signal }) => {
      const rows = await db.query<PassageSnippet>(explorerPassageSnippetsSql(reviewIds, q), { signal, label: 'explorer.passageSnippets' });
      return new Map(rows.map((r) => [r.id, r.snippet]));
    },
    staleTime: Infinity,
  });

/** TanStack Query options for the explorer's match counts (from the filter index; explorerCountsSql defines them). */
export const explorerCountsQuery = (db: QueryRunner, f: Filters, kind: KindFilter, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'count', f, kind, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, 'explorer.count', (index, hits) => explorerCounts(index, f, hits, kind)),
  });

/** TanStack Query options for one item, its themes and their evidence. */
export const itemBundleQuery = (db: QueryRunner, kind: ItemKind, id: string, dataVersion: number) =>
  queryOptions({
    queryKey: ['explorer', 'item', kind, id, dataVersion],
    queryFn: async ({ signal }): Promise<ItemBundle> => {
      const [item] = await db.query<ItemDetail>(itemDetailSql(kind, id), { signal, label: 'explorer.item' });
      const themes = await db.query<ItemThemeRow>(itemThemesSql(kind, id), { signal, label: 'explorer.itemThemes' });
      const evidence = await db.query<EvidenceRow>(itemEvidenceSql(kind, id), { signal, label: 'explorer.itemEvidence' });
      const passages = await db.query<ItemPassageRow>(itemPassagesSql(kind, id), { signal, label: 'explorer.itemPassages' });
      return { item: item ?? null, themes, evidence, passages };
    },
  });
