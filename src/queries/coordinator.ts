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

/**
 * Answers `compute` from the index of this data version, loading it (and the
 * filters' search hits) first when needed. Timed as `index:<label>` (the
 * loading is timed by its own `sql:index.*` queries).
 */
export async function fromFilterIndex<T>(
  db: QueryRunner, dataVersion: number, f: Filters, label: string,
  compute: (index: FilterIndex, hits: SearchHits | null) => T,
): Promise<T> {
  const index = await loaded.base(db, dataVersion);
  warmUpWhenIdle(index);
  const key = searchKey(f.q);
  const hits = key ? await loaded.keyed(db, dataVersion, key, () => loadSearchHits(db, f.q)) : null;
  const start = performance.now();
  try {
    return compute(index, hits);
  } finally {
    performance.measure(`index:${label}`, { start, end: performance.now() });
  }
}

/**
 * TanStack Query options for an aggregate (aggregate.ts), answered from the
 * filter index of this data version; keyed by the aggregate, the filters, its
 * arguments and the data version, so a new data version refetches.
 */
export function aggregateQuery<Args extends unknown[], Result>(
  db: QueryRunner, aggregate: Aggregate<Args, Result>, f: Filters, dataVersion: number, ...args: Args
) {
  return queryOptions({
    queryKey: [...aggregate.key, f, ...args, dataVersion],
    queryFn: () => fromFilterIndex(db, dataVersion, f, aggregate.key.join('.'), (index, hits) => aggregate.fromIndex(index, f, hits, ...args)),
  });
}

// Per runner and data version: the Explorer's list columns, and the order under each sort on top.
const explorerLists = new PerDataVersion<QueryRunner, ItemColumns, ExplorerOrder>(loadItemColumns);

/** The Explorer's list columns and the order under `o` for this data version, each loaded once. */
export function explorerIndex(db: QueryRunner, dataVersion: number, o: Pick<ExplorerQuery, 'sort' | 'descending'>): Promise<[ItemColumns, ExplorerOrder]> {
  const order = explorerLists.keyed(db, dataVersion, `${o.sort}:${o.descending}`, (columns) => loadOrder(db, columns, o));
  return Promise.all([explorerLists.base(db, dataVersion), order]);
}
