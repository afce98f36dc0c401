/**
 * The tagger against people, per theme: the 2×2 counts behind precision,
 * recall and κ (src/agreement/metrics.ts). People are the bundled expert
 * labels and the user's corrections; the tagger is every non-manual tag, which
 * theme_tags keeps apart from manual ones (source column).
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';

export type AgreementBasis = 'all' | 'corrections';

export interface AgreementCountsRow {
  theme_id: string;
  label: string;
  group_label: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Judgments that are the user's own corrections. */
  corrections: number;
}

/**
 * Entries with expert labels were labelled in full, so every active theme is
 * judged there (no label = no). Elsewhere only the themes a person accepted or
 * rejected are judged. Only entries the tagger has tagged count.
 */
export function agreementCountsSql(basis: AgreementBasis): string {
  const cells = basis === 'corrections'
    ? `SELECT c.entity_type, c.entity_id, c.theme_id, bool_or(c.accepted) AS truth FROM ws_corrections c
       JOIN tagged USING (entity_type, entity_id) GROUP BY ALL`
    : `SELECT x.entity_type, x.entity_id, a.id AS theme_id, coalesce(m.truth, false) AS truth
       FROM expert x JOIN tagged USING (entity_type, entity_id) CROSS JOIN themes a
       LEFT JOIN manual m ON m.entity_type = x.entity_type AND m.entity_id = x.entity_id AND m.theme_id = a.id
       WHERE NOT a.retired
       UNION ALL
       SELECT m.entity_type, m.entity_id, m.theme_id, m.truth FROM manual m JOIN tagged USING (entity_type, entity_id)
       WHERE NOT EXISTS (SELECT 1 FROM expert x WHERE x.entity_type = m.entity_type AND x.entity_id = m.entity_id)`;
  return `
WITH rolled AS (
  -- Two branches, not a LEFT JOIN with 'passage' in its condition (a nested loop in DuckDB; see derived.ts).
  SELECT entity_type, entity_id, theme_id, source, accepted FROM theme_tags WHERE entity_type <> 'passage'
  UNION ALL
  SELECT p.entity_type, p.entity_id, t.theme_id, t.source, t.accepted
  FROM theme_tags t JOIN passages p ON p.id = t.entity_id WHERE t.entity_type = 'passage'
),
manual AS (SELECT entity_type, entity_id, theme_id, bool_or(accepted) AS truth FROM rolled WHERE source = 'manual' GROUP BY ALL),
-- The tagger's own predictions: catalogue keywords are published labels, not the tagger's output.
predicted AS (SELECT DISTINCT entity_type, entity_id, theme_id FROM rolled WHERE source IN ('model', 'rule')),
tagged AS (SELECT DISTINCT entity_type, entity_id FROM predicted),
expert AS (SELECT DISTINCT entity_type, entity_id FROM ws_base_manual_tags),
cells AS (${cells}),
judged AS (
  SELECT c.*, (p.theme_id IS NOT NULL) AS pred,
         EXISTS (SELECT 1 FROM ws_corrections w WHERE w.entity_type = c.entity_type AND w.entity_id = c.entity_id AND w.theme_id = c.theme_id) AS corrected
  FROM cells c LEFT JOIN predicted p USING (entity_type, entity_id, theme_id)
)
SELECT t.id AS theme_id, t.label, g.label AS group_label,
       count(*) FILTER (WHERE j.truth AND j.pred)::INTEGER AS tp,
       count(*) FILTER (WHERE NOT j.truth AND j.pred)::INTEGER AS fp,
       count(*) FILTER (WHERE j.truth AND NOT j.pred)::INTEGER AS fn,
       count(*) FILTER (WHERE NOT j.truth AND NOT j.pred)::INTEGER AS tn,
       count(*) FILTER (WHERE j.corrected)::INTEGER AS corrections
FROM themes t JOIN theme_groups g ON g.id = t.group_id LEFT JOIN judged j ON j.theme_id = t.id
WHERE NOT t.retired
GROUP BY ALL ORDER BY g.label, t.label`;
}

export interface AgreementCoverage {
  tagged_entries: number;
  expert_entries: number;
  corrected_entries: number;
  corrections: number;
}

/** How much there is to compare: entries the tagger tagged, expert-labelled ones, the user's corrections. */
export const agreementCoverageSql = `
SELECT (SELECT count(*) FROM (SELECT DISTINCT entity_type, entity_id FROM theme_tags WHERE source IN ('model', 'rule')))::INTEGER AS tagged_entries,
       (SELECT count(*) FROM (SELECT DISTINCT entity_type, entity_id FROM ws_base_manual_tags))::INTEGER AS expert_entries,
       (SELECT count(*) FROM (SELECT DISTINCT entity_type, entity_id FROM ws_corrections))::INTEGER AS corrected_entries,
       (SELECT count(*) FROM ws_corrections)::INTEGER AS corrections`;

export const agreementCountsQuery = (db: QueryRunner, basis: AgreementBasis, dataVersion: number) =>
  queryOptions({
    queryKey: ['agreement', 'counts', basis, dataVersion],
    queryFn: ({ signal }) => db.query<AgreementCountsRow>(agreementCountsSql(basis), { signal, label: 'agreement.counts' }),
  });

export const agreementCoverageQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['agreement', 'coverage', dataVersion],
    queryFn: async ({ signal }) => (await db.query<AgreementCoverage>(agreementCoverageSql, { signal, label: 'agreement.coverage' }))[0]!,
  });
