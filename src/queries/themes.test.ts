import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters/filters.ts';
import { openFixture } from './themes.fixture.ts';
import { themeShareSql, themeWindowCountsSql, type ThemeShareRow, type WindowCountsRow } from './themes.ts';
import { themeByYearSql, type ThemeYearRow } from './trends.ts';
import { partnershipComparisonSql, partnershipThemeSql, type ComparisonRow, type HeatmapCellRow } from './partnerships.ts';
import { cooccurrenceSql, type CooccurrenceRow } from './cooccurrence.ts';

let db: Awaited<ReturnType<typeof openFixture>>;
beforeAll(async () => { db = await openFixture(); }, 60_000);
afterAll(() => db.close());

describe('theme shares', () => {
  it('count tagged reviews only, honour manual rejections, and ignore the theme filter', async () => {
    const rows = await db.query<ThemeShareRow>(themeShareSql({ ...NO_FILTERS, themes: ['neglect'] }));
    expect(rows.map((r) => [r.theme_id, r.reviews, r.total])).toEqual([
      ['neglect', 4, 5], ['domestic-abuse', 3, 5], ['online-harm', 0, 5],
    ]);
    expect(rows[0]!.share).toBeCloseTo(0.8);
  });
  it('honour partnership and year filters', async () => {
    const rows = await db.query<ThemeShareRow>(themeShareSql({ ...NO_FILTERS, partnerships: ['b'], yearFrom: 2021 }));
    expect(rows.filter((r) => r.reviews).map((r) => [r.theme_id, r.reviews, r.total])).toEqual([
      ['domestic-abuse', 2, 2], ['neglect', 1, 2],
    ]);
  });
  it('count windows back from the latest dated year', async () => {
    const rows = await db.query<WindowCountsRow>(themeWindowCountsSql(NO_FILTERS, 1, 2));
    const neglect = rows.find((r) => r.theme_id === 'neglect')!;
    expect(neglect).toMatchObject({ latest_year: 2022, recent: 1, recent_total: 1, earlier: 2, earlier_total: 3 });
    // 2022 has one tagged review, 2021 two: asking for two moves the latest year back.
    const two = await db.query<WindowCountsRow>(themeWindowCountsSql(NO_FILTERS, 1, 2, 2));
    expect(two.find((r) => r.theme_id === 'neglect')).toMatchObject({ latest_year: 2021, recent: 1, recent_total: 2, earlier: 1, earlier_total: 1 });
    expect(await db.query(themeWindowCountsSql(NO_FILTERS, 1, 2, 9))).toEqual([]);
  });
});

describe('themes by year', () => {
  it('fills zero years for the chosen themes, in the filter order', async () => {
    const rows = await db.query<ThemeYearRow>(themeByYearSql({ ...NO_FILTERS, themes: ['domestic-abuse', 'online-harm'] }));
    expect(rows.map((r) => [r.year, r.theme_id, r.reviews, r.total])).toEqual([
      [2020, 'domestic-abuse', 1, 1], [2020, 'online-harm', 0, 1],
      [2021, 'domestic-abuse', 1, 2], [2021, 'online-harm', 0, 2],
      [2022, 'domestic-abuse', 1, 1], [2022, 'online-harm', 0, 1],
    ]);
  });
  it('picks the most frequent themes without a theme filter', async () => {
    // Dated reviews only: neglect 3 (r5 is undated), domestic abuse 3; ties go by id.
    const rows = await db.query<ThemeYearRow>(themeByYearSql(NO_FILTERS, 1));
    expect(new Set(rows.map((r) => r.theme_id))).toEqual(new Set(['domestic-abuse']));
  });
});

describe('partnerships', () => {
  it('heatmap cells cover every partnership × occurring theme', async () => {
    const rows = await db.query<HeatmapCellRow>(partnershipThemeSql(NO_FILTERS));
    expect(rows.map((r) => [r.partnership_id, r.theme_id, r.reviews, r.total])).toEqual([
      ['b', 'domestic-abuse', 2, 3], ['b', 'neglect', 2, 3], ['a', 'domestic-abuse', 1, 2], ['a', 'neglect', 2, 2],
    ]);
  });
  it('compares one partnership with all others, whatever the partnership filter', async () => {
    const rows = await db.query<ComparisonRow>(partnershipComparisonSql({ ...NO_FILTERS, partnerships: ['a'] }, 'a'));
    expect(rows.map((r) => [r.theme_id, r.reviews, r.total, r.others, r.others_total])).toEqual([
      ['neglect', 2, 2, 2, 3], ['domestic-abuse', 1, 2, 2, 3],
    ]);
  });
});

describe('co-occurrence', () => {
  it('counts reviews with both themes, symmetric, with the diagonal', async () => {
    const rows = await db.query<CooccurrenceRow>(cooccurrenceSql(NO_FILTERS));
    expect(rows.map((r) => [r.theme_a, r.theme_b, r.both, r.count_a, r.count_b, r.total])).toEqual([
      ['neglect', 'neglect', 4, 4, 4, 5], ['neglect', 'domestic-abuse', 2, 4, 3, 5],
      ['domestic-abuse', 'neglect', 2, 3, 4, 5], ['domestic-abuse', 'domestic-abuse', 3, 3, 3, 5],
    ]);
  });
});
