/**
 * Tables derived from the stored ones, rebuilt after every load, import or
 * correction so dashboard queries never re-derive them.
 *
 * entity_themes: one row per (entity, theme) that counts. A manual tag
 * overrides the model for that theme on that entity: accepted adds it, rejected
 * removes it. Passage tags roll up to their review or briefing.
 */
export const REFRESH_DERIVED_SQL = `
CREATE OR REPLACE TABLE entity_themes AS
WITH rolled AS (
  -- Two branches, not one LEFT JOIN with 'passage' in its condition: DuckDB cannot
  -- hash-join on that condition and fell back to a nested loop (16 s at 100k passages).
  SELECT entity_type, entity_id, theme_id, score, source, accepted FROM theme_tags WHERE entity_type <> 'passage'
  UNION ALL
  SELECT p.entity_type, p.entity_id, t.theme_id, t.score, t.source, t.accepted
  FROM theme_tags t JOIN passages p ON p.id = t.entity_id WHERE t.entity_type = 'passage'
),
manual AS (
  SELECT entity_type, entity_id, theme_id, bool_or(accepted) AS accepted
  FROM rolled WHERE source = 'manual' GROUP BY ALL
),
automatic AS (
  SELECT entity_type, entity_id, theme_id, max(score) AS score, arg_max(source, score) AS source
  FROM rolled WHERE source <> 'manual' GROUP BY ALL
)
SELECT * FROM (
  SELECT a.entity_type, a.entity_id, a.theme_id, a.score, a.source
  FROM automatic a ANTI JOIN manual m USING (entity_type, entity_id, theme_id)
  UNION ALL
  SELECT entity_type, entity_id, theme_id, 1.0 AS score, 'manual' AS source FROM manual WHERE accepted
)
-- Stored in entity order: queries on reviews skip the briefing row groups (zone maps).
ORDER BY entity_type, entity_id, theme_id;

CREATE OR REPLACE TABLE review_search AS
SELECT r.id AS review_id,
       concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations,
                 (SELECT string_agg(p.text, ' ') FROM passages p WHERE p.entity_type = 'review' AND p.entity_id = r.id)) AS body
FROM reviews r;
`;
