/** Diverging bars: percentage-point change in each theme's share between two periods. */
import { CATEGORY_COLOURS } from '../palette.ts';
import { axisName, baseOption, CANVAS_TOOLTIP, wrappedLabels } from './common.ts';
import { ofTotal, pct, points } from './format.ts';
import { plural } from '../../lib/plural.ts';

export interface ThemeChange {
  theme_id: string;
  theme: string;
  recent: number;
  recentTotal: number;
  earlier: number;
  earlierTotal: number;
  /** Percentage points. */
  change: number;
  /** Flagged by a rule (e.g. emerging); drawn in a second colour and named in the legend. */
  flagged?: boolean;
  /** Either period has fewer than SMALL_N tagged reviews: drawn faded and never a headline. */
  small?: boolean;
}

/** Bars for `rows` in the given order (top first); rises and falls differ by colour and pattern. */
export function themeChangeOption(rows: readonly ThemeChange[], labels: { recent: string; earlier: string; flagged?: string }) {
  const shown = [...rows].reverse();
  const bar = (kind: 'rise' | 'fall' | 'flagged') =>
    shown.map((r) => {
      const k = r.flagged ? 'flagged' : r.change >= 0 ? 'rise' : 'fall';
      if (k !== kind) return null;
      return r.small ? { value: r.change, itemStyle: { opacity: 0.35 } } : r.change;
    });
  const series = [
    { name: 'Rise', data: bar('rise'), color: CATEGORY_COLOURS[0] },
    { name: 'Fall', data: bar('fall'), color: CATEGORY_COLOURS[1] },
    ...(labels.flagged ? [{ name: labels.flagged, data: bar('flagged'), color: CATEGORY_COLOURS[5] }] : []),
  ];
  return {
    ...baseOption(`Bar chart of the change in share of tagged reviews, ${labels.recent} against ${labels.earlier}, for ${plural(rows.length, 'theme')}.`),
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'item' as const,
      formatter: (p: { dataIndex: number }) => {
        const r = shown[p.dataIndex]!;
        return `${r.theme}: ${points(r.change)}\n${labels.recent}: ${pct(r.recentTotal ? r.recent / r.recentTotal : 0)} (${ofTotal(r.recent, r.recentTotal)})` +
          `\n${labels.earlier}: ${pct(r.earlierTotal ? r.earlier / r.earlierTotal : 0)} (${ofTotal(r.earlier, r.earlierTotal)})` +
          (r.small ? '\nSmall numbers: not a finding' : '');
      },
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 56, top: 8, bottom: 64, containLabel: true },
    xAxis: {
      type: 'value' as const, name: `Change in share (percentage points), ${labels.recent} vs ${labels.earlier}`, nameGap: 26, ...axisName,
      // Room on the right for the longest rise's label ("+51 pts (3 of 5 vs 4 of 45)"), which otherwise runs off the canvas.
      max: (v: { min: number; max: number }) => (v.max > 0 ? Math.ceil((v.max + 0.4 * (v.max - Math.min(v.min, 0))) / 10) * 10 : 0),
      // That end is off the axis's step: its tick would crowd the one before.
      axisLabel: { showMaxLabel: false },
    },
    yAxis: { type: 'category' as const, data: shown.map((r) => r.theme), axisLabel: wrappedLabels(190) },
    series: series.map((s) => ({
      type: 'bar' as const, name: s.name, stack: 'change', data: s.data, itemStyle: { color: s.color }, cursor: 'pointer',
      // The counts beside each bar, so an exported image carries its base ("3 of 4 vs 0 of 2").
      label: {
        show: true, position: 'right' as const,
        formatter: (p: { dataIndex: number; value: number }) => {
          const r = shown[p.dataIndex]!;
          return `${points(p.value)} (${r.recent} of ${r.recentTotal} vs ${r.earlier} of ${r.earlierTotal})`;
        },
      },
    })),
  };
}
