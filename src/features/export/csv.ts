/** The numbers behind a chart as CSV (the CSV rules themselves are in src/lib/csv.ts). */
import type { ChartTableData } from '../../charts/ChartTable.tsx';
import { toCsv } from '../../lib/csv.ts';
import { DEFAULT_SMALL_NUMBERS, suppressRows, type SmallNumberPolicy, type SuppressedTable } from '../../lib/small-numbers.ts';
import { csvHeader, csvNumber } from './csv-numbers.ts';

export { BOM, csvField, csvRecord, neutraliseFormula, toCsv } from '../../lib/csv.ts';

/**
 * The numbers behind a chart, one row per plotted value. Numeric columns are
 * written as numbers in the unit their header names (shares as percentages to
 * one decimal, p-values to three significant figures: see csv-numbers.ts);
 * text columns use the column's display format, e.g. a theme label instead of its id.
 */
export function chartTableCsv<Row>(table: ChartTableData<Row>, policy: SmallNumberPolicy = DEFAULT_SMALL_NUMBERS): string {
  const t = protectedChartTable(table, policy);
  return toCsv(t.columns, t.rows);
}

/**
 * The export's cells after small-number protection (counts hidden, small bases
 * marked): headers carry their unit and numbers are written for their kind,
 * as in the CSV.
 */
export function protectedChartTable<Row>(table: ChartTableData<Row>, policy: SmallNumberPolicy = DEFAULT_SMALL_NUMBERS): SuppressedTable {
  const columns = table.columns.map((c) => ({ ...c, label: csvHeader(c as never) }));
  return suppressRows(columns, table.rows, (row, c) => {
    const col = c as (typeof columns)[number];
    return col.numeric ? csvNumber(row[col.key], col.kind) : col.format ? col.format(row[col.key], row) : row[col.key];
  }, policy);
}
