/**
 * Charts of the Recommendations view: kinds of recommendation by year (count
 * or share), kinds by theme, and open and overdue items by owner. Pure option
 * builders over the rows of src/queries/recommendations.ts.
 */
import type { KindThemeRow, KindYearRow, OwnerRow } from '../../queries/recommendations.ts';
import { KIND_LABELS, RECOMMENDATION_KINDS, type RecommendationKind } from '../../recommendations/kinds.ts';
import { CATEGORY_COLOURS } from '../palette.ts';
import { axisName, baseOption, STACKED_BAR_PATHS, wrappedLabels } from './common.ts';
import { count, pct } from './format.ts';
import { yearRange } from './reviews-per-year.ts';

export type KindMeasure = 'count' | 'share';

const kindLabel = (k: string) => KIND_LABELS[k as RecommendationKind] ?? k;
/** One colour per kind, the same in every chart. */
const kindColour = (k: string) => CATEGORY_COLOURS[Math.max(0, RECOMMENDATION_KINDS.indexOf(k as RecommendationKind))]!;
const kindsIn = (rows: readonly { kind: string }[]) => RECOMMENDATION_KINDS.filter((k) => rows.some((r) => r.kind === k));

/** The finding the kinds-by-year chart states. */
export function kindsByYearTitle(rows: readonly KindYearRow[]): string {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.kind, (totals.get(r.kind) ?? 0) + r.recommendations);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  if (!all) return 'No recommendations from dated reviews match the filters';
  const [top, n] = [...totals].reduce((a, b) => (b[1] > a[1] ? b : a));
  return `${count(all)} recommendations from dated reviews; the commonest kind is ${kindLabel(top).toLowerCase()} (${pct(n / all)})`;
}

export function kindsByYearOption(rows: readonly KindYearRow[], measure: KindMeasure) {
  const years = yearRange(rows.map((r) => r.year));
  const series = kindsIn(rows).map((kind) => {
    const byYear = new Map(rows.filter((r) => r.kind === kind).map((r) => [r.year, measure === 'share' ? r.share : r.recommendations]));
    return {
      type: 'bar' as const, name: kindLabel(kind), stack: 'kinds', itemStyle: { color: kindColour(kind) },
      data: years.map((y) => byYear.get(y) ?? 0), ...STACKED_BAR_PATHS,
    };
  });
  return {
    ...baseOption(`Stacked bar chart of recommendations per publication year by kind, as ${measure === 'share' ? 'shares of each year' : 'counts'}.`),
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, renderMode: 'richText' as const,
      valueFormatter: (v: unknown) => (measure === 'share' ? pct(Number(v)) : count(Number(v))) },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 56, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category' as const, data: years.map(String), name: 'Publication year of the review', nameGap: 28, ...axisName },
    yAxis: measure === 'share'
      ? { type: 'value' as const, max: 1, name: 'Share of the year’s recommendations', nameGap: 44, axisLabel: { formatter: (v: number) => pct(v) }, ...axisName }
      : { type: 'value' as const, name: 'Recommendations', nameGap: 36, minInterval: 1, ...axisName },
    series,
  };
}

/** The finding the kinds-by-theme chart states. */
export function kindsByThemeTitle(rows: readonly KindThemeRow[]): string {
  const byTheme = new Map<string, number>();
  for (const r of rows) byTheme.set(r.theme, (byTheme.get(r.theme) ?? 0) + r.recommendations);
  if (!byTheme.size) return 'No recommendation matching the filters has a theme';
  const [theme, n] = [...byTheme].reduce((a, b) => (b[1] > a[1] ? b : a));
  return `Most recommendations with a theme are about ${theme.toLowerCase()} (${count(n)})`;
}

export function kindsByThemeOption(rows: readonly KindThemeRow[]) {
  const themes = [...new Set(rows.map((r) => r.theme))].reverse();
  const series = kindsIn(rows).map((kind) => {
    const byTheme = new Map(rows.filter((r) => r.kind === kind).map((r) => [r.theme, r.recommendations]));
    return { type: 'bar' as const, name: kindLabel(kind), stack: 'kinds', itemStyle: { color: kindColour(kind) }, data: themes.map((t) => byTheme.get(t) ?? 0) };
  });
  return {
    ...baseOption('Stacked horizontal bar chart of recommendations per theme, split by kind of recommendation.'),
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, renderMode: 'richText' as const },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 250, right: 24, top: 16, bottom: 72 },
    xAxis: { type: 'value' as const, name: 'Recommendations', nameGap: 28, minInterval: 1, ...axisName },
    yAxis: { type: 'category' as const, data: themes, axisLabel: wrappedLabels(235) },
    series,
  };
}

/** The finding the owners chart states. */
export function ownersTitle(rows: readonly OwnerRow[]): string {
  const open = rows.reduce((s, r) => s + r.open, 0);
  const overdue = rows.reduce((s, r) => s + r.overdue, 0);
  if (!open) return 'No open recommendations match the filters';
  return `${count(open)} recommendations are open; ${count(overdue)} ${overdue === 1 ? 'is' : 'are'} past the due date`;
}

export function ownersOption(rows: readonly OwnerRow[]) {
  const owners = rows.map((r) => r.owner).reverse();
  const ordered = [...rows].reverse();
  return {
    ...baseOption('Horizontal bar chart of open recommendations per owner, with the overdue ones beside them.'),
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, renderMode: 'richText' as const },
    legend: { bottom: 0 },
    grid: { left: 160, right: 24, top: 16, bottom: 64 },
    xAxis: { type: 'value' as const, name: 'Recommendations', nameGap: 26, minInterval: 1, ...axisName },
    yAxis: { type: 'category' as const, data: owners, axisLabel: wrappedLabels(140) },
    series: [
      { type: 'bar' as const, name: 'Open (not started or in progress)', data: ordered.map((r) => r.open), itemStyle: { color: CATEGORY_COLOURS[0] } },
      { type: 'bar' as const, name: 'Overdue', data: ordered.map((r) => r.overdue), itemStyle: { color: CATEGORY_COLOURS[5] } },
    ],
  };
}
