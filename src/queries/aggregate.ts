/**
 * A dashboard aggregate, defined once: its query key, its SQL (the
 * definition) and its answer from the filter index, which gives the same rows
 * in the same order. aggregates.test.ts walks every descriptor and checks the
 * two agree; the coordinator (coordinator.ts) answers views from the index.
 */
import type { Filters } from '../filters/filters.ts';
import type { FilterIndex } from '../filter-index/filter-index.ts';
import type { SearchHits } from '../filter-index/select.ts';

export interface Aggregate<Args extends unknown[], Result> {
  /** The query-key prefix; joined with '.' it names the timing (`index:<label>`). */
  readonly key: readonly [string, string];
  /** The definition: SQL giving the same rows (a single-row result: its one row). */
  sql(f: Filters, ...args: Args): string;
  /** The answer from the filter index, for the filters and their search hits. */
  fromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, ...args: Args): Result;
}
