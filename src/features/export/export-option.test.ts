import { describe, expect, it } from 'vitest';
import { reviewsPerYearOption } from '../../charts/options/reviews-per-year.ts';
import { exportOption, footerText, frameHeights, imageHeight, imageOption, plotHeight } from './export-option.ts';
import { DEFAULT_SMALL_NUMBERS } from '../../lib/small-numbers.ts';
import type { ChartTableData } from '../../charts/ChartTable.tsx';

const text = {
  title: '7 dated reviews; the most, 5, were published in 2021',
  filters: 'Filters: Warwickshire; 2021–2024',
  footer: 'Source: Learning Themes dataset (published reviews and briefings). Exported 3 March 2025 from Learning Themes.',
};
const option = reviewsPerYearOption([
  { year: 2021, partnership: 'Warwickshire', partnership_id: 'warwickshire', reviews: 5 },
  { year: 2022, partnership: 'Warwickshire', partnership_id: 'warwickshire', reviews: 2 },
]) as unknown as Record<string, unknown>;

describe('exportOption', () => {
  it('adds title, filters and footer and moves the plot to make room', () => {
    const { header, footer } = frameHeights(text);
    const height = imageHeight(text, plotHeight(320));
    const out = exportOption(option, text, height);
    expect(out.title).toMatchObject({ text: text.title, subtext: text.filters });
    expect(out.grid).toMatchObject([{ top: 16 + header, bottom: 72 + footer }]);
    expect(out.legend).toMatchObject([{ bottom: footer, type: 'plain' }]);
    const graphic = out.graphic as { style: { text: string }; top: number }[];
    expect(graphic.at(-1)!.style.text).toBe(text.footer);
    expect(graphic.at(-1)!.top).toBeGreaterThan(height - footer);
    expect(out.animation).toBe(false);
    expect(option.title).toBeUndefined();
  });

  it('keeps the source, drops the repeated filters and dates the footer', () => {
    const footnote = 'Source: Learning Themes dataset (published reviews and briefings). Filters: all partnerships; all years. 3 reviews without a publication year are not shown.';
    expect(footerText(footnote, 'all partnerships; all years', '3 March 2025')).toBe(
      'Source: Learning Themes dataset (published reviews and briefings). 3 reviews without a publication year are not shown. Exported 3 March 2025 from Learning Themes.',
    );
    expect(footerText('Source: data. Cells show the share; hover for counts.', 'x', '1 May 2025')).toBe(
      'Source: data. Cells show the share. Exported 1 May 2025 from Learning Themes.',
    );
    expect(footerText('Counts of reviews.', 'x', '1 May 2025')).toMatch(/^Source: Learning Themes dataset .*Counts of reviews\. Exported 1 May 2025/);
  });

  it('gives tall charts a taller plot, within bounds', () => {
    expect(plotHeight(320)).toBe(640);
    expect(plotHeight(100)).toBe(560);
    expect(plotHeight(2000)).toBe(1600);
  });
});

describe('imageOption', () => {
  const table: ChartTableData<{ reviews: number }> = { columns: [{ key: 'reviews', label: 'Reviews', numeric: true, suppression: { kind: 'count' as const } }], rows: [{ reviews: 12 }] };

  it('builds the print option when an image is made, and keeps the screen option where a count would be hidden', () => {
    let built = 0;
    const print = { series: [] };
    const chart = { option, printOption: () => (built++, print), table };
    expect(built).toBe(0);
    expect(imageOption(chart, DEFAULT_SMALL_NUMBERS)).toBe(print);
    expect(built).toBe(1);
    // 3 reviews is under the threshold: counts drawn beside shares would give it back.
    expect(imageOption({ ...chart, table: { ...table, rows: [{ reviews: 3 }] } }, DEFAULT_SMALL_NUMBERS)).toBe(option);
    expect(built).toBe(1);
    expect(imageOption({ option, table }, DEFAULT_SMALL_NUMBERS)).toBe(option);
  });
});
