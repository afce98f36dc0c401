/**
 * Correcting the tagger on one review, briefing or passage: its themes as the
 * tagger and people see them, and the manual tags that override the model.
 * Every view reads entity_themes, so a correction counts everywhere once written
 * (the write path refreshes the derived tables).
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { EntityType, ThemeTag } from '../schema/records.ts';
import { str } from './sql.ts';

export interface EntityRef {
  type: EntityType;
  id: string;
}

export interface EntityThemeRow {
  theme_id: string;
  label: string;
  group_label: string;
  retired: boolean;
  /** The tagger's score when it tagged the theme (model or rule), else null. */
  model_score: number | null;
  model_source: 'model' | 'rule' | 'catalogue' | null;
  /** The manual tag in force: true accepted, false rejected, null none. */
  manual: boolean | null;
  /** The manual tag is the bundled expert label (not the user's own correction). */
  expert: boolean;
  /** The theme counts for this entry (entity_themes). */
  effective: boolean;
  evidence: string | null;
}

const where = (e: EntityRef, alias = '') => `${alias}entity_type = ${str(e.type)} AND ${alias}entity_id = ${str(e.id)}`;

/** Every theme the tagger or a person has an opinion on for one entry, effective ones first. */
export function entityThemesSql(e: EntityRef): string {
  return `
WITH auto AS (
  SELECT theme_id, max(score) AS score, arg_max(source, score) AS source FROM theme_tags
  WHERE ${where(e)} AND source <> 'manual' GROUP BY theme_id
),
manual AS (SELECT theme_id, bool_or(accepted) AS accepted FROM theme_tags WHERE ${where(e)} AND source = 'manual' GROUP BY theme_id),
expert AS (SELECT theme_id, bool_or(accepted) AS accepted FROM ws_base_manual_tags WHERE ${where(e)} GROUP BY theme_id),
eff AS (SELECT theme_id FROM entity_themes WHERE ${where(e)}),
ev AS (SELECT theme_id, arg_min(sentence, rank) AS sentence FROM tag_evidence WHERE ${where(e)} GROUP BY theme_id),
ids AS (SELECT theme_id FROM auto UNION SELECT theme_id FROM manual UNION SELECT theme_id FROM eff)
SELECT i.theme_id, coalesce(t.label, i.theme_id) AS label, coalesce(g.label, '') AS group_label, coalesce(t.retired, false) AS retired,
       a.score AS model_score, a.source AS model_source, m.accepted AS manual,
       (m.accepted IS NOT NULL AND m.accepted IS NOT DISTINCT FROM x.accepted) AS expert,
       (f.theme_id IS NOT NULL) AS effective, ev.sentence AS evidence
FROM ids i LEFT JOIN themes t ON t.id = i.theme_id LEFT JOIN theme_groups g ON g.id = t.group_id
LEFT JOIN auto a USING (theme_id) LEFT JOIN manual m USING (theme_id) LEFT JOIN expert x USING (theme_id)
LEFT JOIN eff f USING (theme_id) LEFT JOIN ev USING (theme_id)
ORDER BY effective DESC, a.score DESC NULLS LAST, label`;
}

/** A person's verdict on a theme for one entry: a manual tag, which replaces any earlier one (same key) when written. */
export function correctionTag(e: EntityRef, themeId: string, accepted: boolean): ThemeTag {
  return { entity_type: e.type, entity_id: e.id, theme_id: themeId, score: accepted ? 1 : 0, source: 'manual', accepted };
}

/** Withdraws the user's correction: back to the bundled expert label if there is one, else to the tagger. */
export function clearCorrectionSql(e: EntityRef, themeId: string): string[] {
  return [
    `DELETE FROM theme_tags WHERE ${where(e)} AND theme_id = ${str(themeId)} AND source = 'manual'`,
    `INSERT INTO theme_tags SELECT * FROM ws_base_manual_tags WHERE ${where(e)} AND theme_id = ${str(themeId)}`,
  ];
}

export interface CorrectableEntry {
  type: 'review' | 'briefing';
  id: string;
  title: string;
  partnership: string;
  year: number | null;
  corrections: number;
}

/** Reviews and briefings to pick from, the user's corrected ones first. */
export const correctableEntriesSql = `
WITH c AS (SELECT entity_type, entity_id, count(*) AS n FROM ws_corrections GROUP BY ALL)
SELECT * FROM (
  SELECT 'review' AS type, r.id, r.case_name AS title, p.name AS partnership, r.year::INTEGER AS year, coalesce(c.n, 0)::INTEGER AS corrections
  FROM reviews r JOIN partnerships p ON p.id = r.partnership_id LEFT JOIN c ON c.entity_type = 'review' AND c.entity_id = r.id
  UNION ALL
  SELECT 'briefing', b.id, b.title, p.name, b.year::INTEGER, coalesce(c.n, 0)::INTEGER
  FROM briefings b JOIN partnerships p ON p.id = b.partnership_id LEFT JOIN c ON c.entity_type = 'briefing' AND c.entity_id = b.id
) ORDER BY corrections > 0 DESC, type DESC, partnership, title`;

export const entityThemesQuery = (db: QueryRunner, e: EntityRef, dataVersion: number) =>
  queryOptions({
    queryKey: ['corrections', 'entityThemes', e, dataVersion],
    queryFn: ({ signal }) => db.query<EntityThemeRow>(entityThemesSql(e), { signal, label: 'corrections.entityThemes' }),
  });

export const correctableEntriesQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['corrections', 'entries', dataVersion],
    queryFn: ({ signal }) => db.query<CorrectableEntry>(correctableEntriesSql, { signal, label: 'corrections.entries' }),
  });

/** The text the tagger reads for each review and briefing (as reviewText/briefingText), plus any imported passages. */
const ENTRY_TEXT_SQL = `
WITH texts AS (
  SELECT 'review' AS entity_type, id AS entity_id, concat_ws(chr(10) || chr(10),
    CASE WHEN trim(summary) <> '' THEN summary END, CASE WHEN trim(findings) <> '' THEN findings END,
    CASE WHEN trim(recommendations) <> '' THEN recommendations END) AS text FROM reviews
  UNION ALL
  SELECT 'briefing', id, concat_ws(chr(10) || chr(10), CASE WHEN trim(title) <> '' THEN title END, CASE WHEN trim(text) <> '' THEN text END) FROM briefings
),
passage_text AS (SELECT entity_type, entity_id, string_agg(text, chr(10) || chr(10) ORDER BY seq) AS text FROM passages GROUP BY ALL),
entry_text AS (
  SELECT t.entity_type, t.entity_id, concat_ws(chr(10) || chr(10), CASE WHEN t.text <> '' THEN t.text END, p.text) AS text
  FROM texts t LEFT JOIN passage_text p USING (entity_type, entity_id)
)`;

export interface TrainingExampleRow {
  entity_type: 'review' | 'briefing';
  entity_id: string;
  text: string;
  gold: string[];
  partial: boolean;
}

/**
 * One training example per review or briefing a person has judged. Entries
 * with bundled expert labels were labelled in full, so their gold is the
 * accepted manual themes; on other entries the user corrected some themes and
 * left the tagger's others standing, so their gold is the effective theme list.
 * A briefing with a single expert theme only tells us its own topic (partial),
 * as in the training pipeline.
 */
export const trainingExamplesSql = `
${ENTRY_TEXT_SQL},
manual AS (  -- a passage's judgment counts for its document's entity; two inner joins, not a LEFT JOIN the engine runs as a nested loop
  SELECT t.entity_type, t.entity_id, t.theme_id, t.accepted FROM theme_tags t WHERE t.source = 'manual' AND t.entity_type <> 'passage'
  UNION ALL
  SELECT p.entity_type, p.entity_id, t.theme_id, t.accepted FROM theme_tags t JOIN passages p ON p.id = t.entity_id
  WHERE t.source = 'manual' AND t.entity_type = 'passage'
),
expert AS (SELECT DISTINCT entity_type, entity_id FROM ws_base_manual_tags),
judged AS (SELECT DISTINCT entity_type, entity_id FROM manual WHERE entity_type IN ('review', 'briefing')),
gold AS (
  SELECT j.entity_type, j.entity_id, e.theme_id FROM judged j JOIN entity_themes e USING (entity_type, entity_id)
  JOIN themes th ON th.id = e.theme_id AND NOT th.retired
  WHERE e.source = 'manual' OR NOT EXISTS (SELECT 1 FROM expert x WHERE x.entity_type = j.entity_type AND x.entity_id = j.entity_id)
)
SELECT j.entity_type, j.entity_id, x.text,
       coalesce(list(g.theme_id ORDER BY g.theme_id) FILTER (WHERE g.theme_id IS NOT NULL), []) AS gold,
       (j.entity_type = 'briefing' AND count(g.theme_id) = 1 AND bool_or(ex.entity_id IS NOT NULL)) AS partial
FROM judged j JOIN entry_text x USING (entity_type, entity_id)
LEFT JOIN gold g USING (entity_type, entity_id)
LEFT JOIN expert ex USING (entity_type, entity_id)
WHERE x.text <> ''
GROUP BY j.entity_type, j.entity_id, x.text
ORDER BY j.entity_type, j.entity_id`;

/** The user's own (imported) reviews and briefings with their text, to re-tag after retraining. */
export const userEntriesToTagSql = `
${ENTRY_TEXT_SQL}
SELECT u.entity_type, u.entity_id, x.text FROM ws_user_entities u JOIN entry_text x USING (entity_type, entity_id)
WHERE u.entity_type IN ('review', 'briefing') AND x.text <> '' ORDER BY u.entity_type, u.entity_id`;
