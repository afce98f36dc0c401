/** Which themes are tagged on the same reviews. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Filters } from '../filters/filters.ts';
import { int } from './sql.ts';
import { taggedReviewsCtes } from './themes.ts';
import { fromFilterIndex } from './coordinator.ts';
import { cooccurrence } from '../cube/aggregates.ts';

export interface CooccurrenceRow {
  theme_a: string;
  label_a: string;
  theme_b: string;
  label_b: string;
  /** Tagged reviews carrying both themes (on the diagonal: the theme itself). */
  both: number;
  count_a: number;
  count_b: number;
  /** Tagged reviews in the population. */
  total: number;
}

/**
 * Every ordered pair of the `top` most frequent themes (both directions and
 * the diagonal, so the matrix is complete), with how many tagged reviews carry both.
 */
export function cooccurrenceSql(f: Filters, top = 20): string {
  return `
WITH ${taggedReviewsCtes(f)},
freq AS (
  SELECT theme_id, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, theme_id) AS rank
  FROM review_themes GROUP BY theme_id
),
kept AS (SELECT * FROM freq WHERE rank <= ${int(top)}),
pairs AS (
  SELECT a.theme_id AS theme_a, b.theme_id AS theme_b, count(*) AS both
  FROM review_themes a JOIN review_themes b ON a.review_id = b.review_id
  WHERE a.theme_id IN (SELECT theme_id FROM kept) AND b.theme_id IN (SELECT theme_id FROM kept)
  GROUP BY ALL
)
SELECT ka.theme_id AS theme_a, ta.label AS label_a, kb.theme_id AS theme_b, tb.label AS label_b,
       coalesce(p.both, 0)::INTEGER AS both, ka.n::INTEGER AS count_a, kb.n::INTEGER AS count_b,
       (SELECT count(*) FROM tagged)::INTEGER AS total
FROM kept ka CROSS JOIN kept kb
JOIN themes ta ON ta.id = ka.theme_id JOIN themes tb ON tb.id = kb.theme_id
LEFT JOIN pairs p ON p.theme_a = ka.theme_id AND p.theme_b = kb.theme_id
ORDER BY ka.rank, kb.rank`;
}

/** TanStack Query options for the co-occurrence matrix. */
export const cooccurrenceQuery = (db: QueryRunner, f: Filters, dataVersion: number, top = 20) =>
  queryOptions({
    queryKey: ['cooccurrence', 'matrix', f, top, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, 'cooccurrence.matrix', (index, hits) => cooccurrence(index, f, hits, top)),
  });
