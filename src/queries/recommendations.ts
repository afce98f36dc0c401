/**
 * Recommendations: the texts they are found in, the table the app derives from
 * them (recommendations, recommendation_themes), the user's tracking of each
 * (recommendation_tracking, saved with the workspace) and the aggregates the
 * Recommendations view charts. Filters are the shared ones: review filters on
 * the recommendation's review, the Themes filter on the recommendation's own themes.
 */
import type { QueryRunner } from './runner.ts';
import type { ColumnType } from '../schema/tables.ts';
import type { RecommendationTracking } from '../schema/workspace-tables.ts';
import type { Filters } from '../filters/filters.ts';
import { reviewWhere } from './filters.ts';
import { queryFiltered } from './search-hits.ts';
import { and, int, str, strList } from './sql.ts';
import type { KindThemeRow, KindYearRow, OwnerRow, RecommendationListRow } from '../recommendations/answer-rows.ts';

export type { KindThemeRow, KindYearRow, OwnerRow, RecommendationListRow };

/** Columns of the derived tables (rebuilt whenever the texts change; never saved: they come from the texts). */
export const RECOMMENDATION_COLUMNS = {
  id: 'VARCHAR', review_id: 'VARCHAR', source: 'VARCHAR', source_id: 'VARCHAR', field: 'VARCHAR', seq: 'INTEGER', text: 'VARCHAR',
  start_offset: 'INTEGER', end_offset: 'INTEGER', via: 'VARCHAR', kind: 'VARCHAR', kind_confidence: 'DOUBLE', addressee: 'VARCHAR', agency: 'VARCHAR',
} as const satisfies Record<string, ColumnType>;
export const RECOMMENDATION_THEME_COLUMNS = { rec_id: 'VARCHAR', theme_id: 'VARCHAR', score: 'DOUBLE' } as const satisfies Record<string, ColumnType>;

const columnsDdl = (cols: Record<string, ColumnType>) => Object.entries(cols).map(([c, t]) => `"${c}" ${t}`).join(', ');

export const CREATE_RECOMMENDATION_TABLES_SQL = `
CREATE OR REPLACE TABLE recommendations (${columnsDdl(RECOMMENDATION_COLUMNS)});
CREATE OR REPLACE TABLE recommendation_themes (${columnsDdl(RECOMMENDATION_THEME_COLUMNS)});
DROP TABLE IF EXISTS recommendation_state`;

export interface RecommendationSourceRow {
  /** 'catalogue' (a field of the review record) or 'document' (an imported document's passages, joined by blank lines). */
  source: 'catalogue' | 'document';
  review_id: string;
  /** The review id for catalogue fields, the document id for documents. */
  source_id: string;
  field: 'recommendations' | 'summary' | 'findings' | 'document';
  text: string;
}

/** Every text a recommendation can be found in for the given reviews, in a stable order. */
export function recommendationSourcesSql(reviewIds: readonly string[]): string {
  const ids = strList(reviewIds);
  return `
SELECT 'catalogue' AS source, id AS review_id, id AS source_id, 'recommendations' AS field, recommendations AS text FROM reviews WHERE id IN ${ids} AND trim(coalesce(recommendations, '')) <> ''
UNION ALL SELECT 'catalogue', id, id, 'summary', summary FROM reviews WHERE id IN ${ids} AND trim(coalesce(summary, '')) <> ''
UNION ALL SELECT 'catalogue', id, id, 'findings', findings FROM reviews WHERE id IN ${ids} AND trim(coalesce(findings, '')) <> ''
UNION ALL SELECT 'document', p.entity_id, p.document_id, 'document', string_agg(p.text, chr(10) || chr(10) ORDER BY p.seq)
  FROM passages p WHERE p.entity_type = 'review' AND p.entity_id IN ${ids} GROUP BY p.entity_id, p.document_id
ORDER BY review_id, source, source_id, field`;
}

/**
 * The tables the build keeps between runs, so only reviews whose texts
 * changed are read again: what each review's texts were when its
 * recommendations were found (recommendation_state), and which tagger
 * found their themes (recommendation_meta).
 */
export const ENSURE_RECOMMENDATION_TABLES_SQL = `
CREATE TABLE IF NOT EXISTS recommendations (${columnsDdl(RECOMMENDATION_COLUMNS)});
CREATE TABLE IF NOT EXISTS recommendation_themes (${columnsDdl(RECOMMENDATION_THEME_COLUMNS)});
CREATE TABLE IF NOT EXISTS recommendation_state (review_id VARCHAR, fingerprint UBIGINT);
CREATE TABLE IF NOT EXISTS recommendation_meta (model_key VARCHAR)`;

/**
 * A fingerprint of each review's texts: its catalogue fields, and its
 * documents by id and length (a document's passages are never edited in
 * place, so this avoids hashing a million passages on every visit).
 */
const REVIEW_FINGERPRINTS_SQL = `
SELECT r.id AS review_id, hash(coalesce(r.recommendations, ''), coalesce(r.summary, ''), coalesce(r.findings, ''), coalesce(d.docs, 0)) AS fingerprint
FROM reviews r LEFT JOIN (
  SELECT entity_id, bit_xor(hash(id, char_count)) AS docs FROM documents WHERE entity_type = 'review' GROUP BY entity_id
) d ON d.entity_id = r.id`;

/** Reviews whose texts changed since their recommendations were found, new ones, and ones since removed. */
export const STALE_RECOMMENDATION_REVIEWS_SQL = `
WITH now AS (${REVIEW_FINGERPRINTS_SQL})
SELECT n.review_id, n.fingerprint::VARCHAR AS fingerprint FROM now n LEFT JOIN recommendation_state s USING (review_id)
WHERE s.fingerprint IS DISTINCT FROM n.fingerprint
UNION ALL
SELECT s.review_id, NULL FROM recommendation_state s ANTI JOIN now n USING (review_id)
ORDER BY 1`;

/** Marks the shipped recommendation tables as found from the texts now loaded, by the shipped tagger. */
export const TRUST_SHIPPED_RECOMMENDATIONS_SQL = `
${ENSURE_RECOMMENDATION_TABLES_SQL};
DELETE FROM recommendation_state; INSERT INTO recommendation_state ${REVIEW_FINGERPRINTS_SQL};
DELETE FROM recommendation_meta; INSERT INTO recommendation_meta VALUES ('shipped')`;

/** Forgets every review's state when the tagger changed, so all are read and tagged again. */
export function resetRecommendationsForModelSql(modelKey: string): string {
  return `DELETE FROM recommendation_state WHERE (SELECT coalesce(max(model_key), '') FROM recommendation_meta) <> ${str(modelKey)};
DELETE FROM recommendation_meta; INSERT INTO recommendation_meta VALUES (${str(modelKey)})`;
}

/** Removes the rows of some reviews (before their new rows go in, or because they are gone). */
export function deleteRecommendationsOfSql(reviewIds: readonly string[]): string {
  const ids = strList(reviewIds);
  return `DELETE FROM recommendation_themes WHERE rec_id IN (SELECT id FROM recommendations WHERE review_id IN ${ids});
DELETE FROM recommendations WHERE review_id IN ${ids};
DELETE FROM recommendation_state WHERE review_id IN ${ids}`;
}

/** Records the texts a batch of reviews had when their recommendations were found. */
export function recordRecommendationStateSql(states: readonly { review_id: string; fingerprint: string }[]): string {
  return `INSERT INTO recommendation_state VALUES ${states.map((s) => `(${str(s.review_id)}, ${str(s.fingerprint)}::UBIGINT)`).join(', ')}`;
}

/** Changes whenever the tables do: part of every recommendations query key. */
export const RECOMMENDATIONS_VERSION_SQL = `
SELECT coalesce(bit_xor(hash(review_id, fingerprint)), 0)::VARCHAR AS state, (SELECT count(*)::INTEGER FROM recommendations) AS recommendations,
       (SELECT coalesce(max(model_key), '') FROM recommendation_meta) AS model_key
FROM recommendation_state`;

/** Recommendations with their review and tracking (missing tracking = not started), where `where` holds. */
function recsCte(where: string): string {
  return `recs AS (
  SELECT x.*, r.year::INTEGER AS year, r.case_name AS review, r.partnership_id, p.name AS partnership,
         coalesce(t.status, 'not-started') AS status, coalesce(t.owner, '') AS owner, coalesce(t.due_on, '') AS due_on, coalesce(t.note, '') AS note
  FROM recommendations x JOIN reviews r ON r.id = x.review_id JOIN partnerships p ON p.id = r.partnership_id
  LEFT JOIN recommendation_tracking t ON t.rec_id = x.id
  WHERE ${where}
)`;
}

/** The recommendations the filters keep: review filters on their review, the Themes filter on their own themes. */
function filteredRecsCte(f: Filters): string {
  const themes = [...new Set(f.themes)];
  return recsCte(and([
    reviewWhere(f, { ignoreThemes: true }),
    themes.length > 0 && `x.id IN (SELECT rec_id FROM recommendation_themes WHERE theme_id IN ${strList(themes)} GROUP BY rec_id HAVING count(DISTINCT theme_id) = ${int(themes.length)})`,
  ]));
}

/** The list's order, on the recs CTE's columns; the recommendation index keeps the same order. */
export const RECOMMENDATION_LIST_ORDER = 'recs.year DESC NULLS LAST, recs.review, recs.review_id, recs.source, recs.source_id, recs.seq';

/** Recommendations per publication year and kind, with each kind's share of that year. */
export function kindsByYearSql(f: Filters): string {
  return `WITH ${filteredRecsCte(f)},
counts AS (SELECT year, kind, count(*)::INTEGER AS recommendations FROM recs WHERE year IS NOT NULL GROUP BY year, kind)
SELECT year, kind, recommendations, (sum(recommendations) OVER (PARTITION BY year))::INTEGER AS total,
       recommendations / sum(recommendations) OVER (PARTITION BY year) AS share
FROM counts ORDER BY year, kind`;
}

/** Recommendations per theme (the tagger on the recommendation's text) and kind, for the themes with most recommendations. */
export function kindsByThemeSql(f: Filters, top = 12): string {
  return `WITH ${filteredRecsCte(f)},
per AS (SELECT rt.theme_id, recs.kind, count(*)::INTEGER AS n FROM recs JOIN recommendation_themes rt ON rt.rec_id = recs.id GROUP BY ALL),
ranked AS (SELECT theme_id, sum(n) AS total, row_number() OVER (ORDER BY sum(n) DESC, theme_id) AS rank FROM per GROUP BY theme_id)
SELECT per.theme_id, coalesce(th.label, per.theme_id) AS theme, per.kind, per.n AS recommendations
FROM per JOIN ranked USING (theme_id) LEFT JOIN themes th ON th.id = per.theme_id
WHERE ranked.rank <= ${int(top)} ORDER BY ranked.rank, per.kind`;
}

/** Open recommendations (not started or in progress) per owner, and how many are past their due date on `today` (YYYY-MM-DD). */
export function openByOwnerSql(f: Filters, today: string): string {
  return `WITH ${filteredRecsCte(f)}
SELECT CASE WHEN trim(owner) = '' THEN 'No owner' ELSE owner END AS owner,
       count(*)::INTEGER AS open,
       count(*) FILTER (WHERE due_on <> '' AND due_on < ${str(today)})::INTEGER AS overdue
FROM recs WHERE status IN ('not-started', 'in-progress')
GROUP BY ALL ORDER BY overdue DESC, open DESC, owner`;
}

function listSql(recs: string, themeWhere: string): string {
  return `WITH ${recs},
th AS (SELECT rt.rec_id, list(coalesce(t.label, rt.theme_id) ORDER BY rt.score DESC) AS themes
       FROM recommendation_themes rt LEFT JOIN themes t ON t.id = rt.theme_id WHERE ${themeWhere} GROUP BY rt.rec_id)
SELECT recs.id, recs.review_id, recs.review, recs.partnership, recs.year, recs.source, recs.field, recs.text, recs.start_offset, recs.end_offset,
       recs.kind, recs.kind_confidence, recs.addressee, recs.agency, coalesce(th.themes, []) AS themes,
       recs.status, recs.owner, recs.due_on, recs.note
FROM recs LEFT JOIN th ON th.rec_id = recs.id
ORDER BY ${RECOMMENDATION_LIST_ORDER}`;
}

/** Every recommendation the filters keep, newest reviews first, in text order within a review. */
export function recommendationListSql(f: Filters): string {
  return listSql(filteredRecsCte(f), 'true');
}

/** Every recommendation with a review and partnership, whatever the filters, in the list's order. */
export const ALL_RECOMMENDATIONS_SQL = listSql(recsCte('true'), 'true');

/** Every recommendation (id, text) with its tracking, to check an action plan against whatever the filters. */
export const KNOWN_RECOMMENDATIONS_SQL = `
SELECT x.id, x.text, coalesce(t.status, 'not-started') AS status, coalesce(t.owner, '') AS owner, coalesce(t.due_on, '') AS due_on, coalesce(t.note, '') AS note
FROM recommendations x LEFT JOIN recommendation_tracking t ON t.rec_id = x.id ORDER BY x.id`;

/** Replaces the tracking of the given recommendations (one statement list; run as one transaction). */
export function upsertTrackingSql(rows: readonly RecommendationTracking[]): string {
  if (!rows.length) return 'SELECT 1';
  const values = rows.map((r) => `(${[r.rec_id, r.status, r.owner, r.due_on, r.note, r.updated_at].map(str).join(', ')})`).join(',\n');
  return `DELETE FROM recommendation_tracking WHERE rec_id IN ${strList(rows.map((r) => r.rec_id))};
INSERT INTO recommendation_tracking VALUES ${values}`;
}

/** Every recommendation the filters keep, with its text (for the action plan file). */
export function allRecommendationRows(db: QueryRunner, f: Filters, signal?: AbortSignal): Promise<RecommendationListRow[]> {
  return queryFiltered<RecommendationListRow>(db, f, recommendationListSql(f), { signal, label: 'recommendations.list' });
}
