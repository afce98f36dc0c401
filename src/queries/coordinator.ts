/**
 * The cube behind the filter-driven dashboard queries: loaded once per data
 * version and per text search, then every filter change is answered from it.
 */
import type { QueryRunner } from './runner.ts';
import { searchKey, type Filters } from '../filters/filters.ts';
import { PerDataVersion } from '../lib/per-data-version.ts';
import { loadCube, loadSearchHits } from './load-filter-index.ts';
import type { ReviewCube } from '../filter-index/filter-index.ts';
import type { SearchHits } from '../filter-index/select.ts';

// Per runner and data version: the cube, and the hits of each search on top.
const loaded = new PerDataVersion<QueryRunner, ReviewCube, SearchHits>(loadCube);

/**
 * Answers `compute` from the cube of this data version, loading it (and the
 * filters' search hits) first when needed. Timed as `cube:<label>` (the
 * loading is timed by its own `sql:cube.*` queries).
 */
export async function fromCube<T>(
  db: QueryRunner, dataVersion: number, f: Filters, label: string,
  compute: (cube: ReviewCube, hits: SearchHits | null) => T,
): Promise<T> {
  const cube = await loaded.base(db, dataVersion);
  const key = searchKey(f.q);
  const hits = key ? await loaded.keyed(db, dataVersion, key, () => loadSearchHits(db, f.q)) : null;
  const start = performance.now();
  try {
    return compute(cube, hits);
  } finally {
    performance.measure(`cube:${label}`, { start, end: performance.now() });
  }
}
