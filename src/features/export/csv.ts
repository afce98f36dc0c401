/** The numbers behind a chart as CSV (the CSV rules themselves are in src/lib/csv.ts). */
import type { ChartTableData } from '../../charts/ChartTable.tsx';
import { toCsv } from '../../lib/csv.ts';
import { DEFAULT_SMALL_NUMBERS, suppressRows, type SmallNumberPolicy, type SuppressedTable } from '../../lib/small-numbers.ts';

export { BOM, csvField, csvRecord, neutraliseFormula, toCsv } from '../../lib/csv.ts';

/**
 * The numbers behind a chart, one row per plotted value. Numeric columns keep
 * their raw values (exact, not rounded for display); text columns use the
 * column's display format, e.g. a theme label instead of its id.
 */
export function chartTableCsv<Row>(table: ChartTableData<Row>, policy: SmallNumberPolicy = DEFAULT_SMALL_NUMBERS): string {
  const t = protectedChartTable(table, policy);
  return toCsv(t.columns, t.rows);
}

/** The export's cells after small-number protection (counts hidden, small bases marked). */
export function protectedChartTable<Row>(table: ChartTableData<Row>, policy: SmallNumberPolicy = DEFAULT_SMALL_NUMBERS): SuppressedTable {
  return suppressRows(table.columns, table.rows, (row, c) => {
    const col = c as (typeof table.columns)[number];
    return col.numeric || !col.format ? row[col.key] : col.format(row[col.key], row);
  }, policy);
}
