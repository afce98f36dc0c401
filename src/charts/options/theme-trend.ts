/** Lines: chosen themes over publication years, as counts or shares of tagged reviews. */
import type { ThemeYearRow } from '../../queries/trends.ts';
import { SMALL_N } from '../../stats/share-difference.ts';
import { axisName, baseOption, CANVAS_TOOLTIP, type DrawFor } from './common.ts';
import { count, ofTotal, pct } from './format.ts';
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

/**
 * One line per theme; years without tagged reviews are gaps, not zeros. Drawn
 * for print with counts, each year says its base under it ("n = 40") and each
 * point its count, so a share in the image can be read back as "12 of 40".
 */
export function themeTrendOption(rows: readonly ThemeYearRow[], measure: TrendMeasure, draw: DrawFor = {}) {
  const years = yearRange(rows.map((r) => r.year));
  const themes = [...new Map(rows.map((r) => [r.theme_id, r.theme])).entries()];
  const cell = new Map(rows.map((r) => [`${r.theme_id}|${r.year}`, r]));
  const share = measure === 'share';
  // Every theme's row for a year has the same base: the year's tagged reviews.
  const base = new Map(rows.map((r) => [String(r.year), r.total]));
  const yearLabel = (y: string) => (base.has(y) ? `${y}\nn = ${count(base.get(y)!)}` : `${y}\nnone`);
  return {
    ...baseOption(`Line chart of ${share ? 'the share of tagged reviews' : 'tagged reviews'} per publication year for ${plural(themes.length, 'theme')}.`),
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
          const value = share ? `${pct(r.share)} (${ofTotal(r.reviews, r.total)})` : `${ofTotal(r.reviews, r.total)} tagged ${r.total === 1 ? 'review' : 'reviews'}`;
          return `${p.marker}${name}: ${value}${r.total < SMALL_N ? ' · small number' : ''}`;
        });
        return [String(year), ...lines].join('\n');
      },
    },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 56, right: 24, top: draw.counts ? 28 : 16, bottom: draw.counts ? 96 : 72 },
    xAxis: {
      type: 'category' as const, data: years.map(String), ...axisName,
      ...(draw.counts
        ? { name: share ? 'Publication year (n = tagged reviews that year; labels are counts)' : 'Publication year (n = tagged reviews that year)', nameGap: 48, axisLabel: { interval: 0, formatter: yearLabel, lineHeight: 16 } }
        : { name: 'Publication year', nameGap: 28 }),
    },
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
      ...(draw.counts && share
        ? {
            label: { show: true, position: 'top' as const, fontSize: 11, formatter: (p: { dataIndex: number }) => String(cell.get(`${id}|${years[p.dataIndex]}`)?.reviews ?? '') },
            // Where lines cross, two counts would print over each other: keep one legible.
            labelLayout: { hideOverlap: true },
          }
        : {}),
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
