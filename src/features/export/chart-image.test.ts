import { describe, expect, it } from 'vitest';
import { reviewsPerYearOption } from '../../charts/options/reviews-per-year.ts';
import { renderChartSvg } from './chart-image.ts';

describe('renderChartSvg (ECharts server-side SVG, no DOM)', () => {
  it('writes a scalable SVG with the title, filters and footer as text', async () => {
    const option = reviewsPerYearOption([{ year: 2021, partnership: 'Warwickshire & Co', partnership_id: 'w', reviews: 5 }]);
    const svg = await renderChartSvg({
      option: option as unknown as Record<string, unknown>,
      text: { title: 'Five reviews in 2021', filters: 'Filters: Warwickshire', footer: 'Source: test. Exported 1 May 2025 from Learning Themes.' },
      description: 'Bar chart <of> reviews',
    });
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toMatch(/<svg[^>]+viewBox="0 0 1200 \d+"/);
    expect(svg).toContain('<title>Five reviews in 2021</title><desc>Bar chart &#60;of&#62; reviews</desc>');
    expect(svg).toMatch(/<text[^>]*>Five reviews in 2021<\/text>/);
    expect(svg).toContain('Filters: Warwickshire');
    expect(svg).toContain('Exported 1 May 2025');
    expect(svg).toContain('Warwickshire &amp; Co');
    // Well-formed start tags: every attribute value quoted, no stray quotes (e.g. from "Segoe UI" in a style).
    for (const [, tag, attrs] of svg.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
      expect(attrs, `<${tag}>`).toMatch(/^(\s+[\w:-]+="[^"<]*")*\s*\/?$/);
    }
  });
});
