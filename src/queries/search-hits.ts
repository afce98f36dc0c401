/**
 * Text search at national scale: scanning every passage for a word is slow,
 * so each distinct search runs once into `search_hits`
 * (q, kind, id) and every filtered query reads the ids from there. The table
 * is emptied whenever the derived tables are rebuilt (derived.ts), so a
 * search never answers from data that has since changed.
 */
import type { QueryOptions, QueryRunner } from './runner.ts';
import { searchKey, type Filters } from '../filters/filters.ts';
import { str } from './sql.ts';

/** An RE2 pattern matching `q` literally, ignoring case (RE2 rejects a backslash before a letter, so only punctuation is escaped). */
export function literalPattern(q: string): string {
  return `(?i)${q.trim().replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)}`;
}

/**
 * SQL: true when `expr` contains `q` in any case. RE2's case-insensitive
 * literal search is faster than `contains(lower(…))` over long texts (README, Performance).
 */
export function textMatchSql(expr: string, q: string): string {
  return `regexp_matches(${expr}, ${str(literalPattern(q))})`;
}

/** Statements that store the hits of one search (reviews by their own fields or passages; briefings by title and text). */
export function searchHitsSql(q: string): string {
  const key = str(searchKey(q));
  return `
DELETE FROM search_hits WHERE q = ${key};
INSERT INTO search_hits
SELECT DISTINCT ${key}, 'review', id FROM (
  SELECT r.id FROM reviews r
  WHERE ${textMatchSql("concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations)", q)}
  UNION ALL
  SELECT p.entity_id FROM passages p WHERE p.entity_type = 'review' AND ${textMatchSql('p.text', q)}
)
UNION ALL
SELECT ${key}, 'briefing', b.id FROM briefings b WHERE ${textMatchSql("concat_ws(' ', b.title, b.text)", q)};
INSERT INTO search_queries SELECT ${key} WHERE NOT EXISTS (SELECT 1 FROM search_queries WHERE q = ${key})`;
}

const running = new WeakMap<QueryRunner, Map<string, Promise<void>>>();

/** Runs the search once (later calls for the same text find it stored); concurrent callers share one run. */
export async function ensureSearchHits(db: QueryRunner, q: string): Promise<void> {
  const key = searchKey(q);
  if (!key) return;
  const inFlight = running.get(db) ?? new Map<string, Promise<void>>();
  running.set(db, inFlight);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const run = (async () => {
    const [stored] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM search_queries WHERE q = ${str(key)}`, { label: 'search.stored' });
    if (!stored?.n) await db.exec(searchHitsSql(q), { label: 'search.hits' });
  })();
  inFlight.set(key, run);
  try {
    await run;
  } finally {
    inFlight.delete(key);
  }
}

/** Runs a query whose SQL uses the shared filters: the search they name is stored first. */
export async function queryFiltered<Row>(db: QueryRunner, f: Filters, sql: string, options?: QueryOptions): Promise<Row[]> {
  if (options?.signal?.aborted) throw new DOMException('The operation was cancelled.', 'AbortError');
  await ensureSearchHits(db, f.q);
  return db.query<Row>(sql, options);
}
