import { describe, expect, it } from 'vitest';
import { EXPORT_LABEL_WIDTH, exportOption } from '../../features/export/export-option.ts';
import { fitCategoryLabels, fitToWidth, longestLabelWidth, minChartWidth, narrowHeightFactor } from './fit-labels.ts';
import { themeChangeOption } from './theme-change.ts';
import { topThemesOption } from './top-themes.ts';

const LONG = 'Suicide, self-harm and children’s mental health in adolescence';
const rows = [
  { theme_id: 'a', theme: LONG, group: 'g', reviews: 3, total: 9, share: 1 / 3 },
  { theme_id: 'b', theme: 'Neglect', group: 'g', reviews: 2, total: 9, share: 2 / 9 },
];
type Axis = { type: string; axisLabel: { width?: number; overflow?: string; hideOverlap?: boolean } };

describe('category labels that fit', () => {
  it('an exported image never truncates a label: it widens the axis, and wraps what is wider still', () => {
    const text = { title: 't', filters: 'Filters: all', footer: 'Source: x.' };
    for (const theme of [LONG, `${LONG}, ${LONG}`]) {
      const option = topThemesOption([{ ...rows[0]!, theme }, rows[1]!]) as unknown as Record<string, unknown>;
      expect((option.yAxis as Axis).axisLabel).toMatchObject({ width: 190, overflow: 'break' }); // on screen: two lines
      const y = exportOption(option, text, 900).yAxis as Axis;
      expect(y.axisLabel.overflow).not.toBe('truncate');
      const needed = longestLabelWidth(y as never, 12);
      if (needed <= EXPORT_LABEL_WIDTH) expect(y.axisLabel).toMatchObject({ width: needed, overflow: 'none' });
      else expect(y.axisLabel).toMatchObject({ width: EXPORT_LABEL_WIDTH, overflow: 'break' });
    }
  });

  it('narrow screens wrap labels at about a third of the width and thin the value axis', () => {
    const option = topThemesOption(rows);
    expect(fitToWidth(option, 1000)).toBe(option);
    const narrow = fitToWidth(option, 340) as unknown as { xAxis: Axis; yAxis: Axis };
    expect(narrow.yAxis.axisLabel).toMatchObject({ width: 136, overflow: 'break' });
    expect(narrow.xAxis.axisLabel.hideOverlap).toBe(true);
    // Axes without a label limit are left alone.
    expect(fitCategoryLabels({ xAxis: { type: 'category', data: ['a'] } }, 100).xAxis).toEqual({ type: 'category', data: ['a'] });
  });

  it('on a phone, labels beside bars wrap within the room the plot leaves them instead of running off the edge (cut "+33 pts (3 o")', () => {
    const change = { theme_id: 'a', theme: 'Neglect', recent: 3, recentTotal: 7, earlier: 2, earlierTotal: 20, change: 33 };
    const option = themeChangeOption([change], { recent: '2022', earlier: '2019–2021' });
    const narrow = fitToWidth(option, 340) as unknown as { grid: { right: number }; series: { label: { width: number; overflow: string } }[] };
    for (const s of narrow.series) expect(s.label).toMatchObject({ width: 82, overflow: 'break' });
    expect(narrow.grid.right).toBeGreaterThanOrEqual(90);
    expect((fitToWidth(option, 1000) as unknown as { series: { label: { width?: number } }[] }).series[0]!.label.width).toBeUndefined();
  });

  it('wraps a long value-axis name on a phone instead of cutting it at the edge', () => {
    const narrow = fitToWidth(topThemesOption(rows), 340) as unknown as { xAxis: { name: string } };
    const name = 'Share of tagged reviews';
    expect(narrow.xAxis.name.replace(/\n/g, ' ')).toBe(name);
    const long = fitToWidth({ xAxis: { type: 'value', name: 'Share of tagged reviews (point) with 95% interval (bar)' } }, 340) as { xAxis: { name: string } };
    for (const line of long.xAxis.name.split('\n')) expect(line.length).toBeLessThanOrEqual(Math.floor((340 * 0.55) / (12 * 0.6)));
    expect(long.xAxis.name.split('\n').length).toBeGreaterThan(1);
  });

  it('makes a bar per theme taller on a phone, where wrapped theme names would print over each other', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...rows[1]!, theme_id: `t${i}`, theme: `${LONG} ${i}` }));
    expect(narrowHeightFactor(topThemesOption(many))).toBeGreaterThan(1);
    expect(narrowHeightFactor(topThemesOption(rows))).toBe(1);
  });

  it('gives a heatmap the width its columns need, so a phone scrolls it rather than crushing it', () => {
    expect(minChartWidth(topThemesOption(rows))).toBeUndefined();
    const heatmap = { xAxis: { type: 'category', data: Array.from({ length: 10 }, (_, i) => `t${i}`) }, series: [{ type: 'heatmap', data: [] }] };
    expect(minChartWidth(heatmap)).toBe(180 + 10 * 34);
  });
});
