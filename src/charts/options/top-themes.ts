/** Horizontal bars: the share of tagged reviews carrying each of the most frequent themes. */
import type { ThemeShareRow } from '../../queries/themes.ts';
import { CATEGORY_COLOURS, OTHER_COLOUR } from '../palette.ts';
import { axisName, baseOption, CANVAS_TOOLTIP } from './common.ts';
import { ofTotal, pct } from './format.ts';
import { plural } from '../../lib/plural.ts';

/** The finding the chart's title states. */
export function topThemesTitle(rows: readonly ThemeShareRow[]): string {
  const first = rows[0];
  if (!first || first.reviews === 0) return 'No tagged reviews match the filters';
  return `${first.theme} is the most frequent theme: tagged in ${pct(first.share)} of ${plural(first.total, 'review')}`;
}

/** Bars for `rows` (already cut to the ones to show), most frequent on top; `selected` themes stand out. */
export function topThemesOption(rows: readonly ThemeShareRow[], selected: readonly string[] = []) {
  const shown = [...rows].reverse();
  const highlight = selected.length > 0;
  return {
    // One series: the highlight is a colour on top of the bar's own label, so no decal pattern.
    ...baseOption(`Bar chart of the share of tagged reviews carrying each of the ${rows.length} most frequent themes.`, { decal: false }),
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'item' as const,
      formatter: (p: { dataIndex: number }) => {
        const r = shown[p.dataIndex]!;
        return `${r.theme}: ${pct(r.share)} (${ofTotal(r.reviews, r.total)} tagged reviews)`;
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value' as const, max: 1, name: 'Share of tagged reviews', nameGap: 26, ...axisName,
      axisLabel: { formatter: (v: number) => pct(v) } },
    yAxis: { type: 'category' as const, data: shown.map((r) => r.theme), axisLabel: { width: 190, overflow: 'truncate' as const } },
    series: [{
      type: 'bar' as const,
      name: 'Share of tagged reviews',
      cursor: 'pointer',
      data: shown.map((r) => ({
        value: r.share,
        itemStyle: { color: !highlight || selected.includes(r.theme_id) ? CATEGORY_COLOURS[0] : OTHER_COLOUR },
      })),
      label: { show: true, position: 'right' as const, formatter: (p: { value: number }) => pct(p.value) },
    }],
  };
}
