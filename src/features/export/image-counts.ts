/**
 * Counts on exported images: a printed chart has no tooltip, so where a bar
 * is labelled with a share ("38%") the image labels it "38% (32 of 84)",
 * taken from the chart's table (the columns marked as count and base).
 */
import type { ChartTableData, TableColumn } from '../../charts/ChartTable.tsx';

type Box = Record<string, unknown>;
type Row = Record<string, unknown>;
const asList = (v: unknown): Box[] => (Array.isArray(v) ? v : v ? [v] : []) as Box[];
const COUNT = new Intl.NumberFormat('en-GB');

/** "32 of 84" per category label, when the table has one label column, a share, its count and its base. */
export function countsByCategory(table: ChartTableData<any>): Map<string, string> | null { // eslint-disable-line @typescript-eslint/no-explicit-any
  const columns = table.columns as TableColumn<Row>[];
  const labels = columns.filter((c) => !c.numeric);
  const count = columns.find((c) => c.kind === 'count');
  const base = columns.find((c) => c.kind === 'base');
  if (labels.length !== 1 || !count || !base || !columns.some((c) => c.kind === 'share')) return null;
  const label = labels[0]!;
  const out = new Map<string, string>();
  for (const row of table.rows as Row[]) {
    const name = label.format ? label.format(row[label.key] as never, row) : String(row[label.key] ?? '');
    const [k, n] = [row[count.key], row[base.key]];
    if (typeof k === 'number' && typeof n === 'number') out.set(name, `${COUNT.format(k)} of ${COUNT.format(n)}`);
  }
  return out.size ? out : null;
}

type Formatter = (p: { name?: string; value?: unknown }) => string;

/** The option with each shown bar label followed by its count and base; unchanged when the table has none. */
export function withCountLabels<T extends object>(option: T, table: ChartTableData<any>): T { // eslint-disable-line @typescript-eslint/no-explicit-any
  const counts = countsByCategory(table);
  if (!counts) return option;
  const o = option as Box;
  const series = asList(o.series).map((s) => {
    const label = s.label as Box | undefined;
    if (s.type !== 'bar' || !label?.show || typeof label.formatter !== 'function') return s;
    const own = label.formatter as Formatter;
    const formatter: Formatter = (p) => {
      const n = p.name ? counts.get(p.name) : undefined;
      return n ? `${own(p)} (${n})` : own(p);
    };
    return { ...s, label: { ...label, formatter } };
  });
  // The longer labels sit right of the bars: leave them room.
  const grid = o.grid === undefined ? o.grid : asList(o.grid).map((g) => ({ ...g, right: Math.max(typeof g.right === 'number' ? g.right : 0, 150) }));
  return { ...o, series: Array.isArray(o.series) ? series : series[0], grid: Array.isArray(o.grid) || grid === undefined ? grid : grid[0] } as T;
}
