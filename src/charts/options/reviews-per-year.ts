/** Stacked bars: reviews per publication year by partnership. */
import { OTHER_PUBLISHERS, type ReviewsPerYearRow } from '../../queries/overview.ts';
import { OTHER_COLOUR } from '../palette.ts';
import { axisName, baseOption, CANVAS_TOOLTIP, STACKED_BAR_PATHS } from './common.ts';
import { count } from './format.ts';

/** Every year from the first to the last, so gaps show as gaps. */
export function yearRange(years: readonly number[]): number[] {
  if (!years.length) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** The finding the chart's title states. */
export function reviewsPerYearTitle(rows: readonly ReviewsPerYearRow[]): string {
  const byYear = new Map<number, number>();
  for (const r of rows) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.reviews);
  if (!byYear.size) return 'No dated reviews match the filters';
  const [peakYear, peak] = [...byYear].reduce((a, b) => (b[1] > a[1] ? b : a));
  const total = [...byYear.values()].reduce((a, b) => a + b, 0);
  return `${count(total)} dated reviews; the most, ${count(peak)}, were published in ${peakYear}`;
}

export function reviewsPerYearOption(rows: readonly ReviewsPerYearRow[]) {
  const years = yearRange(rows.map((r) => r.year));
  const partnerships = [...new Set(rows.map((r) => r.partnership))];
  const series = partnerships.map((name) => {
    const counts = new Map(rows.filter((r) => r.partnership === name).map((r) => [r.year, r.reviews]));
    return {
      type: 'bar' as const,
      name,
      stack: 'reviews',
      data: years.map((y) => counts.get(y) ?? 0),
      ...(name === OTHER_PUBLISHERS ? { itemStyle: { color: OTHER_COLOUR } } : {}),
      ...STACKED_BAR_PATHS,
    };
  });
  return {
    ...baseOption(`Stacked bar chart of reviews per publication year, ${years[0] ?? ''} to ${years.at(-1) ?? ''}, by partnership.`),
    tooltip: { ...CANVAS_TOOLTIP, trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 56, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category' as const, data: years.map(String), name: 'Publication year', nameGap: 28, ...axisName },
    yAxis: { type: 'value' as const, name: 'Reviews', nameGap: 36, minInterval: 1, ...axisName },
    series,
  };
}
