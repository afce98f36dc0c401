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

export interface DatasetSummary {
  totals: TotalsRow;
  reviewsPerYear: ReviewsPerYearRow[];
}

/** Loads the tables into an in-memory DuckDB and runs the unfiltered first-screen queries. */
export async function buildSummary(tables: { [N in TableName]: TableRows[N][] }): Promise<DatasetSummary> {
  const db = await createNodeRunner();
  try {
    await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: rowsToArrowIPC(name, tables[name]) })));
    const [totals] = await db.query<TotalsRow>(totalsSql(NO_FILTERS));
    const reviewsPerYear = await db.query<ReviewsPerYearRow>(reviewsPerYearByPartnershipSql(NO_FILTERS));
    return { totals: totals!, reviewsPerYear };
  } finally {
    db.close();
  }
}
