/** Horizontal bars: the share of tagged reviews carrying each of the most frequent themes. */
import type { ThemeShareRow } from '../../queries/themes.ts';
import { CATEGORY_COLOURS, OTHER_COLOUR } from '../palette.ts';
import { axisName, baseOption, CANVAS_TOOLTIP, type DrawFor } from './common.ts';
import { ofTotal, pct } from './format.ts';
import { plural } from '../../lib/plural.ts';

/** The finding the chart's title states. */
export function topThemesTitle(rows: readonly ThemeShareRow[]): string {
  const first = rows[0];
  if (!first || first.reviews === 0) return 'No tagged reviews match the filters';
  return `${first.theme} is the most frequent theme: tagged in ${pct(first.share)} of ${plural(first.total, 'review')}`;
}

/** A published national share drawn as a mark on a theme's bar. */
export interface ReferenceMark {
  share: number;
  /** "60% of 139 serious case reviews, 2009–2011". */
  label: string;
  /** The published base is a subgroup (e.g. infant deaths only). */
  baseDiffers: boolean;
}

/**
 * Bars for `rows` (already cut to the ones to show), most frequent on top; `selected` themes stand out.
 * `references[i]` (aligned with `rows`) adds a national reference mark on that theme's bar.
 */
export function topThemesOption(rows: readonly ThemeShareRow[], selected: readonly string[] = [], references: readonly (ReferenceMark | null)[] = [], draw: DrawFor = {}) {
  const shown = [...rows].reverse();
  const refs = [...rows.map((_, i) => references[i] ?? null)].reverse();
  const marks = refs.flatMap((m, i) => (m ? [{ value: [m.share, i], mark: m }] : []));
  const highlight = selected.length > 0;
  const bars = {
    type: 'bar' as const,
    name: 'Share of tagged reviews',
    cursor: 'pointer',
    data: shown.map((r) => ({
      value: r.share,
      itemStyle: { color: !highlight || selected.includes(r.theme_id) ? CATEGORY_COLOURS[0] : OTHER_COLOUR },
    })),
    label: {
      show: true, position: 'right' as const,
      formatter: (p: { value: number; dataIndex: number }) => {
        const r = shown[p.dataIndex];
        return draw.counts && r ? `${pct(p.value)} (${ofTotal(r.reviews, r.total)})` : pct(p.value);
      },
    },
  };
  const reference = {
    type: 'scatter' as const,
    name: 'National reference',
    symbol: 'diamond',
    symbolSize: 14,
    z: 5,
    itemStyle: { color: '#fff', borderColor: '#1b1b1b', borderWidth: 2 },
    data: marks.map((m) => ({ value: m.value, itemStyle: m.mark.baseDiffers ? { borderType: 'dashed' as const } : undefined })),
    label: { show: true, position: 'top' as const, fontSize: 10, color: '#1b1b1b', formatter: (p: { dataIndex: number }) => `national ${pct(marks[p.dataIndex]!.mark.share)}` },
  };
  // Typed as a tuple so callers read the bars as series[0] without a union.
  const series: [typeof bars, ...(typeof reference)[]] = marks.length ? [bars, reference] : [bars];
  return {
    // One series of bars (national references are labelled diamonds): a decal pattern would be the same on every bar.
    ...baseOption(`Bar chart of the share of tagged reviews carrying ${rows.length === 1 ? 'the most frequent theme' : `each of the ${rows.length} most frequent themes`}.`, { decal: false }),
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'item' as const,
      formatter: (p: { dataIndex: number; seriesIndex?: number }) => {
        if (p.seriesIndex === 1) {
          const m = marks[p.dataIndex]!.mark;
          return `National reference: ${m.label}${m.baseDiffers ? ' (a subgroup of reviews: base differs)' : ''}`;
        }
        const r = shown[p.dataIndex]!;
        return `${r.theme}: ${pct(r.share)} (${ofTotal(r.reviews, r.total)} tagged ${r.total === 1 ? 'review' : 'reviews'})`;
      },
    },
    // "38% (32 of 84)" beside a bar needs more room than "38%".
    grid: { left: 8, right: draw.counts ? 150 : 48, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value' as const, max: 1, name: 'Share of tagged reviews', nameGap: 26, ...axisName,
      axisLabel: { formatter: (v: number) => pct(v) } },
    yAxis: { type: 'category' as const, data: shown.map((r) => r.theme), axisLabel: { width: 190, overflow: 'truncate' as const } },
    series,
  };
}
