/** Lines: chosen themes over publication years, as counts or shares of tagged reviews. */
import type { ThemeYearRow } from '../../queries/trends.ts';
import { axisName, baseOption } from './common.ts';
import { ofTotal, pct } from './format.ts';
import { yearRange } from './reviews-per-year.ts';
import { plural } from '../../lib/plural.ts';

export type TrendMeasure = 'count' | 'share';

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
      trigger: 'axis' as const,
      valueFormatter: (v: number | null) => (v === null || v === undefined ? 'no tagged reviews' : share ? pct(v) : String(v)),
    },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 56, right: 24, top: 16, bottom: 72 },
    xAxis: { type: 'category' as const, data: years.map(String), name: 'Publication year', nameGap: 28, ...axisName },
    yAxis: share
      ? { type: 'value' as const, max: 1, name: 'Share of tagged reviews', nameGap: 44, ...axisName, axisLabel: { formatter: (v: number) => pct(v) } }
      : { type: 'value' as const, minInterval: 1, name: 'Tagged reviews', nameGap: 36, ...axisName },
    series: themes.map(([id, name]) => ({
      type: 'line' as const,
      name,
      connectNulls: false,
      symbolSize: 7,
      cursor: 'pointer',
      data: years.map((y) => {
        const r = cell.get(`${id}|${y}`);
        return r ? (share ? r.share : r.reviews) : null;
      }),
    })),
  };
}
