/** Which themes are tagged on the same reviews. */
import type { Filters } from '../filters/filters.ts';
import { int } from './sql.ts';
import { taggedReviewsCtes } from './themes.ts';
import { byText, type FilterIndex } from '../filter-index/filter-index.ts';
import { taggedPopulation, type SearchHits } from '../filter-index/select.ts';
import type { Aggregate } from './aggregate.ts';

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

/** Every ordered pair of the `top` most frequent themes, with how many tagged reviews carry both. */
function cooccurrenceFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 20): CooccurrenceRow[] {
  const { tagged, total, perTheme } = taggedPopulation(index, f, hits, false);
  const T = index.themes.length;
  const kept = index.themes.map((_, t) => t).filter((t) => perTheme[t]! > 0)
    .sort((a, b) => perTheme[b]! - perTheme[a]! || byText(index.themes[a]!.id, index.themes[b]!.id)).slice(0, top);
  const isKept = new Uint8Array(T);
  for (const t of kept) isKept[t] = 1;
  const both = new Int32Array(T * T);
  const { start, themes } = index.reviews.themes;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    for (let a = start[i]!; a < start[i + 1]!; a++) {
      if (!isKept[themes[a]!]) continue;
      for (let b = start[i]!; b < start[i + 1]!; b++) if (isKept[themes[b]!]) both[themes[a]! * T + themes[b]!]!++;
    }
  }
  return kept.flatMap((a) => kept.map((b) => ({
    theme_a: index.themes[a]!.id, label_a: index.themes[a]!.label, theme_b: index.themes[b]!.id, label_b: index.themes[b]!.label,
    both: both[a * T + b]!, count_a: perTheme[a]!, count_b: perTheme[b]!, total,
  })));
}

/** The co-occurrence matrix: defined by cooccurrenceSql, answered from the filter index. */
export const cooccurrence: Aggregate<[top?: number], CooccurrenceRow[]> = { key: ['cooccurrence', 'matrix'], sql: cooccurrenceSql, fromIndex: cooccurrenceFromIndex };
