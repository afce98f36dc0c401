import { describe, expect, it } from 'vitest';
import { topThemesOption } from '../../charts/options/top-themes.ts';
import { countsByCategory, withCountLabels } from './image-counts.ts';

const rows = [
  { theme_id: 'a', theme: 'Neglect', group: 'g', reviews: 3, total: 9, share: 1 / 3 },
  { theme_id: 'b', theme: 'Housing', group: 'g', reviews: 1, total: 9, share: 1 / 9 },
];
const table = {
  columns: [
    { key: 'theme' as const, label: 'Theme' },
    { key: 'reviews' as const, label: 'Tagged reviews with theme', numeric: true, kind: 'count' as const },
    { key: 'total' as const, label: 'Tagged reviews', numeric: true, kind: 'base' as const },
    { key: 'share' as const, label: 'Share', numeric: true, kind: 'share' as const },
  ],
  rows,
};

describe('counts on exported images', () => {
  it('labels each share bar with its count and base', () => {
    const option = withCountLabels(topThemesOption(rows), table) as unknown as { series: { label: { formatter(p: unknown): string } }[]; grid: { right: number } };
    const label = option.series[0]!.label.formatter;
    expect(label({ name: 'Neglect', value: 1 / 3 })).toBe('33% (3 of 9)');
    expect(label({ name: 'Housing', value: 1 / 9 })).toBe('11% (1 of 9)');
    expect(option.grid.right).toBeGreaterThanOrEqual(150);
  });

  it('leaves charts without a share, count and base alone', () => {
    const counts = { ...table, columns: table.columns.filter((c) => c.kind !== 'share') };
    expect(countsByCategory(counts)).toBeNull();
    const option = topThemesOption(rows);
    expect(withCountLabels(option, counts)).toBe(option);
  });
});
