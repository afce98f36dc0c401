/** The numbers behind a chart as an accessible HTML table. */
import type { SuppressionRole } from '../lib/small-numbers.ts';

export interface TableColumn<Row> {
  key: keyof Row & string;
  label: string;
  format?: (value: Row[keyof Row], row: Row) => string;
  numeric?: boolean;
  /** A count, or a share of one count column out of another: exports protect small numbers in these. */
  suppression?: SuppressionRole;
  /**
   * What a number means, so exports can write it the way a reader expects:
   * a share (0–1) as a percentage, percentage points, a p-value, a count or
   * the base a share is taken of. Unset: a plain number.
   */
  kind?: NumberKind;
}

export type NumberKind = 'share' | 'points' | 'p' | 'count' | 'base' | 'ratio';

export interface ChartTableData<Row = Record<string, unknown>> {
  columns: TableColumn<Row>[];
  rows: Row[];
}

// The same cut-off exports use (src/lib/small-numbers.ts), marked here with a dagger.
const smallBase = <Row,>(c: TableColumn<Row>, row: Row): boolean => {
  if (c.suppression?.kind !== 'share') return false;
  const base = (row as Record<string, unknown>)[c.suppression.base];
  return typeof base === 'number' && base < 10;
};

export function ChartTable<Row>({ caption, data }: { caption: string; data: ChartTableData<Row> }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${caption} (table)`}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {data.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={i}>
              {data.columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.format ? c.format(row[c.key], row) : String(row[c.key] ?? '')}
                  {smallBase(c, row) && <span title="Share on fewer than 10 reviews"> †</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
