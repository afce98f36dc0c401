/**
 * The one staging convention for writes: every change stages its rows in its
 * own copy of the stored table (`stage_<change>_<table>`), filled from Arrow
 * before anything stored changes, then moves them in within one transaction.
 *
 * Each change has its own names so that changes can stage at the same time
 * (a document imported while the tagger's tags for an earlier import are
 * still arriving); only their transactions take turns.
 *
 * Staging tables are plain tables in `main` (duckdb-wasm's Arrow insert
 * writes there), named here only, never from user input, and dropped after
 * each change.
 */
import type { SavedTableName } from '../schema/workspace-tables.ts';

/** The staging table of one change for a stored table. */
export type StageTables = (name: SavedTableName) => string;

/** The staging names of change number `change`. */
export const stageTables = (change: number): StageTables => (name) => `stage_${change}_${name}`;

/** An empty staging copy of a stored table. */
export const createStageSql = (stage: StageTables, name: SavedTableName) => `CREATE OR REPLACE TABLE ${stage(name)} AS SELECT * FROM ${name} LIMIT 0`;
export const dropStageSql = (stage: StageTables, name: SavedTableName) => `DROP TABLE IF EXISTS ${stage(name)}`;
export const stagedCountSql = (stage: StageTables, name: SavedTableName) => `SELECT count(*)::INTEGER AS n FROM ${stage(name)}`;

/** How staged rows replace stored ones: the key columns a staged row overwrites. */
const REPLACE_KEYS: Partial<Record<SavedTableName, readonly string[]>> = {
  partnerships: ['id'],
  reviews: ['id'],
  briefings: ['id'],
  documents: ['id'],
  passages: ['id'],
  theme_tags: ['entity_type', 'entity_id', 'theme_id', 'source'],
  tag_evidence: ['entity_type', 'entity_id', 'theme_id'],
  recommendation_tracking: ['rec_id'],
  tagged_entities: ['entity_type', 'entity_id'],
};

const sameKey = (keys: readonly string[]) => keys.map((k) => `s."${k}" = t."${k}"`).join(' AND ');

/** Statements that move one staged table into its stored table, replacing rows with the same key. */
export function mergeStageSql(stages: StageTables, name: SavedTableName): string[] {
  const keys = REPLACE_KEYS[name];
  const stage = stages(name);
  const out: string[] = [];
  if (keys) out.push(`DELETE FROM ${name} t WHERE EXISTS (SELECT 1 FROM ${stage} s WHERE ${sameKey(keys)})`);
  out.push(`INSERT INTO ${name} SELECT * FROM ${stage}`);
  return out;
}

/**
 * The same result as mergeStageSql the other way round: the stored rows that stay are copied into the
 * staging table, which then takes the stored table's place. For a change bigger than what is stored (a big
 * import's tags and evidence) this copies the smaller side: moving 650,000 staged evidence rows in held them
 * twice in the engine, which never gives memory back to the tab. The tables have no constraints, so the
 * staging copy (`createStageSql`) is the same table.
 */
export function swapStageSql(stages: StageTables, name: SavedTableName): string[] {
  const keys = REPLACE_KEYS[name];
  const stage = stages(name);
  // An anti join, not a correlated NOT EXISTS: that would cache every column of the stored rows first.
  const kept = keys ? ` ANTI JOIN ${stage} s ON ${sameKey(keys)}` : '';
  return [`INSERT INTO ${stage} SELECT t.* FROM ${name} t${kept}`, `DROP TABLE ${name}`, `ALTER TABLE ${stage} RENAME TO ${name}`];
}

/** Rows stored in a table now (to choose between merging and swapping). */
export const storedCountSql = (name: SavedTableName) => `SELECT count(*)::INTEGER AS n FROM ${name}`;
