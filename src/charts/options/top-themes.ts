/** Horizontal bars: the share of tagged reviews carrying each of the most frequent themes. */
import type { ThemeShareRow } from '../../queries/themes.ts';
import { CATEGORY_COLOURS, OTHER_COLOUR } from '../palette.ts';
import { axisName, baseOption, CANVAS_TOOLTIP, type DrawFor, wrappedLabels } from './common.ts';
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

/** Drawn size of a reference diamond, px. */
const DIAMOND = 14;
/** Space between a diamond and the label moved past it, px. */
const GAP = 4;

interface Rect { x: number; y: number; width: number; height: number }

/**
 * Where a bar's label goes when its row has a national reference: past the
 * diamond when the diamond would sit on the label (a reference a little above
 * the bar's share), else where ECharts put it. The diamond's pixel position
 * comes from the bar's own: a bar `share` wide is `rect.width` px.
 */
export function labelPastMark(share: number, mark: number, bar: Rect, label: Rect): { x?: number; y?: number; align?: 'left'; verticalAlign?: 'middle' } {
  if (!(share > 0) || !(bar.width > 0)) return {};
  const centre = bar.x + (mark / share) * bar.width;
  const [left, right] = [centre - DIAMOND / 2, centre + DIAMOND / 2];
  const clear = right + GAP <= label.x || left >= label.x + label.width;
  // Placed by its left edge and middle, as ECharts placed it beside the bar.
  return clear ? {} : { x: Math.max(label.x, right + GAP), y: label.y + label.height / 2, align: 'left', verticalAlign: 'middle' };
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
    // A row with a national reference says it in its one label ("22% · national 33%"), set past the diamond:
    // a second label on the diamond collided with this one and with the row above's, most of all on a phone.
    label: {
      show: true, position: 'right' as const,
      formatter: (p: { value: number; dataIndex: number }) => {
        const r = shown[p.dataIndex];
        const own = draw.counts && r ? `${pct(p.value)} (${ofTotal(r.reviews, r.total)})` : pct(p.value);
        const mark = refs[p.dataIndex];
        return mark ? `${own} · national ${pct(mark.share)}` : own;
      },
    },
    labelLayout: (p: { dataIndex: number; rect: Rect; labelRect: Rect }) => {
      const mark = refs[p.dataIndex];
      const r = shown[p.dataIndex];
      return mark && r && p.rect ? labelPastMark(r.share, mark.share, p.rect, p.labelRect) : {};
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
    // "38% (32 of 84)" beside a bar needs more room than "38%", and " · national 60%" more again.
    grid: { left: 8, right: (draw.counts ? 150 : 48) + (marks.length ? 90 : 0), top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value' as const, max: 1, name: 'Share of tagged reviews', nameGap: 26, ...axisName,
      axisLabel: { formatter: (v: number) => pct(v) } },
    yAxis: { type: 'category' as const, data: shown.map((r) => r.theme), axisLabel: wrappedLabels(190) },
    series,
  };
}
