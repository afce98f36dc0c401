/** The numbers behind a chart as CSV (the CSV rules themselves are in src/lib/csv.ts). */
import type { ChartTableData } from '../../charts/ChartTable.tsx';
import { toCsv } from '../../lib/csv.ts';

export { BOM, csvField, csvRecord, neutraliseFormula, toCsv } from '../../lib/csv.ts';

/**
 * The numbers behind a chart, one row per plotted value. Numeric columns keep
 * their raw values (exact, not rounded for display); text columns use the
 * column's display format, e.g. a theme label instead of its id.
 */
export function chartTableCsv<Row>(table: ChartTableData<Row>): string {
  const records = table.rows.map((row) =>
    table.columns.map((c) => (c.numeric || !c.format ? row[c.key] : c.format(row[c.key], row))),
  );
  return toCsv(table.columns.map((c) => c.label), records);
}
