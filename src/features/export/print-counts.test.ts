/**
 * Counts on exported images: a printed chart has no tooltip, so every chart
 * that shows shares is drawn for print with each share's count and base.
 * Each print option is rendered to SVG, as the export does, and its text read.
 */
import { describe, expect, it } from 'vitest';
import { comparisonOption, comparisonPoints } from '../../charts/options/comparison.ts';
import { partnershipHeatmapOption } from '../../charts/options/partnership-heatmap.ts';
import { themeTrendOption } from '../../charts/options/theme-trend.ts';
import { topThemesOption } from '../../charts/options/top-themes.ts';
import { renderChartSvg } from './chart-image.ts';

const text = { title: 'T', filters: 'Filters: none', footer: 'Source: test.' };

/** The words the SVG draws, without its <title>/<desc>. */
async function imageWords(option: object): Promise<string> {
  const svg = await renderChartSvg({ option: option as Record<string, unknown>, text, screenHeight: 300 });
  return svg.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))).replace(/\s+/g, ' ');
}

const theme = (theme_id: string, theme: string, reviews: number, total: number) => ({ theme_id, theme, reviews, total, share: reviews / total });

describe('counts on exported images of shares', () => {
  it('top themes: each bar reads "33% (3 of 9)"; the screen keeps "33%"', async () => {
    const rows = [{ ...theme('a', 'Neglect', 3, 9), group: 'g' }, { ...theme('b', 'Housing', 1, 9), group: 'g' }];
    const words = await imageWords(topThemesOption(rows, [], [], { counts: true }));
    expect(words).toContain('33% (3 of 9)');
    expect(words).toContain('11% (1 of 9)');
    const screen = await imageWords(topThemesOption(rows));
    expect(screen).toContain('33%');
    expect(screen).not.toContain('3 of 9');
  });

  it('theme trend in shares: each year shows its base and each point its count', async () => {
    const rows = [
      { ...theme('a', 'Neglect', 4, 40), year: 2021 }, { ...theme('b', 'Housing', 12, 40), year: 2021 },
      { ...theme('a', 'Neglect', 7, 35), year: 2023 }, { ...theme('b', 'Housing', 30, 35), year: 2023 },
    ];
    const words = await imageWords(themeTrendOption(rows, 'share', { counts: true }));
    expect(words).toMatch(/2021 n = 40 /);
    expect(words).toMatch(/2023 n = 35 /);
    // The year between has no tagged reviews: a gap, said as such.
    expect(words).toMatch(/2022 none /);
    for (const k of ['4', '12', '7', '30']) expect(words).toMatch(new RegExp(` ${k} `));
  });

  it('partnership heatmap: each partnership says its base and each cell its count under the share', async () => {
    const cell = (p: string, t: string, k: number, n: number) => ({ ...theme(t, t, k, n), partnership_id: p, partnership: p });
    const rows = [cell('York', 'Neglect', 5, 20), cell('York', 'Housing', 0, 20), cell('Leeds', 'Neglect', 2, 8), cell('Leeds', 'Housing', 6, 8)];
    const words = await imageWords(partnershipHeatmapOption(rows, { counts: true }));
    expect(words).toContain('York (n = 20)');
    expect(words).toContain('Leeds (n = 8)');
    expect(words).toMatch(/25% 5 /);
    expect(words).toMatch(/75% 6 /);
    // An empty cell stays blank, not "0% 0".
    expect(words).not.toMatch(/0% 0 /);
  });

  it('comparison: each interval ends in its count and base, for the partnership and the others', async () => {
    const pts = comparisonPoints([{ theme: 'Neglect', reviews: 9, total: 12, others: 130, others_total: 1450 }]);
    const words = await imageWords(comparisonOption(pts, 'York', { counts: true }));
    expect(words).toContain('9 of 12');
    expect(words).toContain('130 of 1,450');
    expect(await imageWords(comparisonOption(pts, 'York'))).not.toContain('9 of 12');
  });
});
