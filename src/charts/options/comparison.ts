/**
 * One partnership against all others, per theme: the share of tagged reviews
 * with a 95% Wilson interval. Intervals are drawn as floating bars (an
 * invisible bar up to the lower bound, a visible one to the upper) and the
 * estimate as a point, with the parts ECharts already registers.
 */
import { compareShares, SMALL_N, type Comparison } from '../../stats/share-difference.ts';
import { wilsonInterval, type Interval } from '../../stats/wilson.ts';
import { CATEGORY_COLOURS } from '../palette.ts';
import { axisName, baseOption, CANVAS_TOOLTIP, type DrawFor, wrappedLabels } from './common.ts';
import { ofTotal, pct } from './format.ts';
import { plural } from '../../lib/plural.ts';

export interface ComparisonInput {
  theme: string;
  reviews: number;
  total: number;
  others: number;
  others_total: number;
}

export interface ComparisonPoint extends ComparisonInput {
  own: Interval;
  rest: Interval;
  /** The verdict of the shared method (src/stats/share-difference.ts), as on the planner. */
  verdict: Comparison;
}

/** Fewer tagged reviews than this and a partnership's shares are marked as small numbers. */
export const SMALL_NUMBER = SMALL_N;

/** Intervals and the verdict for each theme. */
export function comparisonPoints(rows: readonly ComparisonInput[]): ComparisonPoint[] {
  return rows.map((r) => ({
    ...r,
    own: wilsonInterval(r.reviews, r.total),
    rest: wilsonInterval(r.others, r.others_total),
    verdict: compareShares({ local_k: r.reviews, local_n: r.total, rest_k: r.others, rest_n: r.others_total }),
  }));
}

/** The finding the chart's title states. */
export function comparisonTitle(name: string, points: readonly ComparisonPoint[]): string {
  const total = points[0]?.total ?? 0;
  if (!total) return `${name} has no tagged reviews under these filters`;
  const higher = points.filter((p) => p.verdict.reading === 'higher');
  const lower = points.filter((p) => p.verdict.reading === 'lower');
  if (total < SMALL_N) return `${name} has ${plural(total, 'tagged review')} here: too few to call any theme more or less frequent`;
  if (!higher.length && !lower.length) return `No theme in ${name}'s ${plural(total, 'tagged review')} differs clearly from other partnerships`;
  const parts = [
    higher.length ? `more often tags ${higher.slice(0, 3).map((p) => p.theme).join(', ')}` : '',
    lower.length ? `less often ${lower.slice(0, 3).map((p) => p.theme).join(', ')}` : '',
  ].filter(Boolean);
  return `${name} ${parts.join(' and ')} than other partnerships`;
}

/**
 * Horizontal chart, themes on the y axis; `name` labels the partnership's
 * series. Drawn for print with counts, each interval ends in its count and
 * base ("4 of 12"), which the tooltip gives on screen.
 */
export function comparisonOption(points: readonly ComparisonPoint[], name: string, draw: DrawFor = {}) {
  const shown = [...points].reverse();
  const small = (points[0]?.total ?? 0) < SMALL_NUMBER;
  const own = small ? `${name} (small numbers)` : name;
  const band = (label: string, key: 'own' | 'rest', colour: string, stack: string) => [
    { type: 'bar' as const, stack, silent: true, itemStyle: { color: 'transparent', decal: { symbol: 'none' as const } }, data: shown.map((p) => p[key].low), barWidth: 10, tooltip: { show: false } },
    {
      type: 'bar' as const, stack, name: `${label}: 95% interval`, barWidth: 10,
      itemStyle: { color: colour, opacity: 0.35, borderColor: colour, borderWidth: 1, ...(key === 'own' && small ? { borderType: 'dashed' as const } : {}) },
      data: shown.map((p) => p[key].high - p[key].low),
      label: {
        // Full ink: the label would otherwise take the interval bar's faded opacity.
        show: !!draw.counts, position: 'right' as const, fontSize: 11, color: '#1f2933', opacity: 1,
        formatter: (x: { dataIndex: number }) => {
          const p = shown[x.dataIndex];
          return !p ? '' : key === 'own' ? ofTotal(p.reviews, p.total) : ofTotal(p.others, p.others_total);
        },
      },
    },
  ];
  return {
    ...baseOption(`Chart of the share of tagged reviews per theme for ${name} against all other partnerships, with 95% Wilson intervals.`),
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      formatter: (params: { dataIndex: number }[]) => {
        const p = shown[params[0]?.dataIndex ?? 0];
        if (!p) return '';
        const line = (label: string, k: number, n: number, i: Interval) => `${label}: ${pct(i.estimate)} (${ofTotal(k, n)}; 95% interval ${pct(i.low)}–${pct(i.high)})`;
        const d = p.verdict;
        const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(Math.round(x * 100))}`;
        return `${p.theme}\n${line(own, p.reviews, p.total, p.own)}\n${line('Other partnerships', p.others, p.others_total, p.rest)}` +
          `\nDifference ${points(d.diff)} points (95% interval ${points(d.lo)} to ${points(d.hi)})`;
      },
    },
    legend: { bottom: 0 },
    // Room for "1,234 of 5,678" right of an interval that reaches 100%.
    grid: { left: 8, right: draw.counts ? 110 : 24, top: 8, bottom: 72, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 1, name: 'Share of tagged reviews (point) with 95% interval (bar)', nameGap: 26, ...axisName, axisLabel: { formatter: (v: number) => pct(v) } },
    yAxis: { type: 'category' as const, data: shown.map((p) => p.theme), axisLabel: wrappedLabels(190) },
    series: [
      ...band('Other partnerships', 'rest', CATEGORY_COLOURS[1]!, 'rest'),
      ...band(own, 'own', CATEGORY_COLOURS[0]!, 'own'),
      // Bars of one category sit side by side; on a vertical category axis the first stack ('rest') is drawn above.
      { type: 'scatter' as const, name: 'Other partnerships', symbol: 'diamond', symbolSize: 11, symbolOffset: [0, -6.5], itemStyle: { color: CATEGORY_COLOURS[1] }, data: shown.map((p) => p.rest.estimate) },
      { type: 'scatter' as const, name: own, symbol: 'circle', symbolSize: 10, symbolOffset: [0, 6.5], itemStyle: { color: CATEGORY_COLOURS[0] }, data: shown.map((p) => p.own.estimate) },
    ],
  };
}
