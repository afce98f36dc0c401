import { describe, expect, it } from 'vitest';
import { chartKind, describeChartData } from './describe-chart.ts';

const perYear = {
  option: { series: [{ type: 'bar', stack: 'reviews', data: [2, 1, 0, 4] }, { type: 'bar', stack: 'reviews', data: [0, 6, 3, 0] }] },
  table: {
    columns: [
      { key: 'year', label: 'Publication year', numeric: true },
      { key: 'partnership', label: 'Partnership' },
      { key: 'reviews', label: 'Reviews', numeric: true },
    ],
    rows: [
      { year: 2019, partnership: 'York', reviews: 2 },
      { year: 2020, partnership: 'York', reviews: 1 },
      { year: 2020, partnership: 'Leeds', reviews: 6 },
      { year: 2021, partnership: 'Leeds', reviews: 3 },
      { year: 2022, partnership: 'York', reviews: 4 },
    ],
  },
};

describe('describeChartData', () => {
  it('states what is plotted, the highest, the lowest, the trend and the leader', () => {
    expect(describeChartData(perYear)).toBe(
      'Stacked bar chart of reviews by publication year and partnership, 2019–2022 (5 plotted values). ' +
        'The highest is 2020, Leeds with 6 reviews; the lowest is 2020, York with 1 review. ' +
        'Summed across partnership, reviews rose from 2 in 2019 to 4 in 2022, peaking at 7 in 2020. ' +
        'Overall, Leeds has the most (9 reviews).',
    );
  });

  it('notes ties, falling trends and averages rates instead of summing them', () => {
    const text = describeChartData({
      option: { series: [{ type: 'line' }] },
      table: {
        columns: [{ key: 'year', label: 'Year', numeric: true }, { key: 'share', label: 'Share of reviews', numeric: true }],
        rows: [{ year: 2020, share: 0.5 }, { year: 2021, share: 0.5 }, { year: 2022, share: 0.25 }],
      },
    });
    expect(text).toContain('The highest is 2020 (and 1 other) with 0.5; the lowest is 2022 with 0.25.');
    expect(text).toContain('Share of reviews fell from 0.5 in 2020 to 0.25 in 2022.');
  });

  it('describes the column the value axis plots, in its display format', () => {
    const text = describeChartData({
      option: { series: [{ type: 'bar' }], xAxis: { type: 'value', name: 'Change in share (points)' } },
      table: {
        columns: [
          { key: 'theme', label: 'Theme' },
          { key: 'recent', label: 'Tagged 2025', numeric: true },
          { key: 'change', label: 'Change', numeric: true, format: (v: unknown) => `${Number(v) > 0 ? '+' : ''}${Number(v)} pts` },
          { key: 'flagged', label: 'Emerging', format: (v: unknown) => (v ? 'Yes' : 'No') },
        ],
        rows: [{ theme: 'Neglect', recent: 4, change: 12, flagged: true }, { theme: 'Housing', recent: 9, change: -5, flagged: false }],
      },
    });
    // A bare "Change" takes the axis name; a yes/no flag is no category.
    expect(text).toBe('Bar chart of change in share (points) by theme (2 plotted values). The highest is Neglect with +12 pts; the lowest is Housing with -5 pts.');
  });

  it('speaks of pairs in a theme × theme heatmap and leaves out a theme paired with itself', () => {
    const row = (label_a: string, label_b: string, both: number) => ({ label_a, label_b, both });
    const text = describeChartData({
      option: { series: [{ type: 'heatmap', data: [[0, 0, 9], [1, 0, 4], [1, 1, 7], [2, 0, 1], [2, 1, 2], [2, 2, 5]] }] },
      table: {
        columns: [
          { key: 'label_a', label: 'Theme' }, { key: 'label_b', label: 'With theme' },
          { key: 'both', label: 'Reviews with both', numeric: true, kind: 'count' },
        ],
        rows: [row('Neglect', 'Neglect', 9), row('Neglect', 'Housing', 4), row('Housing', 'Housing', 7), row('Neglect', 'Online harm', 1), row('Housing', 'Online harm', 2), row('Online harm', 'Online harm', 5)],
      },
    });
    expect(text).toBe('Heatmap of reviews with both for each pair of themes (3 plotted values). The highest is Neglect and Housing with 4 reviews with both; the lowest is Neglect and Online harm with 1 review with both.');
  });

  it('describes the values a heatmap draws (shares), not the counts beside them', () => {
    const pct = (v: unknown) => `${Math.round(Number(v) * 100)}%`;
    const text = describeChartData({
      option: { series: [{ type: 'heatmap', data: [[0, 0, 0.5], [0, 1, 0.25], [1, 0, 1]] }] },
      table: {
        columns: [
          { key: 'p', label: 'Partnership' },
          { key: 'theme', label: 'Theme' },
          { key: 'n', label: 'Tagged reviews with theme', numeric: true },
          { key: 'share', label: 'Share', numeric: true, format: pct },
        ],
        rows: [{ p: 'York', theme: 'Neglect', n: 2, share: 0.5 }, { p: 'York', theme: 'Housing', n: 1, share: 0.25 }, { p: 'Leeds', theme: 'Neglect', n: 3, share: 1 }],
      },
    });
    expect(text).toBe('Heatmap of share by partnership and theme (3 plotted values). The highest is Leeds, Neglect with 100%; the lowest is York, Housing with 25%.');
    const dots = { series: [{ type: 'bar', stack: 'a', itemStyle: { color: 'transparent' }, data: [1] }, { type: 'bar', stack: 'a', data: [2] }, { type: 'scatter', data: [1.5] }] };
    expect(chartKind(dots)).toBe('Dot plot with bars');
  });

  it('names what a share is of, gives its count and base, and follows the leading theme instead of averaging themes', () => {
    const pct = (v: unknown) => `${Math.round(Number(v) * 100)}%`;
    const text = describeChartData({
      option: { series: [{ type: 'line', data: [0.4, 0.7] }, { type: 'line', data: [0.2, 0.1] }], yAxis: { type: 'value', name: 'Share of tagged reviews' } },
      table: {
        columns: [
          { key: 'year', label: 'Publication year', numeric: true },
          { key: 'theme', label: 'Theme' },
          { key: 'k', label: 'Tagged reviews with theme', numeric: true, kind: 'count' as const },
          { key: 'n', label: 'Tagged reviews that year', numeric: true, kind: 'base' as const },
          { key: 'share', label: 'Share', numeric: true, kind: 'share' as const, format: pct },
        ],
        rows: [
          { year: 2020, theme: 'Neglect', k: 2, n: 5, share: 0.4 }, { year: 2022, theme: 'Neglect', k: 7, n: 10, share: 0.7 },
          { year: 2020, theme: 'Housing', k: 1, n: 5, share: 0.2 }, { year: 2022, theme: 'Housing', k: 1, n: 10, share: 0.1 },
        ],
      },
    });
    expect(text).toBe(
      'Line chart of share of tagged reviews by publication year and theme, 2020–2022 (4 plotted values). ' +
        'The highest is 2022, Neglect with 70% (7 of 10 tagged reviews that year); the lowest is 2022, Housing with 10% (1 of 10 tagged reviews that year). ' +
        'Of 2 themes, Neglect has the highest share of tagged reviews across the years. Neglect’s share of tagged reviews rose from 40% in 2020 to 70% in 2022.',
    );
    expect(text).not.toMatch(/Averaged/);
  });

    it('uses display formats for labels and copes with empty or flat data', () => {
    const table = {
      columns: [
        { key: 'theme', label: 'Theme', format: (v: unknown) => `Theme ${String(v)}` },
        { key: 'n', label: 'Reviews', numeric: true },
      ],
      rows: [{ theme: 'a', n: 2 }, { theme: 'b', n: 2 }],
    };
    expect(describeChartData({ option: { series: { type: 'bar' } }, table })).toBe('Bar chart of reviews by theme (2 plotted values). Every value is 2 reviews.');
    expect(describeChartData({ option: {}, table: { ...table, rows: [] } })).toBe('Chart with no values for the filters in force.');
    expect(chartKind({ series: [{ type: 'heatmap' }] })).toBe('Heatmap');
    // Rise and fall bars share a stack but never a position: not a stacked chart.
    expect(chartKind({ series: [{ type: 'bar', stack: 'c', data: [3, '-'] }, { type: 'bar', stack: 'c', data: ['-', -2] }] })).toBe('Bar chart');
  });
});
