/** Lines: chosen themes over publication years, as counts or shares of tagged reviews. */
import type { ThemeYearRow } from '../../queries/trends.ts';
import { SMALL_N } from '../../stats/share-difference.ts';
import { axisName, baseOption, CANVAS_TOOLTIP } from './common.ts';
import { ofTotal, pct } from './format.ts';
import { yearRange } from './reviews-per-year.ts';
import { plural } from '../../lib/plural.ts';

export type TrendMeasure = 'count' | 'share';

/** Shares when every plotted year has at least SMALL_N tagged reviews; else counts, which do not swing 0% to 100% on one review. */
export function defaultTrendMeasure(rows: readonly ThemeYearRow[]): TrendMeasure {
  return rows.length > 0 && rows.every((r) => r.total >= SMALL_N) ? 'share' : 'count';
}

// Symbols and dashes differ per line, and points sit a little apart, so identical lines stay visible.
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'roundRect', 'arrow'] as const;
const DASHES = ['solid', 'dashed', 'dotted'] as const;

/** The finding the chart's title states: the latest year's leading theme, or why there is no trend. */
export function themeTrendTitle(rows: readonly ThemeYearRow[], measure: TrendMeasure, minReviews = 5): string {
  if (!rows.length) return 'No dated tagged reviews match the filters';
  // A share of one or two reviews is not a finding: speak of the latest year with enough of them.
  const solid = rows.filter((r) => r.total >= minReviews);
  const latest = Math.max(...(solid.length ? solid : rows).map((r) => r.year));
  const years = new Set(rows.map((r) => r.year)).size;
  const top = rows.filter((r) => r.year === latest).reduce((a, b) => (b.reviews > a.reviews ? b : a));
  const what = measure === 'share' ? `${pct(top.share)} of the ${plural(top.total, 'tagged review')}` : `${ofTotal(top.reviews, top.total)} tagged ${top.total === 1 ? 'review' : 'reviews'}`;
  const lead = top.reviews ? `${top.theme} was tagged in ${what} in ${latest}` : `None of these themes was tagged in ${latest}`;
  return years < 2 ? `${lead} (one year only: widen the years to see a trend)` : lead;
}

/** One line per theme; years without tagged reviews are gaps, not zeros. */
export function themeTrendOption(rows: readonly ThemeYearRow[], measure: TrendMeasure) {
  const years = yearRange(rows.map((r) => r.year));
  const themes = [...new Map(rows.map((r) => [r.theme_id, r.theme])).entries()];
  const cell = new Map(rows.map((r) => [`${r.theme_id}|${r.year}`, r]));
  const share = measure === 'share';
  return {
    ...baseOption(`Line chart of ${share ? 'the share of tagged reviews' : 'tagged reviews'} per publication year for ${themes.length} themes.`),
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'axis' as const,
      // Counts with every value ("2 of 2"), and small bases said in words.
      formatter: (params: Array<{ seriesIndex: number; dataIndex: number; marker: string }>) => {
        const year = years[params[0]?.dataIndex ?? 0];
        const lines = params.map((p) => {
          const [id, name] = themes[p.seriesIndex]!;
          const r = cell.get(`${id}|${year}`);
          if (!r) return `${p.marker}${name}: no tagged reviews`;
          const value = share ? `${pct(r.share)} (${ofTotal(r.reviews, r.total)})` : `${ofTotal(r.reviews, r.total)} tagged reviews`;
          return `${p.marker}${name}: ${value}${r.total < SMALL_N ? ' · small number' : ''}`;
        });
        return [String(year), ...lines].join('\n');
      },
    },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 56, right: 24, top: 16, bottom: 72 },
    xAxis: { type: 'category' as const, data: years.map(String), name: 'Publication year', nameGap: 28, ...axisName },
    yAxis: share
      ? { type: 'value' as const, max: 1, name: 'Share of tagged reviews', nameGap: 44, ...axisName, axisLabel: { formatter: (v: number) => pct(v) } }
      : { type: 'value' as const, minInterval: 1, name: 'Tagged reviews', nameGap: 36, ...axisName },
    series: themes.map(([id, name], i) => ({
      type: 'line' as const,
      name,
      connectNulls: false,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 8,
      symbolOffset: [(i - (themes.length - 1) / 2) * 3, 0],
      lineStyle: { type: DASHES[i % DASHES.length], width: 2 },
      cursor: 'pointer',
      // A share from fewer than SMALL_N reviews is drawn faded: shown, but not to be read as a finding.
      data: years.map((y) => {
        const r = cell.get(`${id}|${y}`);
        if (!r) return null;
        const value = share ? r.share : r.reviews;
        return r.total < SMALL_N ? { value, itemStyle: { opacity: 0.35 } } : value;
      }),
    })),
  };
}
