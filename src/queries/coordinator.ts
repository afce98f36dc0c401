/**
 * The coordinator: owns what is loaded from the database once per runner and
 * data version (the filter index, each text search's hits, the Explorer's list
 * columns and orders) and answers views from it. A new data version starts
 * afresh, so invalidation is bumping the version.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Aggregate } from './aggregate.ts';
import { searchKey, type Filters } from '../filters/filters.ts';
import { PerDataVersion } from '../lib/per-data-version.ts';
import { loadFilterIndex, loadSearchHits } from './load-filter-index.ts';
import type { FilterIndex } from '../filter-index/filter-index.ts';
import { warmUpSteps, type SearchHits } from '../filter-index/select.ts';
import { loadItemColumns, loadOrder, type ExplorerOrder, type ItemColumns } from './explorer-index.ts';
import type { ExplorerQuery } from './explorer-list-sql.ts';

// Per runner and data version: the index, and the hits of each search on top.
const loaded = new PerDataVersion<QueryRunner, FilterIndex, SearchHits>(loadFilterIndex);

/** Uses `index` (read from the dataset's filter-index.bin) as this data version's index, so no query loads it. */
export function primeFilterIndex(db: QueryRunner, dataVersion: number, index: FilterIndex): void {
  loaded.prime(db, dataVersion, index);
}

const warmed = new WeakSet<FilterIndex>();

/** Runs the index's warm-up steps (select.ts) one idle moment at a time, once per index; in the browser only. */
function warmUpWhenIdle(index: FilterIndex): void {
  if (warmed.has(index) || typeof requestIdleCallback !== 'function') return;
  warmed.add(index);
  const steps = warmUpSteps(index);
  const next = (deadline: IdleDeadline) => {
    while (steps.length && deadline.timeRemaining() > 10) steps.shift()!();
    if (steps.length) requestIdleCallback(next);
  };
  requestIdleCallback(next);
}

/** Runs `compute` on the index, timed as `index:<label>` (the loading is timed by its own `sql:index.*` queries). */
function computeTimed<T>(index: FilterIndex, hits: SearchHits | null, label: string, compute: (index: FilterIndex, hits: SearchHits | null) => T): T {
  warmUpWhenIdle(index);
  const start = performance.now();
  try {
    return compute(index, hits);
  } finally {
    performance.measure(`index:${label}`, { start, end: performance.now() });
  }
}

/**
 * Answers `compute` from the index of this data version, loading it (and the
 * filters' search hits) first when needed.
 */
export async function fromFilterIndex<T>(
  db: QueryRunner, dataVersion: number, f: Filters, label: string,
  compute: (index: FilterIndex, hits: SearchHits | null) => T,
): Promise<T> {
  const index = await loaded.base(db, dataVersion);
  const key = searchKey(f.q);
  const hits = key ? await loaded.keyed(db, dataVersion, key, () => loadSearchHits(db, f.q)) : null;
  return computeTimed(index, hits, label, compute);
}

/**
 * The answer at once when the index (and the filters' search hits) are already in memory, else undefined.
 * Given to a query as its initial data, the query has its answer in the render that asks for it: a view can
 * then render part of itself later (useDeferredValue) without that part passing through "updating". A
 * failure is left to the query function, which reports it.
 */
function answerAtOnce<T>(db: QueryRunner, dataVersion: number, f: Filters, label: string, compute: (index: FilterIndex, hits: SearchHits | null) => T): T | undefined {
  const index = loaded.settledBase(db, dataVersion);
  const key = searchKey(f.q);
  const hits = key ? loaded.settledKeyed(db, dataVersion, key) : null;
  if (!index || hits === undefined) return undefined;
  try {
    return computeTimed(index, hits, label, compute);
  } catch {
    return undefined;
  }
}

/**
 * TanStack Query options for an aggregate (aggregate.ts), answered from the
 * filter index of this data version; keyed by the aggregate, the filters, its
 * arguments and the data version, so a new data version refetches. Answered
 * in the render that asks (as initial data) when the index is in memory.
 */
export function aggregateQuery<Args extends unknown[], Result>(
  db: QueryRunner, aggregate: Aggregate<Args, Result>, f: Filters, dataVersion: number, ...args: Args
) {
  const label = aggregate.key.join('.');
  const compute = (index: FilterIndex, hits: SearchHits | null) => aggregate.fromIndex(index, f, hits, ...args);
  return queryOptions({
    queryKey: [...aggregate.key, f, ...args, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, label, compute),
    initialData: () => answerAtOnce(db, dataVersion, f, label, compute),
  });
}

// Per runner and data version: the Explorer's list columns, and the order under each sort on top.
const explorerLists = new PerDataVersion<QueryRunner, ItemColumns, ExplorerOrder>(loadItemColumns);

/** The Explorer's list columns and the order under `o` for this data version, each loaded once. */
export function explorerIndex(db: QueryRunner, dataVersion: number, o: Pick<ExplorerQuery, 'sort' | 'descending'>): Promise<[ItemColumns, ExplorerOrder]> {
  const order = explorerLists.keyed(db, dataVersion, `${o.sort}:${o.descending}`, (columns) => loadOrder(db, columns, o));
  return Promise.all([explorerLists.base(db, dataVersion), order]);
}
