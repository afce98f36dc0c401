/**
 * The cube behind the filter-driven dashboard queries: loaded once per data
 * version and per text search, then every filter change is answered from it.
 */
import type { QueryRunner } from '../db/runner.ts';
import type { Filters } from '../queries/filters.ts';
import { searchKey } from '../queries/search-hits.ts';
import { loadCube, loadSearchHits } from './load-cube.ts';
import type { ReviewCube } from './review-cube.ts';
import type { SearchHits } from './select.ts';

interface Loaded {
  dataVersion: number;
  cube: Promise<ReviewCube>;
  hits: Map<string, Promise<SearchHits>>;
}

const loaded = new WeakMap<QueryRunner, Loaded>();

function forget<T>(p: Promise<T>, onFail: () => void): Promise<T> {
  p.catch(onFail);
  return p;
}

function current(db: QueryRunner, dataVersion: number): Loaded {
  const known = loaded.get(db);
  if (known && known.dataVersion === dataVersion) return known;
  const entry: Loaded = { dataVersion, cube: forget(loadCube(db), () => loaded.delete(db)), hits: new Map() };
  loaded.set(db, entry);
  return entry;
}

/**
 * Answers `compute` from the cube of this data version, loading it (and the
 * filters' search hits) first when needed. Timed as `cube:<label>` (the
 * loading is timed by its own `sql:cube.*` queries).
 */
export async function fromCube<T>(
  db: QueryRunner, dataVersion: number, f: Filters, label: string,
  compute: (cube: ReviewCube, hits: SearchHits | null) => T,
): Promise<T> {
  const entry = current(db, dataVersion);
  const cube = await entry.cube;
  const key = searchKey(f.q);
  let hits: SearchHits | null = null;
  if (key) {
    let pending = entry.hits.get(key);
    if (!pending) {
      pending = forget(loadSearchHits(db, f.q), () => entry.hits.delete(key));
      entry.hits.set(key, pending);
    }
    hits = await pending;
  }
  const start = performance.now();
  try {
    return compute(cube, hits);
  } finally {
    performance.measure(`cube:${label}`, { start, end: performance.now() });
  }
}
