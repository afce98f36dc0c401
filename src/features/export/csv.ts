/** The numbers behind a chart as CSV (the CSV rules themselves are in src/lib/csv.ts). */
import type { ChartTableData } from '../../charts/ChartTable.tsx';
import { toCsv } from '../../lib/csv.ts';
import { csvHeader, csvNumber } from './csv-numbers.ts';

export { BOM, csvField, csvRecord, neutraliseFormula, toCsv } from '../../lib/csv.ts';

/**
 * The numbers behind a chart, one row per plotted value. Numeric columns are
 * written as numbers in the unit their header names (shares as percentages to
 * one decimal, p-values to three significant figures: see csv-numbers.ts);
 * text columns use the column's display format, e.g. a theme label instead of its id.
 */
export function chartTableCsv<Row>(table: ChartTableData<Row>): string {
  const records = table.rows.map((row) =>
    table.columns.map((c) => (c.numeric ? csvNumber(row[c.key], c.kind) : c.format ? c.format(row[c.key], row) : row[c.key])),
  );
  return toCsv(table.columns.map((c) => csvHeader(c as never)), records);
}
