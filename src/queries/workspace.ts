/**
 * The user's workspace inside DuckDB: which rows are theirs (on top of the
 * read-only bundled dataset), how to remove them, and how to put saved ones back.
 *
 * The bundled rows are remembered once after loading (ws_base_*), so user data
 * is whatever is not bundled: imported reviews, briefings, documents and
 * passages with their tags and evidence; corrections (manual tags that differ
 * from the bundled expert labels); and the theme set when the user changed it.
 */
import type { TableName } from '../schema/tables.ts';
import type { SavedTableName } from '../schema/workspace-tables.ts';
import { countsSql } from './sql.ts';
import type { StageTables } from './staging.ts';

export type { SavedTableName };

/** Origins of bundled rows; anything else was imported by the user. */
export const BUNDLED_ORIGINS = `('catalogue', 'catalogue-entries', 'pages')`;

/** Run once after loading the bundled dataset and before restoring user data. */
export const SNAPSHOT_BASE_SQL = `
CREATE OR REPLACE TABLE ws_base_keys AS
  SELECT 'partnerships' AS tbl, id FROM partnerships UNION ALL SELECT 'reviews', id FROM reviews
  UNION ALL SELECT 'briefings', id FROM briefings UNION ALL SELECT 'documents', id FROM documents
  UNION ALL SELECT 'passages', id FROM passages;
CREATE OR REPLACE TABLE ws_base_themes AS SELECT * FROM themes;
CREATE OR REPLACE TABLE ws_base_theme_groups AS SELECT * FROM theme_groups;
CREATE OR REPLACE TABLE ws_base_manual_tags AS SELECT * FROM theme_tags WHERE source = 'manual';
CREATE OR REPLACE VIEW ws_user_reviews AS SELECT * FROM reviews
  WHERE origin NOT IN ${BUNDLED_ORIGINS} OR id NOT IN (SELECT id FROM ws_base_keys WHERE tbl = 'reviews');
CREATE OR REPLACE VIEW ws_user_briefings AS SELECT * FROM briefings
  WHERE origin NOT IN ${BUNDLED_ORIGINS} OR id NOT IN (SELECT id FROM ws_base_keys WHERE tbl = 'briefings');
CREATE OR REPLACE VIEW ws_user_entities AS
  SELECT 'review' AS entity_type, id AS entity_id FROM ws_user_reviews
  UNION ALL SELECT 'briefing', id FROM ws_user_briefings
  UNION ALL SELECT 'passage', id FROM passages WHERE id NOT IN (SELECT id FROM ws_base_keys WHERE tbl = 'passages');
CREATE OR REPLACE VIEW ws_corrections AS
  SELECT * FROM theme_tags WHERE source = 'manual' EXCEPT SELECT * FROM ws_base_manual_tags;
CREATE OR REPLACE VIEW ws_themes_changed AS SELECT (
  SELECT count(*) FROM ((SELECT * FROM themes EXCEPT SELECT * FROM ws_base_themes)
    UNION ALL (SELECT * FROM ws_base_themes EXCEPT SELECT * FROM themes))) +
  (SELECT count(*) FROM ((SELECT * FROM theme_groups EXCEPT SELECT * FROM ws_base_theme_groups)
    UNION ALL (SELECT * FROM ws_base_theme_groups EXCEPT SELECT * FROM theme_groups))) > 0 AS changed;
`;

/**
 * The rows of `table` that hang off a user entity, as an uncorrelated semi join: written as a correlated
 * EXISTS, DuckDB kept every selected column of the table (a big import's 650,000 evidence sentences) in a
 * cache while streaming it out, raising the engine's memory, which it never gives back, by its whole size.
 */
const ofUserEntities = (table: string) =>
  `SELECT t.* FROM ${table} t SEMI JOIN ws_user_entities u ON u.entity_type = t.entity_type AND u.entity_id = t.entity_id`;
const notBundled = (table: string) => `id NOT IN (SELECT id FROM ws_base_keys WHERE tbl = '${table}')`;

/** The user's rows of one stored table, as saved to the browser and exported. */
export function userRowsSql(table: SavedTableName): string {
  switch (table) {
    case 'partnerships': return `SELECT * FROM partnerships WHERE ${notBundled('partnerships')} ORDER BY id`;
    // Reviews and briefings in stored order too: sorting a big import's 112,844 reviews by id held all their
    // text in the engine once more during the save (about 60 MB, kept for the life of the tab). Nothing
    // reads a saved table in its row order: loading stages it and applies it by id.
    case 'reviews': return 'SELECT * FROM ws_user_reviews';
    case 'briefings': return 'SELECT * FROM ws_user_briefings';
    case 'documents': return `SELECT * FROM documents WHERE ${notBundled('documents')} ORDER BY id`;
    case 'passages': return `SELECT * FROM passages WHERE ${notBundled('passages')} ORDER BY document_id, seq`;
    case 'themes': return 'SELECT * FROM themes WHERE (SELECT changed FROM ws_themes_changed)';
    case 'theme_groups': return 'SELECT * FROM theme_groups WHERE (SELECT changed FROM ws_themes_changed)';
    // Tags and evidence in stored order: sorting a big import's 800,000 rows of evidence before streaming them out
    // held them all in the engine's memory once more (it never gives memory back), for no reader that needs an order.
    case 'theme_tags':
      return `SELECT * FROM ws_corrections UNION ALL ${ofUserEntities('theme_tags')} WHERE t.source <> 'manual'`;
    case 'tag_evidence': return ofUserEntities('tag_evidence');
    case 'recommendation_tracking': return 'SELECT * FROM recommendation_tracking ORDER BY rec_id';
    case 'tagged_entities': return `${ofUserEntities('tagged_entities')} ORDER BY entity_type, entity_id`;
  }
}

/** Removes every user row and puts back the bundled theme set and expert labels. */
export const DELETE_USER_DATA_SQL = `
CREATE OR REPLACE TEMP TABLE ws_gone AS SELECT * FROM ws_user_entities;
DELETE FROM tag_evidence t WHERE EXISTS (SELECT 1 FROM ws_gone g WHERE g.entity_type = t.entity_type AND g.entity_id = t.entity_id);
DELETE FROM theme_tags t WHERE t.source = 'manual'
  OR EXISTS (SELECT 1 FROM ws_gone g WHERE g.entity_type = t.entity_type AND g.entity_id = t.entity_id);
INSERT INTO theme_tags SELECT * FROM ws_base_manual_tags;
DELETE FROM passages WHERE id IN (SELECT entity_id FROM ws_gone WHERE entity_type = 'passage');
DELETE FROM documents WHERE ${notBundled('documents')};
DELETE FROM reviews WHERE id IN (SELECT entity_id FROM ws_gone WHERE entity_type = 'review');
DELETE FROM briefings WHERE id IN (SELECT entity_id FROM ws_gone WHERE entity_type = 'briefing');
DELETE FROM partnerships WHERE ${notBundled('partnerships')};
DELETE FROM themes; INSERT INTO themes SELECT * FROM ws_base_themes;
DELETE FROM theme_groups; INSERT INTO theme_groups SELECT * FROM ws_base_theme_groups;
DELETE FROM recommendation_tracking;
DELETE FROM tagged_entities;
DROP TABLE ws_gone;
`;

/** What is wrong with a staged saved workspace (one row per problem); run before applying it. */
export const stagedProblemsSql = (staged: StageTables) => `
SELECT 'a theme tag has an unknown source "' || source || '"' AS problem FROM ${staged('theme_tags')} WHERE source NOT IN ('model', 'rule', 'manual', 'catalogue')
UNION ALL SELECT 'a theme tag is on an unknown kind of entry "' || entity_type || '"' FROM ${staged('theme_tags')} WHERE entity_type NOT IN ('review', 'briefing', 'passage')
UNION ALL SELECT 'a review has no id' FROM ${staged('reviews')} WHERE id IS NULL OR id = ''
UNION ALL SELECT 'a briefing has no id' FROM ${staged('briefings')} WHERE id IS NULL OR id = ''
UNION ALL SELECT 'a theme has no id' FROM ${staged('themes')} WHERE id IS NULL OR id = ''
LIMIT 5`;

const replaceById = (staged: StageTables, t: TableName) =>
  `DELETE FROM ${t} WHERE id IN (SELECT id FROM ${staged(t)}); INSERT INTO ${t} SELECT * FROM ${staged(t)};`;
const inStaged = (alias: string) =>
  `EXISTS (SELECT 1 FROM ws_in_entities s WHERE s.entity_type = ${alias}.entity_type AND s.entity_id = ${alias}.entity_id)`;

/**
 * Applies a staged saved workspace (every table staged, see src/workspace/write.ts)
 * on top of what is loaded: saved entries replace same-id rows, corrections
 * replace the manual tag of the same entry and theme, a saved theme set
 * replaces the current one. Runs inside the change's transaction.
 */
export const applyStagedSql = (staged: StageTables) => `
-- By name: a workspace saved before partnerships had a kind column still loads.
INSERT INTO partnerships BY NAME SELECT * FROM ${staged('partnerships')} WHERE id NOT IN (SELECT id FROM partnerships);
DELETE FROM theme_groups WHERE (SELECT count(*) FROM ${staged('theme_groups')}) > 0; INSERT INTO theme_groups SELECT * FROM ${staged('theme_groups')};
DELETE FROM themes WHERE (SELECT count(*) FROM ${staged('themes')}) > 0; INSERT INTO themes SELECT * FROM ${staged('themes')};
${(['reviews', 'briefings', 'documents', 'passages'] as const).map((t) => replaceById(staged, t)).join('\n')}
CREATE OR REPLACE TEMP TABLE ws_in_entities AS
  SELECT 'review' AS entity_type, id AS entity_id FROM ${staged('reviews')} UNION ALL SELECT 'briefing', id FROM ${staged('briefings')}
  UNION ALL SELECT 'passage', id FROM ${staged('passages')};
DELETE FROM theme_tags t WHERE (t.source <> 'manual' AND ${inStaged('t')}) OR (t.source = 'manual' AND EXISTS (
  SELECT 1 FROM ${staged('theme_tags')} s WHERE s.source = 'manual' AND s.entity_type = t.entity_type AND s.entity_id = t.entity_id AND s.theme_id = t.theme_id));
INSERT INTO theme_tags SELECT * FROM ${staged('theme_tags')};
DELETE FROM tag_evidence t WHERE ${inStaged('t')};
INSERT INTO tag_evidence SELECT * FROM ${staged('tag_evidence')};
DELETE FROM recommendation_tracking WHERE rec_id IN (SELECT rec_id FROM ${staged('recommendation_tracking')});
INSERT INTO recommendation_tracking SELECT * FROM ${staged('recommendation_tracking')};
DELETE FROM tagged_entities t WHERE ${inStaged('t')} OR EXISTS (
  SELECT 1 FROM ${staged('tagged_entities')} s WHERE s.entity_type = t.entity_type AND s.entity_id = t.entity_id);
INSERT INTO tagged_entities SELECT * FROM ${staged('tagged_entities')};
DROP TABLE ws_in_entities`;

/** Counts of the user's data, for the workspace page. */
const USER_DATA_COUNTS = {
  reviews: 'ws_user_reviews',
  briefings: 'ws_user_briefings',
  documents: `documents WHERE ${notBundled('documents')}`,
  passages: `passages WHERE ${notBundled('passages')}`,
  corrections: 'ws_corrections',
  accepted: 'ws_corrections WHERE accepted',
  rejected: 'ws_corrections WHERE NOT accepted',
  model_tags: `(${ofUserEntities('theme_tags')} WHERE t.source <> 'manual') AS user_model_tags`,
  themes_added: 'themes WHERE id NOT IN (SELECT id FROM ws_base_themes)',
  themes_retired: 'themes WHERE retired',
} as const;

export type UserDataSummary = Record<keyof typeof USER_DATA_COUNTS, number> & { themes_changed: boolean };
export const USER_DATA_SUMMARY_SQL = countsSql(USER_DATA_COUNTS, { themes_changed: '(SELECT changed FROM ws_themes_changed)' });
