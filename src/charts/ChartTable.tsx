/** The numbers behind a chart as an accessible HTML table. */
export interface TableColumn<Row> {
  key: keyof Row & string;
  label: string;
  format?: (value: Row[keyof Row], row: Row) => string;
  numeric?: boolean;
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
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
