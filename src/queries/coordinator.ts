/**
 * The index behind the filter-driven dashboard queries: loaded once per data
 * version and per text search, then every filter change is answered from it.
 */
import type { QueryRunner } from './runner.ts';
import { searchKey, type Filters } from '../filters/filters.ts';
import { PerDataVersion } from '../lib/per-data-version.ts';
import { loadFilterIndex, loadSearchHits } from './load-filter-index.ts';
import type { FilterIndex } from '../filter-index/filter-index.ts';
import type { SearchHits } from '../filter-index/select.ts';

// Per runner and data version: the index, and the hits of each search on top.
const loaded = new PerDataVersion<QueryRunner, FilterIndex, SearchHits>(loadFilterIndex);

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
  const key = searchKey(f.q);
  const hits = key ? await loaded.keyed(db, dataVersion, key, () => loadSearchHits(db, f.q)) : null;
  const start = performance.now();
  try {
    return compute(index, hits);
  } finally {
    performance.measure(`index:${label}`, { start, end: performance.now() });
  }
}
