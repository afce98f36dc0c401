/**
 * What the agreement figures are counted from (src/agreement/out-of-fold.ts): which entries
 * carry bundled expert labels, and every theme the user judged with whether the tagger's tags
 * in force include it. The tagger is every non-manual tag, which theme_tags keeps apart from
 * manual ones (source column); a passage's tags count for its review or briefing.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { CorrectionCell } from '../agreement/out-of-fold.ts';

/** Keys (`<entity type>:<entity id>`) of the entries with bundled expert labels. */
export const expertKeysSql = `
SELECT DISTINCT entity_type || ':' || entity_id AS key FROM ws_base_manual_tags ORDER BY key`;

/** Every tag as its review's or briefing's: a passage's tags count for the entry it belongs to. */
const ROLLED_TAGS = `
rolled AS (
  -- Two branches, not a LEFT JOIN with 'passage' in its condition (a nested loop in DuckDB; see derived.ts).
  SELECT entity_type, entity_id, theme_id, source FROM theme_tags WHERE entity_type <> 'passage'
  UNION ALL
  SELECT p.entity_type, p.entity_id, t.theme_id, t.source
  FROM theme_tags t JOIN passages p ON p.id = t.entity_id WHERE t.entity_type = 'passage'
)`;

/** Each (entry, theme) the user corrected: their verdict and whether the tags in force include the theme. */
export const correctionCellsSql = `
WITH ${ROLLED_TAGS},
-- The tagger's own predictions: catalogue keywords are published labels, not the tagger's output.
predicted AS (SELECT DISTINCT entity_type, entity_id, theme_id FROM rolled WHERE source IN ('model', 'rule')),
judged AS (SELECT entity_type, entity_id, theme_id, bool_or(accepted) AS truth FROM ws_corrections GROUP BY ALL)
SELECT j.entity_type || ':' || j.entity_id AS key, j.theme_id, j.truth, (p.theme_id IS NOT NULL) AS tagged
FROM judged j JOIN themes t ON t.id = j.theme_id AND NOT t.retired
LEFT JOIN predicted p USING (entity_type, entity_id, theme_id)
ORDER BY key, j.theme_id`;

export interface AgreementCoverage {
  /** Reviews and briefings the tagger tagged (model or rule tags, on the entry or one of its passages), every one held. */
  tagged_reviews: number;
  tagged_briefings: number;
  expert_entries: number;
  corrected_entries: number;
  corrections: number;
}

/** How much there is to compare: entries the tagger tagged, expert-labelled ones, the user's corrections. */
export const agreementCoverageSql = `
WITH ${ROLLED_TAGS},
tagged AS (SELECT DISTINCT entity_type, entity_id FROM rolled WHERE source IN ('model', 'rule'))
SELECT (SELECT count(*) FROM tagged WHERE entity_type = 'review')::INTEGER AS tagged_reviews,
       (SELECT count(*) FROM tagged WHERE entity_type = 'briefing')::INTEGER AS tagged_briefings,
       (SELECT count(*) FROM (SELECT DISTINCT entity_type, entity_id FROM ws_base_manual_tags))::INTEGER AS expert_entries,
       (SELECT count(*) FROM (SELECT DISTINCT entity_type, entity_id FROM ws_corrections))::INTEGER AS corrected_entries,
       (SELECT count(*) FROM ws_corrections)::INTEGER AS corrections`;

export interface AgreementJudgments {
  expertKeys: Set<string>;
  corrections: CorrectionCell[];
}

/** The expert-labelled entries and the user's judged cells, for one data version. */
export const agreementJudgmentsQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['agreement', 'judgments', dataVersion],
    queryFn: async ({ signal }): Promise<AgreementJudgments> => {
      const [keys, corrections] = await Promise.all([
        db.query<{ key: string }>(expertKeysSql, { signal, label: 'agreement.expertKeys' }),
        db.query<CorrectionCell>(correctionCellsSql, { signal, label: 'agreement.corrections' }),
      ]);
      return { expertKeys: new Set(keys.map((k) => k.key)), corrections };
    },
  });

export const agreementCoverageQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['agreement', 'coverage', dataVersion],
    queryFn: async ({ signal }) => (await db.query<AgreementCoverage>(agreementCoverageSql, { signal, label: 'agreement.coverage' }))[0]!,
  });

export interface CatalogueAgreementRow {
  theme_id: string;
  /** Entries whose published keyword list names the theme. */
  listed: number;
  /** Of those, the entries the tagger tagged with it. */
  found: number;
  /** Entries the tagger tagged with the theme (among the compared entries). */
  tagged: number;
  /** Compared entries in all (the same on every row). */
  entries: number;
}

/**
 * The tagger against the keyword lists catalogue sources publish (tags with source `catalogue`),
 * on reviews it never learned from: those with no expert labels and no correction of the user's
 * (a retrained tagger learns from both). A list names part of a review's learning, not all of
 * it, so `found / listed` is the figure to read; `found / tagged` is only a lower bound on how
 * often its tags are right.
 */
export const catalogueAgreementSql = `
WITH ${ROLLED_TAGS},
listed AS (SELECT DISTINCT entity_type, entity_id, theme_id FROM theme_tags WHERE source = 'catalogue' AND entity_type = 'review'),
learned AS (SELECT entity_type, entity_id FROM ws_base_manual_tags UNION SELECT entity_type, entity_id FROM ws_corrections),
compared AS (SELECT DISTINCT entity_type, entity_id FROM listed EXCEPT SELECT entity_type, entity_id FROM learned),
predicted AS (
  SELECT DISTINCT entity_type, entity_id, theme_id FROM rolled JOIN compared USING (entity_type, entity_id)
  WHERE source IN ('model', 'rule')
),
per_theme AS (
  SELECT theme_id, count(*) FILTER (WHERE l.entity_id IS NOT NULL)::INTEGER AS listed,
         count(*) FILTER (WHERE l.entity_id IS NOT NULL AND p.entity_id IS NOT NULL)::INTEGER AS found,
         count(*) FILTER (WHERE p.entity_id IS NOT NULL)::INTEGER AS tagged
  FROM (SELECT l.* FROM listed l JOIN compared USING (entity_type, entity_id)) l
  FULL JOIN predicted p USING (entity_type, entity_id, theme_id)
  GROUP BY theme_id
)
SELECT theme_id, listed, found, tagged, (SELECT count(*) FROM compared)::INTEGER AS entries
FROM per_theme JOIN themes t ON t.id = per_theme.theme_id AND NOT t.retired
ORDER BY listed DESC, theme_id`;

export const catalogueAgreementQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['agreement', 'catalogue', dataVersion],
    queryFn: ({ signal }) => db.query<CatalogueAgreementRow>(catalogueAgreementSql, { signal, label: 'agreement.catalogue' }),
  });
