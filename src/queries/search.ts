/**
 * Showing search hits: a snippet around the first hit (SQL) and every hit's
 * range in a text (for highlighting). Matching itself is in search-hits.ts;
 * both are case-insensitive literal matches, so "what the filter matched" and
 * "what is highlighted" agree.
 */
import { int, str } from './sql.ts';

/**
 * SQL: about `radius` characters either side of the first hit of `q` in `expr`,
 * with an ellipsis where the text was cut; NULL when there is no hit.
 */
export function snippetSql(expr: string, q: string, radius = 80): string {
  const at = `strpos(lower(${expr}), lower(${str(q)}))`;
  const from = `greatest(1, ${at} - ${int(radius)})`;
  const len = int(2 * radius + q.length);
  return `CASE WHEN ${at} > 0 THEN
    concat(CASE WHEN ${from} > 1 THEN '…' END, substr(${expr}, ${from}, ${len}),
           CASE WHEN ${from} + ${len} <= length(${expr}) THEN '…' END) END`;
}

export interface TextRange {
  start: number;
  end: number;
}

/** Every non-overlapping case-insensitive occurrence of `q` in `text`, as character ranges. */
export function findHits(text: string, q: string): TextRange[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  const hay = text.toLowerCase();
  // Lower-casing can change length for a few scripts; then offsets would drift, so give up highlighting.
  if (hay.length !== text.length) return [];
  const hits: TextRange[] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) {
    hits.push({ start: i, end: i + needle.length });
  }
  return hits;
}
