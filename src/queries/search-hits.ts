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
import { INDEXED } from './indexed-sql.ts';
import { builtTextIndex } from './text-index.ts';

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

/** Reviews and briefings (as filter-index positions) a search is confined to, and whether they are already its hits. */
export interface SearchScope {
  reviews: readonly number[];
  briefings: readonly number[];
  /** The word index found exactly these (no text to check). */
  exact: boolean;
}

const positions = (list: readonly number[]) => `(SELECT unnest([${list.join(',')}]::INTEGER[]))`;

/**
 * Statements that store the hits of one search (reviews by their own fields or passages; briefings by title and text).
 * With a scope from the word index, only its documents are read, or none when the index found them exactly.
 */
export function searchHitsSql(q: string, scope?: SearchScope): string {
  const key = str(searchKey(q));
  if (!scope) {
    return storeHitsSql(key, `SELECT DISTINCT ${key}, 'review', id FROM (
  SELECT r.id FROM reviews r WHERE ${textMatchSql(REVIEW_FIELDS, q)}
  UNION ALL
  SELECT p.entity_id FROM passages p WHERE p.entity_type = 'review' AND ${textMatchSql('p.text', q)}
)
UNION ALL
SELECT ${key}, 'briefing', b.id FROM briefings b WHERE ${textMatchSql(BRIEFING_FIELDS, q)}`);
  }
  const reviewIds = `(WITH ${INDEXED} SELECT id, '' AS pad FROM r_idx WHERE i IN ${positions(scope.reviews)})`;
  const briefingIds = `(WITH ${INDEXED} SELECT id, '' AS pad FROM b_idx WHERE i IN ${positions(scope.briefings)})`;
  if (scope.exact) return storeHitsSql(key, `SELECT ${key}, 'review', id FROM ${reviewIds} UNION ALL SELECT ${key}, 'briefing', id FROM ${briefingIds}`);
  // The match reads the candidate's (empty) pad, so the engine cannot push it below the join and run it on every passage.
  return storeHitsSql(key, `SELECT DISTINCT ${key}, 'review', id FROM (
  SELECT r.id FROM reviews r JOIN ${reviewIds} c ON c.id = r.id WHERE ${textMatchSql(`${REVIEW_FIELDS} || c.pad`, q)}
  UNION ALL
  SELECT p.entity_id FROM passages p JOIN ${reviewIds} c ON c.id = p.entity_id WHERE p.entity_type = 'review' AND ${textMatchSql('p.text || c.pad', q)}
)
UNION ALL
SELECT ${key}, 'briefing', b.id FROM briefings b JOIN ${briefingIds} c ON c.id = b.id WHERE ${textMatchSql(`${BRIEFING_FIELDS} || c.pad`, q)}`);
}

const REVIEW_FIELDS = "concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations)";
const BRIEFING_FIELDS = "concat_ws(' ', b.title, b.text)";

function storeHitsSql(key: string, hits: string): string {
  return `
DELETE FROM search_hits WHERE q = ${key};
INSERT INTO search_hits ${hits};
INSERT INTO search_queries SELECT ${key} WHERE NOT EXISTS (SELECT 1 FROM search_queries WHERE q = ${key})`;
}

/** The word index's answer as a scope: its documents split into reviews and briefings. Null when it has nothing to narrow by. */
export async function searchScopeFromIndex(q: string): Promise<SearchScope | null> {
  const index = builtTextIndex();
  const start = performance.now();
  const found = index && (await index.search(q).catch(() => null));
  if (!index || !found?.docs) return null;
  // Timed for the benchmark and the profiler, as filter-index answers are (index:<label>).
  performance.measure('index:search.wordIndex', { start, end: performance.now() });
  const reviews: number[] = [];
  const briefings: number[] = [];
  found.docs.forEach((hit, d) => {
    if (hit) (d < index.reviews ? reviews : briefings).push(d < index.reviews ? d : d - index.reviews);
  });
  return { reviews, briefings, exact: found.exact };
}

const running = new WeakMap<QueryRunner, Map<string, Promise<void>>>();

/** Runs the search once (later calls for the same text find it stored); concurrent callers share one run. */
export async function ensureSearchHits(db: QueryRunner, q: string, known?: SearchScope | null): Promise<void> {
  const key = searchKey(q);
  if (!key) return;
  const inFlight = running.get(db) ?? new Map<string, Promise<void>>();
  running.set(db, inFlight);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const run = (async () => {
    const [stored] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM search_queries WHERE q = ${str(key)}`, { label: 'search.stored' });
    if (stored?.n) return;
    const scope = known ?? (await searchScopeFromIndex(q));
    await db.exec(searchHitsSql(q, scope ?? undefined), { label: scope ? (scope.exact ? 'search.fromIndex' : 'search.checkCandidates') : 'search.hits' });
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
