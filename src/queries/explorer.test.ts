import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewText } from '../schema/records.ts';
import { explorerCountsSql, explorerRowsSql, itemDetailSql, type ExplorerCounts, itemEvidenceSql, itemThemesSql, type EvidenceRow, type ExplorerQuery, type ExplorerRow, type ItemThemeRow, type ReviewDetail } from './explorer.ts';
import { NO_FILTERS } from './filters.ts';
import { findHits } from './search.ts';
import { queryFiltered } from './search-hits.ts';
import { openFixture } from './themes.fixture.ts';

let db: Awaited<ReturnType<typeof openFixture>>;
beforeAll(async () => { db = await openFixture(); }, 60_000);
afterAll(() => db.close());

const ALL: ExplorerQuery = { kind: 'all', sort: 'published_on', descending: true };
const list = (f = NO_FILTERS, o: ExplorerQuery = ALL, limit?: number) =>
  queryFiltered<ExplorerRow>(db, f, explorerRowsSql(f, o, limit));

describe('explorer list', () => {
  it('lists reviews and briefings, newest first, undated last, with their themes', async () => {
    const rows = await list();
    // Same date: by title ("Case r4" < "Case r6" < "Home alone").
    expect(rows.map((r) => r.id)).toEqual(['r4', 'r6', 'k1', 'r2', 'r3', 'r1', 'r5']);
    expect(rows.find((r) => r.id === 'r1')).toMatchObject({ partnership: 'Alpha', themes: 'Domestic abuse; Neglect', theme_count: 2 });
    expect(rows.find((r) => r.id === 'r3')!.themes).toBe('Domestic abuse');
  });
  it('searches text in any case and returns a snippet around the hit', async () => {
    const rows = await list({ ...NO_FILTERS, q: 'HOME' });
    expect(rows.map((r) => r.id).sort()).toEqual(['k1', 'r3', 'r6']);
    const r6 = rows.find((r) => r.id === 'r6')!;
    expect(r6.snippet).toContain('barked at home');
    expect(findHits(r6.snippet!, 'HOME')).toHaveLength(1);
  });
  it('treats LIKE wildcards in the search as text', async () => {
    expect(await list({ ...NO_FILTERS, q: '100%' })).toEqual([]);
  });
  it('filters briefings by theme, and drops them under a review-type filter', async () => {
    expect((await list({ ...NO_FILTERS, themes: ['domestic-abuse'] })).map((r) => r.id).sort()).toEqual(['r1', 'r3', 'r4']);
    expect((await list({ ...NO_FILTERS, types: ['serious-case-review'] })).some((r) => r.kind === 'briefing')).toBe(false);
  });
  it('holds at most the limit, the first rows of the same order, and counts every match', async () => {
    const all = await list();
    expect((await list(NO_FILTERS, ALL, 3)).map((r) => r.id)).toEqual(all.slice(0, 3).map((r) => r.id));
    const [counts] = await queryFiltered<ExplorerCounts>(db, NO_FILTERS, explorerCountsSql(NO_FILTERS, ALL));
    expect(counts).toEqual({ reviews: 6, briefings: 1 });
    const [searched] = await queryFiltered<ExplorerCounts>(db, { ...NO_FILTERS, q: 'home' }, explorerCountsSql({ ...NO_FILTERS, q: 'home' }, ALL));
    expect(searched).toEqual({ reviews: 2, briefings: 1 });
  });
  it('sorts by any column, both ways', async () => {
    const rows = await list(NO_FILTERS, { kind: 'review', sort: 'themes', descending: false });
    expect(rows[0]!.id).toBe('r6');
  });
});

describe('explorer detail', () => {
  it('loads the record, effective themes and evidence whose offsets index the tagger text', async () => {
    const [item] = await db.query<ReviewDetail>(itemDetailSql('review', 'r2'));
    expect(item).toMatchObject({ kind: 'review', partnership: 'Alpha', case_name: 'Case r2' });
    const [ev] = await db.query<EvidenceRow>(itemEvidenceSql('review', 'r2'));
    expect(reviewText(item!).slice(ev!.start_offset, ev!.end_offset)).toBe(ev!.sentence);
    const themes = await db.query<ItemThemeRow>(itemThemesSql('review', 'r3'));
    expect(themes.map((t) => [t.theme_id, t.source])).toEqual([['domestic-abuse', 'model']]);
  });
});

describe('findHits', () => {
  it('finds every occurrence, case-insensitively', () => {
    expect(findHits('Home, home, HOME', 'home')).toEqual([{ start: 0, end: 4 }, { start: 6, end: 10 }, { start: 12, end: 16 }]);
    expect(findHits('abc', '  ')).toEqual([]);
  });
});
