/**
 * The reviews and briefings matching the filters, with their effective themes
 * (after manual overrides) and scores, for the data export. Two shapes:
 * one row per record (themes listed in a cell, for reading) and one row per
 * record and theme (for pivot tables and analysis).
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import { BRIEFING_KIND_LABELS, REVIEW_TYPE_LABELS } from '../schema/records.ts';
import { briefingWhere, reviewWhere } from './filters.ts';
import { type Filters } from '../filters/filters.ts';
import { str } from './sql.ts';
import { queryFiltered } from './search-hits.ts';

export const EXPORT_TABLES = ['records', 'theme-tags'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportRecordRow {
  record_type: 'review' | 'briefing';
  id: string;
  title: string;
  partnership: string | null;
  partnership_id: string;
  region: string | null;
  type: string;
  type_label: string;
  published: string | null;
  year: number | null;
  theme_count: number;
  /** "Neglect (1.00); Domestic abuse (0.83)", strongest first. */
  themes: string | null;
  theme_ids: string | null;
  summary: string | null;
  source_url: string | null;
}

export interface ExportThemeTagRow {
  record_type: 'review' | 'briefing';
  record_id: string;
  title: string;
  partnership: string | null;
  partnership_id: string;
  region: string | null;
  year: number | null;
  theme_id: string;
  theme: string;
  theme_group: string;
  score: number;
  /** Where the tag came from: model, rule or manual. */
  tag_source: string;
}

/** Column order of each export (also the CSV header when no row matches). */
export const EXPORT_COLUMNS: { records: readonly (keyof ExportRecordRow)[]; 'theme-tags': readonly (keyof ExportThemeTagRow)[] } = {
  records: [
    'record_type', 'id', 'title', 'partnership', 'partnership_id', 'region', 'type', 'type_label', 'published', 'year',
    'theme_count', 'themes', 'theme_ids', 'summary', 'source_url',
  ],
  'theme-tags': [
    'record_type', 'record_id', 'title', 'partnership', 'partnership_id', 'region', 'year', 'theme_id', 'theme',
    'theme_group', 'score', 'tag_source',
  ],
};

const caseOf = (column: string, labels: Record<string, string>) =>
  `CASE ${column} ${Object.entries(labels).map(([k, v]) => `WHEN ${str(k)} THEN ${str(v)}`).join(' ')} ELSE ${column} END`;

/** Reviews and briefings matching the filters (each by its own shared condition), as one relation `rec`. */
function recordsCte(f: Filters): string {
  return `
rec AS (
  SELECT 'review' AS record_type, r.id, r.case_name AS title, r.partnership_id, r.review_type AS type,
         ${caseOf('r.review_type', REVIEW_TYPE_LABELS)} AS type_label, r.published, r.published_on, r.year, r.summary, r.source_url
  FROM reviews r WHERE ${reviewWhere(f)}
  UNION ALL
  SELECT 'briefing', b.id, b.title, b.partnership_id, b.briefing_kind,
         ${caseOf('b.briefing_kind', BRIEFING_KIND_LABELS)}, b.published, b.published_on, b.year, NULL, b.source_url
  FROM briefings b WHERE ${briefingWhere(f)}
),
tags AS (
  SELECT e.entity_type, e.entity_id, e.theme_id, e.score, e.source, t.label AS theme, g.label AS theme_group
  FROM entity_themes e JOIN themes t ON t.id = e.theme_id JOIN theme_groups g ON g.id = t.group_id
  WHERE NOT t.retired
)`;
}

const ORDER = `ORDER BY rec.record_type DESC, rec.published_on DESC NULLS LAST, partnership, rec.title, rec.id`;

/** One row per review or briefing, its themes listed strongest first. */
export function exportRecordsSql(f: Filters): string {
  return `
WITH ${recordsCte(f)},
listed AS (
  SELECT entity_type, entity_id, count(*)::INTEGER AS theme_count,
         string_agg(theme || ' (' || printf('%.2f', score) || ')', '; ' ORDER BY score DESC, theme) AS themes,
         string_agg(theme_id, '; ' ORDER BY score DESC, theme) AS theme_ids
  FROM tags GROUP BY ALL
)
SELECT rec.record_type, rec.id, rec.title, p.name AS partnership, rec.partnership_id, p.region,
       rec.type, rec.type_label, rec.published, rec.year::INTEGER AS year,
       coalesce(l.theme_count, 0)::INTEGER AS theme_count, l.themes, l.theme_ids, rec.summary, rec.source_url
FROM rec LEFT JOIN partnerships p ON p.id = rec.partnership_id
LEFT JOIN listed l ON l.entity_type = rec.record_type AND l.entity_id = rec.id
${ORDER}`;
}

/** One row per (review or briefing, theme), with the tag's score and source. */
export function exportThemeTagsSql(f: Filters): string {
  return `
WITH ${recordsCte(f)}
SELECT rec.record_type, rec.id AS record_id, rec.title, p.name AS partnership, rec.partnership_id, p.region,
       rec.year::INTEGER AS year, t.theme_id, t.theme, t.theme_group, t.score::DOUBLE AS score, t.source AS tag_source
FROM rec JOIN tags t ON t.entity_type = rec.record_type AND t.entity_id = rec.id
LEFT JOIN partnerships p ON p.id = rec.partnership_id
${ORDER}, t.score DESC, t.theme`;
}

/** The SQL behind one export table. */
export function exportSql(table: ExportTable, f: Filters): string {
  return table === 'records' ? exportRecordsSql(f) : exportThemeTagsSql(f);
}

export interface ExportCountsRow {
  reviews: number;
  briefings: number;
  theme_tags: number;
}

/** How many rows each export would hold. */
export function exportCountsSql(f: Filters): string {
  // Ids only: this runs on every filter change, and the full records relation (summaries, labels) would be materialised for three counts.
  return `
WITH rec AS (
  SELECT 'review' AS record_type, r.id FROM review_facts r WHERE ${reviewWhere(f)}
  UNION ALL
  SELECT 'briefing', b.id FROM briefings b WHERE ${briefingWhere(f)}
),
tags AS (
  SELECT e.entity_type, e.entity_id FROM entity_themes e JOIN themes t ON t.id = e.theme_id JOIN theme_groups g ON g.id = t.group_id
  WHERE NOT t.retired
)
SELECT (SELECT count(*) FROM rec WHERE record_type = 'review')::INTEGER AS reviews,
       (SELECT count(*) FROM rec WHERE record_type = 'briefing')::INTEGER AS briefings,
       (SELECT count(*) FROM rec JOIN tags t ON t.entity_type = rec.record_type AND t.entity_id = rec.id)::INTEGER AS theme_tags`;
}

/** TanStack Query options for the export sizes shown next to the buttons. */
export const exportCountsQuery = (db: QueryRunner, f: Filters, dataVersion: number) =>
  queryOptions({
    queryKey: ['dataExport', 'counts', f, dataVersion],
    queryFn: async ({ signal }) => (await queryFiltered<ExportCountsRow>(db, f, exportCountsSql(f), { signal, label: 'dataExport.counts' }))[0]!,
  });
