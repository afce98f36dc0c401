/**
 * The word index behind text search (src/search/token-index.ts), built in the
 * search worker from the texts now in DuckDB, a batch at a time in the
 * background once the data is loaded, and again after every change to the
 * texts (a change that keeps them, such as new tags, keeps the index).
 * Documents are numbered as the filter index numbers them: reviews 0…R-1 by
 * id, then briefings R… by id. Until it is built, search scans in SQL.
 */
import type { QueryRunner } from './runner.ts';
import { INDEXED } from './indexed-sql.ts';
import { SearchIndexClient } from '../workers/search/search-client.ts';
import { searchKey } from '../filters/filters.ts';

/**
 * Passages per batch: about 1.6 MB of text, about 75 ms of the engine's and the search worker's time at x10 on a
 * 2-core machine, so a filter change finds at most that much of the build in its way (see STILL_MS).
 */
const PASSAGES_PER_BATCH = 5_000;
/**
 * Reviews per batch (their summary, findings and recommendations): read whole, the 15,000 reviews at x10 were one
 * task of 1.4 s in the search worker, started the moment the engine was ready, and the first filter changes on
 * the Overview ran beside it at twice their usual time.
 */
const REVIEWS_PER_BATCH = 2_000;
/**
 * Briefings per batch: about 1.7 MB of text at x10. DuckDB's wasm heap never
 * shrinks, so the largest result read sets its size for the session: the
 * briefings read whole (21 MB at x10) grew it by 57 MB.
 */
const BRIEFINGS_PER_BATCH = 5_000;
/**
 * The build waits for this long without a navigation (a filter or view change) before each batch: while a user
 * clicks through filters the engine and the second core are theirs, and the build goes on when they stop.
 */
const STILL_MS = 500;
let lastNavigation = -Infinity;

/** Called as the URL changes: the next batch of the build waits for a still moment. */
export function noteNavigation(): void {
  lastNavigation = performance.now();
}

/** Resolves once no navigation has happened for STILL_MS (or at once when `signal` is aborted). */
export async function stillMoment(signal: AbortSignal): Promise<void> {
  for (let wait = lastNavigation + STILL_MS - performance.now(); wait > 0 && !signal.aborted; wait = lastNavigation + STILL_MS - performance.now()) {
    await new Promise<void>((done) => {
      const timer = setTimeout(stop, wait);
      function stop() {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
        done();
      }
      signal.addEventListener('abort', stop, { once: true });
    });
  }
}

export interface TextIndex {
  reviews: number;
  briefings: number;
  search(term: string): Promise<{ docs: Uint8Array | null; exact: boolean }>;
}

interface Building {
  /** The engine whose texts it indexes. */
  db: QueryRunner;
  client: SearchIndexClient;
  controller: AbortController;
  built: TextIndex | null;
  /** Resolves as buildTextIndex does. */
  done: Promise<TextIndex | null>;
}

let current: Building | null = null;

/** For tests and the benchmark, as the engine's state is: whether search answers from the index yet. */
function markState(state: 'building' | 'ready' | 'none') {
  if (typeof document !== 'undefined') document.documentElement.dataset.textIndex = state;
}

export const TEXT_INDEX_COUNTS_SQL = `SELECT (SELECT count(*) FROM review_facts)::INTEGER AS reviews, (SELECT count(*) FROM briefings)::INTEGER AS briefings,
       (SELECT coalesce(max(rowid) + 1, 0) FROM passages)::INTEGER AS passages`;

/** The first row of each batch of `size` among `count` rows. */
const batchStarts = (count: number, size: number) => Array.from({ length: Math.ceil(count / size) }, (_, i) => i * size);

/** The queries that read every searchable text as (doc, text) rows, in batches: the same texts the SQL search reads. */
export function textIndexBatchesSql(counts: { reviews: number; briefings: number; passages: number }): { sql: string; label: string }[] {
  return [
    ...batchStarts(counts.reviews, REVIEWS_PER_BATCH).map((from) => ({ sql: `WITH ${INDEXED} SELECT x.i AS doc, concat_ws(' ', r.case_name, r.summary, r.findings, r.recommendations) AS text
FROM reviews r JOIN r_idx x ON x.id = r.id WHERE x.i >= ${from} AND x.i < ${from + REVIEWS_PER_BATCH}`, label: 'textIndex.reviews' })),
    ...batchStarts(counts.passages, PASSAGES_PER_BATCH).map((from) => ({ sql: `WITH ${INDEXED} SELECT x.i AS doc, p.text FROM passages p JOIN r_idx x ON x.id = p.entity_id
WHERE p.entity_type = 'review' AND p.rowid >= ${from} AND p.rowid < ${from + PASSAGES_PER_BATCH}`, label: 'textIndex.passages' })),
    ...batchStarts(counts.briefings, BRIEFINGS_PER_BATCH).map((from) => ({ sql: `WITH ${INDEXED} SELECT (x.i + ${counts.reviews})::INTEGER AS doc, concat_ws(' ', b.title, b.text) AS text
FROM briefings b JOIN b_idx x ON x.id = b.id WHERE x.i >= ${from} AND x.i < ${from + BRIEFINGS_PER_BATCH}`, label: 'textIndex.briefings' })),
  ];
}

/** Terms looked up lately, each asked of the worker once: the look-ahead on navigation and the view's queries share one answer. */
const RECENT_TERMS = 8;

function recentSearches(client: SearchIndexClient): TextIndex['search'] {
  const recent = new Map<string, ReturnType<TextIndex['search']>>();
  return (term) => {
    const key = searchKey(term);
    let answer = recent.get(key);
    if (!answer) {
      answer = client.search(term);
      answer.catch(() => recent.get(key) === answer && recent.delete(key));
      recent.set(key, answer);
      if (recent.size > RECENT_TERMS) recent.delete(recent.keys().next().value!);
    }
    return answer;
  };
}

/**
 * Starts looking `term` up in the index now, if one is built: called as the
 * URL changes, so the worker answers while the page re-renders rather than
 * after (the views' queries start only once React has rendered).
 */
export function lookAhead(term: string): void {
  if (searchKey(term)) builtTextIndex()?.search(term).catch(() => undefined /* the view's own lookup reports it */);
}

/** The index of the data as it is now, or null while it is being built (or when none is kept: Node, a failed build). */
export function builtTextIndex(): TextIndex | null {
  return current?.built ?? null;
}

/** Forgets the index: called before the data changes, so no search answers from the old texts. */
export function dropTextIndex(): void {
  current?.controller.abort();
  current?.client.terminate();
  current = null;
  markState('none');
}

/**
 * Starts building the index of the texts now loaded, unless one is already built or being built from this engine
 * (the data changed but not its texts: dropTextIndex was not called); resolves when built, null if stopped or failed.
 */
export function buildTextIndex(db: QueryRunner): Promise<TextIndex | null> {
  if (current?.db === db) return current.done;
  dropTextIndex();
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  const building: Building = { db, client: new SearchIndexClient(), controller: new AbortController(), built: null, done: Promise.resolve(null) };
  current = building;
  markState('building');
  building.done = build(db, building);
  return building.done;
}

async function build(db: QueryRunner, building: Building): Promise<TextIndex | null> {
  const { client, controller: { signal } } = building;
  const add = async (sql: string, label: string) => {
    await stillMoment(signal);
    if (signal.aborted) throw new DOMException('replaced', 'AbortError');
    // A batch is never cancelled, only not followed: it is short, and the engine's cancel is a message that can
    // arrive after the batch has ended, cancelling the write that dropped the index (queued right behind it).
    const ipc = await db.queryArrowIPC(sql, { label });
    if (signal.aborted) throw new DOMException('replaced', 'AbortError');
    await client.add(ipc);
  };
  try {
    const started = performance.now();
    const [counts] = await db.query<{ reviews: number; briefings: number; passages: number }>(TEXT_INDEX_COUNTS_SQL, { signal, label: 'textIndex.counts' });
    const { reviews, briefings } = counts!;
    await client.start(reviews + briefings);
    for (const batch of textIndexBatchesSql(counts!)) await add(batch.sql, batch.label);
    await client.finish();
    if (signal.aborted) return null;
    building.built = { reviews, briefings, search: recentSearches(client) };
    markState('ready');
    const end = performance.now();
    performance.measure('textIndex:built', { start: started, end });
    // Kept where a profiler's clearMeasures cannot take it (the benchmark reads it).
    document.documentElement.dataset.textIndexTimes = `${Math.round(end)},${Math.round(end - started)}`;
    return building.built;
  } catch {
    if (current === building) dropTextIndex();
    return null;
  }
}
