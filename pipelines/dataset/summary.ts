/**
 * The first-screen summary: the same queries the app runs, computed here once
 * with the same engine so the page can draw before DuckDB has started.
 */
import { createNodeRunner } from '../../src/db/node-runner.ts';
import { loadTables } from '../../src/db/load-tables.ts';
import { NO_FILTERS } from '../../src/filters/filters.ts';
import { reviewsPerYearByPartnershipSql, totalsSql, type ReviewsPerYearRow, type TotalsRow } from '../../src/queries/overview.ts';
import { rowsToArrowIPC } from '../../src/schema/arrow.ts';
import { TABLE_NAMES, type TableName, type TableRows } from '../../src/schema/tables.ts';
import { loadFilterIndex } from '../../src/queries/load-filter-index.ts';
import { loadFilterOptions } from '../../src/queries/filter-options.ts';
import { encodeFilterIndexFile } from '../../src/queries/filter-index-file.ts';

export interface DatasetSummary {
  totals: TotalsRow;
  reviewsPerYear: ReviewsPerYearRow[];
}

/** What the app draws and filters before DuckDB is up: the summary, and the filter index file (filter-index-file.ts). */
export interface FirstScreenFiles {
  summary: DatasetSummary;
  filterIndex: Uint8Array;
}

/**
 * Loads the tables into an in-memory DuckDB and runs the unfiltered
 * first-screen queries, and reads the filter index and the filter options
 * out of it with the app's own loaders (so the file and the app's DuckDB agree).
 */
export async function buildFirstScreen(tables: { [N in TableName]: TableRows[N][] }): Promise<FirstScreenFiles> {
  const db = await createNodeRunner();
  try {
    await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: rowsToArrowIPC(name, tables[name]) })));
    const [totals] = await db.query<TotalsRow>(totalsSql(NO_FILTERS));
    const reviewsPerYear = await db.query<ReviewsPerYearRow>(reviewsPerYearByPartnershipSql(NO_FILTERS));
    const [index, options] = [await loadFilterIndex(db), await loadFilterOptions(db)];
    return { summary: { totals: totals!, reviewsPerYear }, filterIndex: encodeFilterIndexFile({ index, options }) };
  } finally {
    db.close();
  }
}
