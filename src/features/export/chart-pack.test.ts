import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../charts/chart-registry.tsx';
import { buildChartPack, type PackContext, type PackProgress } from './chart-pack.ts';

const chart = (id: string, rows: { year: number; reviews: number }[]): ChartSpec => ({
  id,
  title: `Reviews per year (${id})`,
  footnote: 'Source: Learning Themes dataset (published reviews and briefings). Filters: Warwickshire; 2021–2024.',
  option: { series: [{ type: 'bar', data: rows.map((r) => r.reviews) }] },
  table: { columns: [{ key: 'year', label: 'Year', numeric: true }, { key: 'reviews', label: 'Reviews', numeric: true }], rows },
});

const ctx: PackContext = {
  viewLabel: 'Overview',
  filtersText: 'Warwickshire; 2021–2024',
  exportedOn: '3 March 2025',
  baseName: (id) => `${id}_warwickshire_2021-2024`,
};

const stub = {
  png: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  svg: async (c: ChartSpec) => `<svg><text>${c.title}</text></svg>`,
};

describe('buildChartPack', () => {
  it('zips PNG, SVG and CSV per chart plus charts.md with alt text, filters and source', async () => {
    const progress: PackProgress[] = [];
    const { zip, withoutImages } = await buildChartPack(
      [chart('a', [{ year: 2021, reviews: 1 }, { year: 2022, reviews: 3 }]), chart('b', [{ year: 2021, reviews: 2 }])],
      ctx, stub, { onProgress: (p) => progress.push(p) },
    );
    expect(withoutImages).toEqual([]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'a_warwickshire_2021-2024.csv', 'a_warwickshire_2021-2024.png', 'a_warwickshire_2021-2024.svg',
      'b_warwickshire_2021-2024.csv', 'b_warwickshire_2021-2024.png', 'b_warwickshire_2021-2024.svg', 'charts.md',
    ]);
    const csv = files['a_warwickshire_2021-2024.csv']!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    expect(strFromU8(csv)).toBe('Year,Reviews\r\n2021,1\r\n2022,3\r\n');
    const md = strFromU8(files['charts.md']!);
    expect(md).toContain('## 1. Reviews per year (a)');
    expect(md).toContain('- Description (alt text): Bar chart of reviews by year, 2021–2022 (2 plotted values). The highest is 2022 with 3 reviews; the lowest is 2021 with 1 review. Reviews rose from 1 in 2021 to 3 in 2022.');
    expect(md).toContain('- Filters: Warwickshire; 2021–2024');
    expect(md).toContain('- Source: Learning Themes dataset (published reviews and briefings).\n');
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, message: 'Done' });
  });

  it('keeps the numbers and says why when a chart cannot be drawn', async () => {
    const broken = { ...stub, svg: async () => { throw new Error('bad option'); } };
    const { zip, withoutImages } = await buildChartPack([chart('a', [{ year: 2021, reviews: 1 }])], ctx, broken);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['a_warwickshire_2021-2024.csv', 'charts.md']);
    expect(strFromU8(files['charts.md']!)).toContain('images could not be drawn: bad option');
    expect(withoutImages).toEqual(['Reviews per year (a)']);
  });

  it('leaves an empty chart out of the pack and says why in charts.md', async () => {
    const empty = { ...chart('empty', []), title: 'Change in share (percentage points)' };
    const zeros = chart('zeros', [{ year: 2021, reviews: 0 }]);
    const { zip, leftOut } = await buildChartPack([chart('a', [{ year: 2021, reviews: 1 }]), empty, zeros], ctx, stub);
    const files = unzipSync(zip);
    expect(Object.keys(files).filter((f) => f.startsWith('empty') || f.startsWith('zeros'))).toEqual([]);
    expect(Object.keys(files)).toContain('a_warwickshire_2021-2024.png');
    expect(leftOut).toEqual(['Change in share (percentage points)', 'Reviews per year (zeros)']);
    const md = strFromU8(files['charts.md']!);
    expect(md).toContain('## Left out');
    expect(md).toMatch(/These charts have nothing to plot for the filters above .* so they are not in the pack/);
    expect(md).toContain('- Change in share (percentage points)');
    expect(md).not.toContain('## 2.');
  });

    it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(buildChartPack([chart('a', [])], ctx, stub, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
