/**
 * A chart with nothing to plot: no rows, or only zeros and blanks. Such a
 * chart is shown as a message rather than empty axes, and is left out of
 * chart packs (charts.md names it and says why).
 */
import type { ChartTableData } from './ChartTable.tsx';

/** True when the table behind a chart has no row with a non-zero number. */
export function isEmptyChart(table: ChartTableData<any>): boolean { // eslint-disable-line @typescript-eslint/no-explicit-any
  // Years label the rows; p-values are no amounts: neither makes a chart non-empty.
  const numeric = table.columns.filter((c) => c.numeric && c.kind !== 'p' && !/year/i.test(`${c.key} ${c.label}`));
  if (!table.rows.length || !numeric.length) return !table.rows.length;
  return table.rows.every((row) => numeric.every((c) => {
    const v = row[c.key];
    return v === null || v === undefined || v === 0;
  }));
}

/** The sentence shown (and written into charts.md) for an empty chart. */
export const EMPTY_CHART_MESSAGE = 'Nothing to chart for the filters in force: no matching reviews have numbers for this chart. Widen the filters to see it.';
