import { describe, expect, it } from 'vitest';
import { comparisonOption, comparisonPoints, comparisonTitle } from './comparison.ts';
import { countPlotted } from './count-plotted.ts';
import { points } from './format.ts';
import { heatmapOption } from './heatmap.ts';
import { themeChangeOption } from './theme-change.ts';
import { defaultTrendMeasure, themeTrendOption, themeTrendTitle } from './theme-trend.ts';
import { labelPastMark, topThemesOption, topThemesTitle } from './top-themes.ts';

const share = (theme_id: string, reviews: number, total = 10) =>
  ({ theme_id, theme: theme_id.toUpperCase(), group: 'g', reviews, total, share: reviews / total });

describe('top themes', () => {
  it('puts the most frequent on top and states it in the title', () => {
    const rows = [share('neglect', 6), share('dv', 3)];
    expect(topThemesTitle(rows)).toBe('NEGLECT is the most frequent theme: tagged in 60% of 10 reviews');
    const o = topThemesOption(rows, ['dv']);
    expect(o.yAxis.data).toEqual(['DV', 'NEGLECT']);
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([0.3, 0.6]);
    expect(o.series[0]!.data[0]!.itemStyle.color).not.toBe(o.series[0]!.data[1]!.itemStyle.color);
    // One series: a decal pattern would be the same on every bar, so it is left off (it costs redraw time).
    expect(o.aria).toMatchObject({ enabled: true, decal: { show: false } });
    expect(o.tooltip).toMatchObject({ renderMode: 'richText' });
  });
});

describe('theme trend', () => {
  const rows = [
    { year: 2020, theme_id: 'n', theme: 'Neglect', reviews: 1, total: 2, share: 0.5 },
    { year: 2022, theme_id: 'n', theme: 'Neglect', reviews: 3, total: 4, share: 0.75 },
  ];
  it('leaves a gap for a year without tagged reviews', () => {
    const big = rows.map((r) => ({ ...r, total: r.total * 5, reviews: r.reviews * 5 }));
    expect(themeTrendOption(big, 'share').series[0]!.data).toEqual([0.5, null, 0.75]);
    expect(themeTrendOption(big, 'count').series[0]!.data).toEqual([5, null, 15]);
  });
  it('fades points built on fewer than 5 reviews and gives counts in the tooltip', () => {
    const o = themeTrendOption(rows, 'share');
    expect(o.series[0]!.data[0]).toEqual({ value: 0.5, itemStyle: { opacity: 0.35 } });
    const tip = o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 2, marker: '' }]);
    expect(tip).toContain('75% (3 of 4)');
    expect(tip).toContain('small number');
  });
  it('defaults to counts when any year has fewer than 5 tagged reviews', () => {
    expect(defaultTrendMeasure(rows)).toBe('count');
    expect(defaultTrendMeasure(rows.map((r) => ({ ...r, total: 9 })))).toBe('share');
  });
  it('states the latest year in the title', () => {
    expect(themeTrendTitle(rows, 'share', 1)).toBe('Neglect was tagged in 75% of the 4 tagged reviews in 2022');
    // 2022 has too few reviews for the default minimum of 5, so the title falls back to all years' latest.
    expect(themeTrendTitle([{ ...rows[0]!, total: 6 }, rows[1]!], 'share')).toContain('in 2020');
    expect(themeTrendTitle(rows.slice(1), 'count')).toContain('one year only');
  });
});

describe('theme change', () => {
  it('splits rises, falls and flagged themes into series', () => {
    const base = { recent: 1, recentTotal: 2, earlier: 1, earlierTotal: 2 };
    const o = themeChangeOption(
      [{ ...base, theme_id: 'a', theme: 'A', change: 10, flagged: true }, { ...base, theme_id: 'b', theme: 'B', change: -5 }],
      { recent: '2024', earlier: '2021–2023', flagged: 'Emerging' },
    );
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['Rise', [null, null]], ['Fall', [-5, null]], ['Emerging', [null, 10]]]);
    expect(o.series[1]!.label.formatter({ dataIndex: 0, value: -5 })).toBe('−5 pts (1 of 2 vs 1 of 2)');
    expect(points(-4.6)).toBe('−5 pts');
  });
});

describe('heatmap', () => {
  it('places cells by axis index and drops cells off the axes', () => {
    const o = heatmapOption({
      xLabels: ['a', 'b'], yLabels: ['p'], xName: 'x', yName: 'y', min: 0, max: 1, scaleText: ['0', '1'], description: 'd',
      cells: [{ x: 1, y: 0, value: 0.9, label: '90%', tooltip: '<b>' }, { x: 2, y: 0, value: 1, label: '', tooltip: '' }],
    });
    expect(o.series[0].data).toEqual([[1, 0, 0.9]]);
    // Labels are a silent text layer over the labelled cells; light text on the dark end of the scale.
    const text = o.series[1].renderItem({ dataIndex: 0 }, { coord: ([x, y]: number[]) => [x! * 10, y! * 10] });
    expect(o.series[1].data).toEqual([[1, 0]]);
    expect(text).toMatchObject({ type: 'text', x: 10, y: 0, silent: true, style: { text: '90%', fill: '#ffffff' } });
    expect(countPlotted(o)).toBe(1);
    // Drawn on the canvas as text: markup in a name is shown, never parsed.
    expect(o.tooltip).toMatchObject({ renderMode: 'richText' });
    expect(o.tooltip.formatter({ seriesIndex: 0, dataIndex: 0 })).toBe('<b>');
  });
});

describe('partnership comparison', () => {
  it('gives the shared method’s verdict and names clear differences in the title', () => {
    const pts = comparisonPoints([
      { theme: 'Neglect', reviews: 9, total: 10, others: 10, others_total: 100 },
      { theme: 'Online harm', reviews: 1, total: 10, others: 12, others_total: 100 },
    ]);
    expect(pts[0]!.verdict.reading).toBe('higher');
    expect(pts[1]!.verdict.reading).toBe('similar');
    expect(comparisonTitle('York', pts)).toBe('York more often tags Neglect than other partnerships');
    const o = comparisonOption(pts, 'York');
    // Floating bars: the invisible base is the lower bound, the visible bar spans the interval.
    expect(o.series[2]!.data[1]).toBeCloseTo(pts[0]!.own.low);
    expect(o.series[3]!.data[1]).toBeCloseTo(pts[0]!.own.high - pts[0]!.own.low);
  });
  it('marks partnerships with few tagged reviews as small numbers', () => {
    const pts = comparisonPoints([{ theme: 'Neglect', reviews: 2, total: 3, others: 10, others_total: 100 }]);
    expect(comparisonOption(pts, 'York').legend).toBeDefined();
    expect(comparisonOption(pts, 'York').series.some((s) => s.name === 'York (small numbers)')).toBe(true);
  });
});

describe('top themes: national reference marks', () => {
  it('draws a mark on the bar of each theme with a reference, aligned to the reversed bars', () => {
    const rows = [share('neglect', 6), share('dv', 3)];
    const o = topThemesOption(rows, [], [{ share: 0.55, label: '55% of 235 serious case reviews, 2017–2019', baseDiffers: false }, null]);
    expect(o.series).toHaveLength(2);
    expect(o.series[1]!.name).toBe('National reference');
    // Neglect is drawn on top: category index 1.
    expect(o.series[1]!.data.map((d) => d.value)).toEqual([[0.55, 1]]);
    expect(topThemesOption(rows).series).toHaveLength(1);
  });

  it('the reference is said in the bar’s one label, not in a second label on the diamond that overlapped it', () => {
    const rows = [share('neglect', 6), share('dv', 3)];
    const o = topThemesOption(rows, [], [{ share: 0.55, label: '55% of 235 serious case reviews, 2017–2019', baseDiffers: false }, null]);
    const label = (i: number) => o.series[0].label.formatter({ value: o.series[0].data[i]!.value, dataIndex: i });
    expect(label(1)).toMatch(/^\d+% · national 55%$/);
    expect(label(0)).toMatch(/^\d+%$/);
    expect((o.series[1] as { label?: unknown }).label).toBeUndefined();
  });
});

describe('top themes: a bar label past the national diamond (phone and desktop widths)', () => {
  // A bar 0.22 wide drawn 22 px wide from x = 100 (100 px per whole), its label "22%" 24 px wide just after it.
  const bar = { x: 100, y: 0, width: 22, height: 18 };
  const label = { x: 127, y: 0, width: 24, height: 14 };
  it('moves the label past a diamond that would sit on it', () => {
    // The reference at 0.33: diamond centre 133 px, 126–140 px, on the label.
    expect(labelPastMark(0.22, 0.33, bar, label)).toEqual({ x: 144, y: 7, align: 'left', verticalAlign: 'middle' });
    // Same bar at 1366 px: 300 px per whole.
    expect(labelPastMark(0.22, 0.33, { ...bar, width: 66 }, { ...label, x: 171 })).toMatchObject({ x: 99 + 100 + 7 + 4 });
  });
  it('leaves the label where it is when the diamond is clear of it', () => {
    expect(labelPastMark(0.22, 0.6, bar, label)).toEqual({}); // far to the right
    expect(labelPastMark(0.22, 0.1, bar, label)).toEqual({}); // inside the bar
    expect(labelPastMark(0, 0.3, { ...bar, width: 0 }, label)).toEqual({}); // no bar to measure by
  });
});
