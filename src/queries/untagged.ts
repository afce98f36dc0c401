/**
 * Imported text the tagger has not read: tagging was cancelled, failed, or
 * the page closed before it finished. Reviews and briefings with no tag from
 * the tagger and no mark in tagged_entities (a text it read but found no theme
 * in has the mark only), and documents none of whose passages has either. Listed on Import
 * after any reload, with "Tag them now".
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from '../queries/runner.ts';
import { briefingText, reviewText, type Briefing, type Review } from '../schema/records.ts';

/** Not read by the tagger: no tag from it, and not marked as read (a text with no theme gets no tag). */
const noModelTag = (type: string, id: string) =>
  `NOT EXISTS (SELECT 1 FROM theme_tags t WHERE t.entity_type = '${type}' AND t.entity_id = ${id} AND t.source <> 'manual')
   AND NOT EXISTS (SELECT 1 FROM tagged_entities m WHERE m.entity_type = '${type}' AND m.entity_id = ${id})`;

export const untaggedReviewsSql = `SELECT * FROM ws_user_reviews r WHERE ${noModelTag('review', 'r.id')} ORDER BY id`;
export const untaggedBriefingsSql = `SELECT * FROM ws_user_briefings b WHERE ${noModelTag('briefing', 'b.id')} ORDER BY id`;
export const untaggedPassagesSql = `
SELECT p.id, p.text, d.file_name FROM passages p JOIN documents d ON d.id = p.document_id
WHERE p.id NOT IN (SELECT id FROM ws_base_keys WHERE tbl = 'passages')
  AND NOT EXISTS (SELECT 1 FROM passages q JOIN theme_tags t ON t.entity_type = 'passage' AND t.entity_id = q.id AND t.source <> 'manual'
                  WHERE q.document_id = p.document_id)
  AND NOT EXISTS (SELECT 1 FROM passages q JOIN tagged_entities m ON m.entity_type = 'passage' AND m.entity_id = q.id
                  WHERE q.document_id = p.document_id)
ORDER BY p.document_id, p.seq`;

/** A text to tag again, with where its tags go. */
export interface UntaggedText {
  entity_type: 'review' | 'briefing' | 'passage';
  entity_id: string;
  text: string;
  source: string;
}

/** Rows per query when reading untagged texts: turning 100,000 rows of text into objects at once holds the page for seconds. */
const PAGE_ROWS = 5000;

async function inPages<Row>(db: QueryRunner, sql: string, label: string, signal?: AbortSignal): Promise<Row[]> {
  const out: Row[] = [];
  for (let at = 0; ; at += PAGE_ROWS) {
    const page = await db.query<Row>(`${sql} LIMIT ${PAGE_ROWS} OFFSET ${at}`, { signal, label });
    for (const row of page) out.push(row);
    if (page.length < PAGE_ROWS) return out;
  }
}

const hasText = (column: string) => `regexp_matches(coalesce(${column}, ''), '\\S')`;

/** How many untagged imported texts there are (as untaggedTexts would list them) and from how many sources. */
export const untaggedCountSql = `
WITH texts AS (
  SELECT 'imported reviews' AS source FROM (${untaggedReviewsSql}) r
  WHERE ${hasText('r.summary')} OR ${hasText('r.findings')} OR ${hasText('r.recommendations')}
  UNION ALL
  SELECT 'imported briefings' FROM (${untaggedBriefingsSql}) b WHERE ${hasText('b.title')} OR ${hasText('b.text')}
  UNION ALL
  SELECT file_name FROM (${untaggedPassagesSql}) p WHERE ${hasText('p.text')}
)
SELECT count(*)::INTEGER AS texts, count(DISTINCT source)::INTEGER AS sources FROM texts`;

export interface UntaggedCount {
  texts: number;
  sources: number;
}

/** The count the Import page shows; the texts themselves are read only when the user asks to tag them. */
export const untaggedCountQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['import', 'untagged-count', dataVersion],
    queryFn: async ({ signal }) => (await db.query<UntaggedCount>(untaggedCountSql, { signal, label: 'import.untagged.count' }))[0] ?? { texts: 0, sources: 0 },
  });

/** Every untagged imported text (empty texts, such as a review known only by its report, are left out), read a page at a time. */
export async function untaggedTexts(db: QueryRunner, signal?: AbortSignal): Promise<UntaggedText[]> {
  const reviews = await inPages<Review>(db, untaggedReviewsSql, 'import.untagged.reviews', signal);
  const briefings = await inPages<Briefing>(db, untaggedBriefingsSql, 'import.untagged.briefings', signal);
  const passages = await inPages<{ id: string; text: string; file_name: string }>(db, untaggedPassagesSql, 'import.untagged.passages', signal);
  return [
    ...reviews.map((r) => ({ entity_type: 'review' as const, entity_id: r.id, text: reviewText(r), source: 'imported reviews' })),
    ...briefings.map((b) => ({ entity_type: 'briefing' as const, entity_id: b.id, text: briefingText(b), source: 'imported briefings' })),
    ...passages.map((p) => ({ entity_type: 'passage' as const, entity_id: p.id, text: p.text, source: p.file_name })),
  ].filter((t) => t.text.trim() !== '');
}

export const untaggedTextsQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({ queryKey: ['import', 'untagged', dataVersion], queryFn: ({ signal }) => untaggedTexts(db, signal) });
