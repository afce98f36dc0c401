/**
 * A text description of a chart generated from the numbers it plots, for alt
 * text in reports: what is plotted, the highest and lowest values, the trend
 * over years and the leading category.
 */
import type { ChartTableData, TableColumn } from '../../charts/ChartTable.tsx';
import { isLabelLayer } from '../../charts/options/common.ts';

type Row = Record<string, unknown>;
type Column = TableColumn<Row>;

export interface DescribableChart {
  option: unknown;
  table: ChartTableData<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const KINDS: Record<string, string> = {
  bar: 'Bar chart', line: 'Line chart', heatmap: 'Heatmap', scatter: 'Scatter chart', pie: 'Pie chart',
};

const plotted = (v: unknown) => v !== null && v !== undefined && v !== 0 && v !== '-';

interface SeriesLike { type?: string; stack?: string; data?: unknown[]; itemStyle?: { color?: string; opacity?: number } }

const seriesOf = (option: unknown): SeriesLike[] => {
  const series = (option as { series?: unknown }).series;
  return (Array.isArray(series) ? series : series ? [series] : []) as SeriesLike[];
};
// Invisible series (the transparent base under interval bars) and label layers are layout, not data.
const visible = (s: SeriesLike) => s.itemStyle?.color !== 'transparent' && s.itemStyle?.opacity !== 0 && !isLabelLayer(s);

/** True when two series on one stack both have a value at some position (a rise/fall split does not). */
function stacksOverlap(list: SeriesLike[]): boolean {
  return list.some((a, i) => a.stack && list.slice(i + 1).some((b) =>
    b.stack === a.stack && (a.data ?? []).some((v, k) => plotted(v) && plotted(b.data?.[k]))));
}

/** "Stacked bar chart", "Line chart", "Dot plot with bars", … from an ECharts option's series. */
export function chartKind(option: unknown): string {
  const shown = seriesOf(option).filter(visible);
  const types = new Set(shown.map((s) => s.type));
  if (types.has('scatter') && types.has('bar')) return 'Dot plot with bars';
  const first = shown[0];
  const kind = KINDS[first?.type ?? ''] ?? 'Chart';
  return first?.type === 'bar' && stacksOverlap(shown) ? `Stacked ${kind.toLowerCase()}` : kind;
}

/** Every number a chart draws (the value of each data item). */
function plottedValues(option: unknown): Set<number> {
  const values = new Set<number>();
  for (const s of seriesOf(option).filter(visible)) {
    for (const item of s.data ?? []) {
      const v = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { value?: unknown }).value : item;
      const n = Array.isArray(v) ? v.at(-1) : v;
      if (typeof n === 'number') values.add(n);
    }
  }
  return values;
}

const num = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
// "Reviews" reads "reviews" mid-sentence; "Warwickshire: share" keeps its capital.
const lower = (s: string) => (/^[^\s:]+:/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
const isYearColumn = (c: Column, rows: Row[]) =>
  /year/i.test(`${c.key} ${c.label}`) && rows.every((r) => r[c.key] == null || Number.isInteger(r[c.key]));
// Shares and rates do not add up across categories: average them instead.
const isRate = (c: Column) => /share|percent|%|rate|per |average|mean|score/i.test(c.label);

function cellText(c: Column, row: Row): string {
  const v = row[c.key];
  return c.format ? c.format(v as never, row) : String(v ?? '');
}

function aggregate(rows: Row[], key: (r: Row) => string, value: (r: Row) => number, mean: boolean): Map<string, number> {
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of rows) {
    const k = key(r);
    const s = sums.get(k) ?? { total: 0, n: 0 };
    s.total += value(r);
    s.n += 1;
    sums.set(k, s);
  }
  return new Map([...sums].map(([k, s]) => [k, mean ? s.total / s.n : s.total]));
}

// "1 reviews" reads wrong: drop a plural s for exactly one.
const withUnit = (v: number, unit: string) => `${num(v)}${v === 1 ? unit.replace(/\b(\w+[^s\W])s\b/, '$1') : unit}`;

type Show = (v: number) => string;

/** "(32 of 84 tagged reviews)" after a share, from the columns marked as its count and base. */
type CountNote = (r: Row) => string;

function countNote(columns: Column[]): CountNote {
  const count = columns.find((c) => c.kind === 'count');
  const base = columns.find((c) => c.kind === 'base');
  if (!count || !base) return () => '';
  const unit = lower(base.label);
  return (r) => (typeof r[count.key] === 'number' && typeof r[base.key] === 'number' ? ` (${num(r[count.key] as number)} of ${num(r[base.key] as number)} ${unit})` : '');
}

function extremes(rows: Row[], value: (r: Row) => number, label: (r: Row) => string, show: Show, note: CountNote): string {
  const values = rows.map(value);
  const hi = Math.max(...values);
  const lo = Math.min(...values);
  const at = (v: number) => {
    const matches = rows.filter((r) => value(r) === v);
    const others = matches.length - 1;
    return `${label(matches[0]!)}${others ? ` (and ${others} other${others > 1 ? 's' : ''})` : ''} with ${show(v)}${others ? '' : note(matches[0]!)}`;
  };
  if (rows.length === 1) return `The only value is ${at(hi)}.`;
  if (hi === lo) return `Every value is ${show(hi)}.`;
  return `The highest is ${at(hi)}; the lowest is ${at(lo)}.`;
}

function trend(byYear: Map<string, number>, measureLabel: string, across: string, show: Show): string {
  const years = [...byYear].sort((a, b) => Number(a[0]) - Number(b[0]));
  if (years.length < 2) return '';
  const [firstYear, first] = years[0]!;
  const [lastYear, last] = years.at(-1)!;
  const [peakYear, peak] = years.reduce((a, b) => (b[1] > a[1] ? b : a));
  const direction = last > first * 1.1 ? 'rose' : last < first * 0.9 ? 'fell' : 'stayed about level';
  const moved = direction === 'stayed about level'
    ? `${direction}, ${show(first)} in ${firstYear} and ${show(last)} in ${lastYear}`
    : `${direction} from ${show(first)} in ${firstYear} to ${show(last)} in ${lastYear}`;
  const peakNote = peakYear !== firstYear && peakYear !== lastYear ? `, peaking at ${show(peak)} in ${peakYear}` : '';
  const subject = across ? `${across}${lower(measureLabel)}` : measureLabel.charAt(0).toUpperCase() + measureLabel.slice(1);
  return ` ${subject} ${moved}${peakNote}.`;
}

/** For shares of several categories over years: which is highest on average, and how its share moved. */
function leaderTrend(rows: Row[], yearCol: Column, category: Column, value: (r: Row) => number, measure: string, show: Show): string {
  const means = [...aggregate(rows, (r) => cellText(category, r), value, true)];
  if (means.length < 2) return '';
  const [leader] = means.reduce((a, b) => (b[1] > a[1] ? b : a));
  const own = rows.filter((r) => cellText(category, r) === leader);
  const moved = trend(aggregate(own, (r) => String(r[yearCol.key]), value, false), measure, `${leader}’s `, show);
  return ` Of ${means.length} ${lower(category.label)}s, ${leader} has the highest ${measure} across the years.${moved}`;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{3,}/g) ?? []);

/** The name of the chart's value axis, e.g. "Share of tagged reviews". */
function valueAxisName(option: unknown): string {
  const o = option as { xAxis?: unknown; yAxis?: unknown };
  const axes = [o.xAxis, o.yAxis].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])) as { type?: string; name?: string }[];
  return axes.find((a) => a.type === 'value' && a.name)?.name ?? '';
}

/**
 * The plotted measure: the numeric column whose values the chart draws (a
 * heatmap's shares, not its counts), then the one named most like the value
 * axis, else the first.
 */
function measureColumn(numeric: Column[], rows: Row[], option: unknown): Column | undefined {
  const drawn = plottedValues(option);
  const axis = words(valueAxisName(option));
  const score = (c: Column) =>
    (rows.filter((r) => drawn.has(Number(r[c.key]))).length / Math.max(1, rows.length)) * 100 +
    [...words(c.label)].filter((w) => axis.has(w)).length;
  const best = numeric.reduce<Column | undefined>((a, c) => (score(c) > (a ? score(a) : 0) ? c : a), undefined);
  return best ?? numeric[0];
}

/** The two label columns of a matrix of one thing against itself (theme × theme), when the table is one. */
function pairColumns(columns: Column[], rows: Row[]): [Column, Column] | null {
  const labels = columns.filter((c) => !c.numeric);
  if (labels.length !== 2 || !rows.length) return null;
  const [a, b] = labels as [Column, Column];
  const names = new Set(rows.map((r) => cellText(a, r)));
  return rows.every((r) => names.has(cellText(b, r))) && rows.some((r) => cellText(a, r) === cellText(b, r)) ? [a, b] : null;
}

/** One paragraph describing a chart from its plotted numbers (its table). */
export function describeChartData(spec: DescribableChart): string {
  const columns = spec.table.columns as Column[];
  const kind = chartKind(spec.option);
  const pair = pairColumns(columns, spec.table.rows as Row[]);
  // A theme paired with itself is its own total, not a pair: the sentences speak of pairs.
  const rows = pair ? (spec.table.rows as Row[]).filter((r) => cellText(pair[0], r) !== cellText(pair[1], r)) : (spec.table.rows as Row[]);
  if (!rows.length) return `${kind} with no values for the filters in force.`;
  const yearCol = columns.find((c) => isYearColumn(c, rows));
  const measureCol = measureColumn(columns.filter((c) => c.numeric && c !== yearCol), rows, spec.option);
  if (!measureCol) return `${kind} of ${rows.length} values.`;
  // Other numeric columns (totals, intervals) qualify the measure; they are not categories.
  // Yes/no flags (e.g. "Emerging") and notes ("small numbers") qualify a row; they are not what the chart is broken down by.
  const isFlag = (c: Column) => !c.numeric && (/^notes?$/i.test(c.label.trim()) || rows.every((r) => /^(yes|no)$/i.test(cellText(c, r))));
  const dims = columns.filter((c) => (!c.numeric && !isFlag(c)) || c === yearCol);
  const value = (r: Row) => Number(r[measureCol.key] ?? 0);
  const rowLabel = (r: Row) => dims.map((c) => cellText(c, r)).filter(Boolean).join(pair ? ' and ' : ', ');
  // A bare "Share" says too little in a sentence: name what it is a share of, as the value axis does.
  const axis = valueAxisName(spec.option);
  // So does a bare "Change": the axis name says change in what.
  const oneWord = measureCol.label.trim();
  const measure = /^\w+$/.test(oneWord) && axis.toLowerCase().startsWith(oneWord.toLowerCase())
    ? lower(axis)
    : measureCol.kind === 'share' && /^share$/i.test(oneWord) ? 'share of tagged reviews' : lower(measureCol.label);
  const unit = isRate(measureCol) ? '' : ` ${measure}`;
  const format = measureCol.format;
  const show: Show = format ? (v) => format(v as never, rows[0]!) : (v) => withUnit(v, unit);
  // The trend sentence names the measure already: numbers only.
  const bare: Show = format ? show : num;

  const years = yearCol ? rows.map((r) => Number(r[yearCol.key])).filter(Number.isFinite) : [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const span = !years.length ? '' : first === last ? `, ${first}` : `, ${first}–${last}`;
  const by = pair ? ` for each pair of ${lower(pair[0].label)}s` : dims.length ? ` by ${dims.map((c) => lower(c.label)).join(' and ')}` : '';
  let text = `${kind} of ${measure}${by}${span} (${rows.length} plotted value${rows.length === 1 ? '' : 's'}). `;
  // Counts follow a share they make up; beside a change in points they would mislead.
  text += extremes(rows, value, rowLabel, show, measureCol.kind === 'share' ? countNote(columns) : () => '');

  const mean = isRate(measureCol) || measureCol.kind === 'share';
  const others = dims.filter((c) => c !== yearCol);
  if (yearCol && mean && others.length === 1) {
    // An average of several themes' shares is no figure a reader can use: follow the leading one instead.
    text += leaderTrend(rows, yearCol, others[0]!, value, measure, bare);
  } else if (yearCol && !(mean && others.length)) {
    const across = others.length ? `Summed across ${others.map((c) => lower(c.label)).join(' and ')}, ` : '';
    text += trend(aggregate(rows, (r) => String(r[yearCol.key]), value, false), measure, across, bare);
  }
  if (others.length === 1 && !mean) {
    const category = others[0]!;
    const totals = [...aggregate(rows, (r) => cellText(category, r), value, false)];
    if (totals.length > 1 && (yearCol || rows.length > totals.length)) {
      const [name, total] = totals.reduce((a, b) => (b[1] > a[1] ? b : a));
      text += ` Overall, ${name} has the most (${show(total)}).`;
    }
  }
  return text;
}
