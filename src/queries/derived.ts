/**
 * Tables derived from the stored ones, rebuilt after every load, import or
 * correction so dashboard queries never re-derive them.
 *
 * entity_themes: one row per (entity, theme) that counts. A manual tag
 * overrides the model for that theme on that entity: accepted adds it, rejected
 * removes it. Passage tags roll up to their review or briefing.
 *
 * review_facts, review_theme_facts: the same, narrowed to what filtered
 * dashboard queries read. `title_only` marks a review known only from a
 * source page's list (origin 'pages'): its only text is its title and its
 * briefings' titles, so any theme it carries was derived from what was
 * already briefed (the `titleOnly` filter decides whether it counts).
 *
 * briefing_facts: one row per briefing with its de-duplication key. The same
 * briefing is often listed once per review it came from; briefings of one
 * partnership with the same normalised title are one briefing
 * (`briefing_key`, the smallest id of the group), linked to `linked_reviews`
 * reviews. Counts of briefings count distinct keys. search_queries, search_hits: text searches (see
 * search-hits.ts).
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

-- The dashboard's hot tables: one row per review, and one per (review, effective theme),
-- each carrying the columns the shared filters test, so a filtered aggregate is one scan
-- of a few narrow columns with no join (reviewWhere works on both as alias r).
-- tag_sources: which sources stand behind the review's counted themes, as bits (1 expert labels,
-- 2 tagger: model or phrase rule, 4 catalogue keywords; TAG_SOURCE_BITS in src/filters/filters.ts).
CREATE OR REPLACE TABLE review_facts AS
WITH review_tags AS (
  SELECT entity_id, theme_id, source, accepted FROM theme_tags WHERE entity_type = 'review'
  UNION ALL
  SELECT p.entity_id, t.theme_id, t.source, t.accepted
  FROM theme_tags t JOIN passages p ON p.id = t.entity_id WHERE t.entity_type = 'passage' AND p.entity_type = 'review'
),
sources AS (
  SELECT e.entity_id AS id,
         bit_or(CASE t.source WHEN 'manual' THEN 1 WHEN 'catalogue' THEN 4 ELSE 2 END)::UTINYINT AS tag_sources
  FROM entity_themes e
  JOIN review_tags t ON t.entity_id = e.entity_id AND t.theme_id = e.theme_id AND (t.source <> 'manual' OR t.accepted)
  WHERE e.entity_type = 'review'
  GROUP BY ALL
)
SELECT r.id, r.partnership_id, r.year, r.review_type, coalesce(t.n, 0)::INTEGER AS theme_count,
       (r.origin = 'pages') AS title_only, coalesce(s.tag_sources, 0)::UTINYINT AS tag_sources
FROM reviews r
LEFT JOIN (SELECT entity_id, count(*) AS n FROM entity_themes WHERE entity_type = 'review' GROUP BY entity_id) t ON t.entity_id = r.id
LEFT JOIN sources s ON s.id = r.id
ORDER BY r.id;

CREATE OR REPLACE TABLE review_theme_facts AS
SELECT f.id, e.theme_id, f.partnership_id, f.year, f.review_type, f.title_only
FROM entity_themes e JOIN review_facts f ON f.id = e.entity_id
WHERE e.entity_type = 'review'
-- Theme order: the theme filter reads one theme's rows (zone maps skip the rest).
ORDER BY e.theme_id, f.id;

CREATE OR REPLACE TABLE briefing_facts AS
WITH keyed AS (
  SELECT id, partnership_id, review_id,
         -- Normalised title: case, punctuation and a leading "the" or "7-minute briefing:" do not make a new briefing.
         trim(regexp_replace(regexp_replace(lower(title), '^\\s*(?:(?:7|seven)[ -]?minute\\s+briefing\\s*[:–-]?\\s*)?(?:the\\s+)?', ''), '[^a-z0-9]+', ' ', 'g')) AS title_key
  FROM briefings
),
grouped AS (
  SELECT partnership_id, title_key, min(id) AS briefing_key, count(DISTINCT review_id)::INTEGER AS linked_reviews, count(*)::INTEGER AS copies
  FROM keyed GROUP BY ALL
)
SELECT k.id, k.partnership_id, k.title_key, g.briefing_key, g.linked_reviews, g.copies
FROM keyed k JOIN grouped g USING (partnership_id, title_key)
ORDER BY k.id;

-- Text searches run once into here (search-hits.ts); rebuilt empty, as the hits may have changed.
CREATE OR REPLACE TABLE search_queries (q VARCHAR);
CREATE OR REPLACE TABLE search_hits (q VARCHAR, kind VARCHAR, id VARCHAR);
`
