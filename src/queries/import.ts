/**
 * SQL for importing: reading a registered file into a scratch table, what the
 * workspace already holds, and what an import clears before its rows go in
 * (old tags, earlier copies of a document). Staging and the one transaction
 * are the write path's (src/workspace/write.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Briefing, Review } from '../schema/records.ts';
import { countsSql, str } from './sql.ts';
import { BUNDLED_ORIGINS } from './workspace.ts';
import type { StageTables } from './staging.ts';

/**
 * Scratch tables are plain tables in `main` (duckdb-wasm's Arrow insert
 * writes there), named here only, never from user input, and dropped after
 * each import.
 */
export const scratchTable = (n: number) => `import_scratch_${n}`;

/** A CSV or TSV file (registered under `fileName`) as text columns; row 1 is the header. */
export function readCsvSql(table: string, fileName: string, delimiter: ',' | '\t' | ';' | null): string {
  const delim = delimiter ? `, delim=${str(delimiter)}` : '';
  return `CREATE OR REPLACE TABLE ${table} AS
SELECT * FROM read_csv(${str(fileName)}, header=true, all_varchar=true, auto_detect=true${delim}, null_padding=true, ignore_errors=false)`;
}

/** Every column of a scratch table as text, in file order. */
export const scratchRowsSql = (table: string) => `SELECT COLUMNS(*)::VARCHAR FROM ${table}`;

export const scratchColumnsSql = (table: string) => `SELECT column_name FROM (DESCRIBE ${table})`;

export const dropScratchSql = (table: string) => `DROP TABLE IF EXISTS ${table}`;

export const existingReviewsSql = 'SELECT * FROM reviews ORDER BY id';
export const existingBriefingsSql = 'SELECT * FROM briefings ORDER BY id';
export const existingPartnershipsSql = 'SELECT id, name FROM partnerships ORDER BY name';

/** Loads what an import is merged with. */
export async function loadExisting(db: QueryRunner) {
  return {
    partnerships: await db.query<{ id: string; name: string }>(existingPartnershipsSql, { label: 'import.partnerships' }),
    reviews: await db.query<Review>(existingReviewsSql, { label: 'import.reviews' }),
    briefings: await db.query<Briefing>(existingBriefingsSql, { label: 'import.briefings' }),
  };
}

/**
 * Model tags and evidence of the entities staged as tagged (the change's
 * `tagged_entities` rows), before their new ones go in; with `rules`,
 * phrase-rule tags too (retraining replaces everything the tagger gave;
 * manual and catalogue tags stay). Matched against the staged rows rather
 * than a list in the SQL: listing 100,000 ids built megabytes of SQL on the page.
 */
export function clearStagedTaggedSql(stage: StageTables, options: { rules?: boolean } = {}): string[] {
  const sources = options.rules ? "t.source IN ('model', 'rule')" : "t.source = 'model'";
  const staged = `EXISTS (SELECT 1 FROM ${stage('tagged_entities')} s WHERE s.entity_type = t.entity_type AND s.entity_id = t.entity_id)`;
  return [`DELETE FROM theme_tags t WHERE ${sources} AND ${staged}`, `DELETE FROM tag_evidence t WHERE ${staged}`];
}

/** Earlier copies of these documents' passages, with their tags, before storing them again. */
export function clearDocumentsSql(documentIds: readonly string[]): string[] {
  if (!documentIds.length) return [];
  const ids = `(${documentIds.map(str).join(', ')})`;
  const old = `SELECT id FROM passages WHERE document_id IN ${ids}`;
  return [
    `DELETE FROM theme_tags WHERE entity_type = 'passage' AND entity_id IN (${old})`,
    `DELETE FROM tag_evidence WHERE entity_type = 'passage' AND entity_id IN (${old})`,
    `DELETE FROM passages WHERE document_id IN ${ids}`,
  ];
}

/** Headline numbers for the import page; "imported" = an origin other than the bundled ones (as the workspace counts it). */
const WORKSPACE_COUNTS = {
  reviews: 'reviews',
  briefings: 'briefings',
  documents: 'documents',
  passages: 'passages',
  imported_reviews: `reviews WHERE origin NOT IN ${BUNDLED_ORIGINS}`,
  imported_briefings: `briefings WHERE origin NOT IN ${BUNDLED_ORIGINS}`,
  model_tags: "theme_tags WHERE source = 'model'",
} as const;

export type WorkspaceCounts = Record<keyof typeof WORKSPACE_COUNTS, number>;
export const workspaceCountsSql = countsSql(WORKSPACE_COUNTS);

export const workspaceCountsQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['import', 'counts', dataVersion],
    queryFn: async ({ signal }) => (await db.query<WorkspaceCounts>(workspaceCountsSql, { signal, label: 'import.counts' }))[0]!,
  });

export interface LinkTarget {
  entity_type: 'review' | 'briefing';
  id: string;
  name: string;
  partnership: string;
  year: number | null;
}

/** Reviews and briefings a document can be attached to. */
export const linkTargetsSql = `
SELECT 'review' AS entity_type, r.id, r.case_name AS name, p.name AS partnership, r.year::INTEGER AS year
FROM reviews r JOIN partnerships p ON p.id = r.partnership_id
UNION ALL
SELECT 'briefing', b.id, b.title, p.name, b.year::INTEGER FROM briefings b JOIN partnerships p ON p.id = b.partnership_id
ORDER BY partnership, entity_type DESC, name`;

export const linkTargetsQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['import', 'linkTargets', dataVersion],
    queryFn: ({ signal }) => db.query<LinkTarget>(linkTargetsSql, { signal, label: 'import.linkTargets' }),
  });

export interface ImportThemeRow {
  id: string;
  label: string;
  description: string;
}

export const importThemesSql = 'SELECT id, label, description FROM themes WHERE NOT retired ORDER BY id';

export interface PartnershipChoice {
  id: string;
  name: string;
}

export const partnershipChoicesQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['import', 'partnerships', dataVersion],
    queryFn: ({ signal }) => db.query<PartnershipChoice>(existingPartnershipsSql, { signal, label: 'import.partnerships' }),
  });
