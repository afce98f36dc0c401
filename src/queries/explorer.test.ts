import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewText } from '../schema/records.ts';
import { explorerItemsSql, explorerPassageSnippetsSql, type PassageSnippet } from './explorer-list-sql.ts';
import { itemDetailSql, itemEvidenceSql, itemThemesSql, type EvidenceRow, type ItemThemeRow, type ReviewDetail } from './explorer.ts';
import { EXPLORER_SORTS, explorerCountsSql, explorerRowsSql, type ExplorerCounts, type ExplorerWindow, type KindFilter, type ExplorerQuery, type ExplorerRow } from './explorer-list-sql.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { findHits } from './search.ts';
import { queryFiltered } from './search-hits.ts';
import { openFixture } from './themes.fixture.ts';
import { loadFilterIndex, loadSearchHits } from './load-filter-index.ts';
import { explorerCounts, loadItemColumns, loadOrder, pageIds, pageItems, pageRows } from './explorer-index.ts';
import type { QueryRunner } from './runner.ts';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';

let db: Awaited<ReturnType<typeof openFixture>>;
beforeAll(async () => { db = await openFixture(); }, 60_000);
afterAll(() => db.close());

const ALL: ExplorerQuery = { kind: 'all', sort: 'published_on', descending: true };
const list = (f = NO_FILTERS, o: ExplorerQuery = ALL, window?: ExplorerWindow) =>
  queryFiltered<ExplorerRow>(db, f, explorerRowsSql(f, o, window));
const count = async (f = NO_FILTERS, o: ExplorerQuery = ALL) => (await queryFiltered<ExplorerCounts>(db, f, explorerCountsSql(f, o)))[0]!;
const key = (r: ExplorerRow) => `${r.kind}:${r.id}`;

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
  it('pages are disjoint, in order, and together the whole sorted list, for every sort both ways', async () => {
    for (const sort of EXPLORER_SORTS) {
      for (const descending of [false, true]) {
        const o: ExplorerQuery = { kind: 'all', sort, descending };
        const all = await list(NO_FILTERS, o);
        const pages = [];
        for (let offset = 0; offset < all.length + 2; offset += 2) pages.push(...await list(NO_FILTERS, o, { offset, limit: 2 }));
        expect(pages, `${sort} ${descending ? 'desc' : 'asc'}`).toEqual(all);
        expect(new Set(pages.map(key)).size).toBe(all.length);
      }
    }
  });
  it('breaks ties by title then id, so equal sort keys keep one order', async () => {
    // Every review is a serious case review: by type, the briefing first, then reviews by title; ties always ascend.
    const rows = await list(NO_FILTERS, { kind: 'all', sort: 'type', descending: false });
    expect(rows.map((r) => r.id)).toEqual(['k1', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    const byPartnership = await list(NO_FILTERS, { kind: 'all', sort: 'partnership', descending: true });
    expect(byPartnership.map((r) => r.id)).toEqual(['r3', 'r4', 'r5', 'r1', 'r2', 'r6', 'k1']);
  });
  it('builds theme lists and snippets for a page\'s rows as for the whole list', async () => {
    const f = { ...NO_FILTERS, q: 'home' };
    const all = await list(f);
    expect(await list(f, ALL, { offset: 1, limit: 2 })).toEqual(all.slice(1, 3));
    expect(await list(f, ALL, { offset: 10, limit: 5 })).toEqual([]);
  });
  it('counts every match, as many as the full list holds', async () => {
    expect(await count()).toEqual({ reviews: 6, briefings: 1, distinct_briefings: 1 });
    expect(await count({ ...NO_FILTERS, q: 'home' })).toEqual({ reviews: 2, briefings: 1, distinct_briefings: 1 });
    expect(await count(NO_FILTERS, { ...ALL, kind: 'briefing' })).toEqual({ reviews: 0, briefings: 1, distinct_briefings: 1 });
    expect(await count({ ...NO_FILTERS, types: ['serious-case-review'] })).toEqual({ reviews: 6, briefings: 0, distinct_briefings: 0 });
    const f = { ...NO_FILTERS, themes: ['neglect'] };
    const c = await count(f);
    expect(c.reviews + c.briefings).toBe((await list(f)).length);
  });

  it('says how many briefings the briefing rows are: one listed under two reviews is two rows, one briefing', async () => {
    await db.exec(`INSERT INTO briefings VALUES ('k1b', 'a', 'Home alone', '7-minute-briefing', 'r1', '2022', '2022-01-01', 2022, 'Leaving a baby home alone.', NULL, 'test')`);
    await db.exec((await import('./derived.ts')).REFRESH_DERIVED_SQL);
    const index = await loadFilterIndex(db);
    expect(await count(NO_FILTERS, { ...ALL, kind: 'briefing' })).toEqual({ reviews: 0, briefings: 2, distinct_briefings: 1 });
    expect(explorerCounts(index, NO_FILTERS, null, 'briefing')).toEqual({ reviews: 0, briefings: 2, distinct_briefings: 1 });
    await db.exec(`DELETE FROM briefings WHERE id = 'k1b'`);
    await db.exec((await import('./derived.ts')).REFRESH_DERIVED_SQL);
  });
  it('sorts by any column, both ways', async () => {
    const rows = await list(NO_FILTERS, { kind: 'review', sort: 'themes', descending: false });
    expect(rows[0]!.id).toBe('r6');
  });
});

describe('explorer from the filter index', () => {
  const cases: Array<Partial<Filters>> = [
    {}, { q: 'home' }, { themes: ['neglect'] }, { themes: ['neglect', 'domestic-abuse'] }, { regions: ['North'], yearFrom: 2021 },
    { types: ['serious-case-review'] }, { yearTo: 2020 }, { q: 'nothing like this' },
  ];
  it('counts the matches as explorerCountsSql does, for every kind', async () => {
    const index = await loadFilterIndex(db);
    for (const c of cases) {
      const f = { ...NO_FILTERS, ...c };
      const hits = f.q ? await loadSearchHits(db, f.q) : null;
      for (const kind of ['all', 'review', 'briefing'] as const) {
        expect(explorerCounts(index, f, hits, kind), JSON.stringify([c, kind])).toEqual(await count(f, { ...ALL, kind }));
      }
    }
  });
  it('pages the sorted collection as explorerRowsSql does, for every sort, direction and kind', () =>
    expectIndexPages(db, cases.slice(0, 5), ['all', 'review', 'briefing'], [{ offset: 0, limit: 100 }, { offset: 1, limit: 2 }]), 60_000);
});

describe('search snippets from passages', () => {
  it('shows the first matching passage of a review whose own fields do not match, on both paths', async () => {
    await db.exec(`INSERT INTO passages VALUES ('p0', 'd', 'review', 'r2', 0, 'Nothing to see.'),
      ('p1', 'd', 'review', 'r2', 1, 'An Interpreter was never booked.'), ('p2', 'd', 'review', 'r2', 2, 'The interpreter again.')`);
    const [r2] = await list({ ...NO_FILTERS, q: 'interpreter' });
    expect(r2).toMatchObject({ id: 'r2', snippet: 'An Interpreter was never booked.' });
    await expectIndexPages(db, [{ q: 'interpreter' }, { q: 'interpreter', yearFrom: 2021 }], ['all'], [{ offset: 0, limit: 100 }]);
  }, 60_000);
});

describe('explorer from the filter index, bundled dataset', () => {
  let bundled: Awaited<ReturnType<typeof openBundledDataset>>;
  beforeAll(async () => { bundled = await openBundledDataset(); }, 120_000);
  afterAll(() => bundled.close());
  it('pages as explorerRowsSql does', () => expectIndexPages(bundled, [{}, { q: 'mother' }, { themes: ['neglect'], yearFrom: 2018 }, { types: ['serious-case-review'] }],
    ['all'], [{ offset: 0, limit: 100 }, { offset: 100, limit: 100 }, { offset: 37, limit: 25 }]), 120_000);
});

/** The index's pages (order walk, columns and themes from the index, snippets fetched by id) equal explorerRowsSql's windows. */
async function expectIndexPages(db: QueryRunner, cases: Array<Partial<Filters>>, kinds: KindFilter[], windows: ExplorerWindow[]) {
  const [index, columns] = await Promise.all([loadFilterIndex(db), loadItemColumns(db)]);
  for (const sort of EXPLORER_SORTS) {
    for (const descending of [false, true]) {
      const order = await loadOrder(db, columns, { sort, descending });
      expect(order.pos.length).toBe(columns.review.count + columns.briefing.count);
      expect(order.pos.every((p) => p >= 0)).toBe(true);
      for (const c of cases) {
        const f = { ...NO_FILTERS, ...c };
        const hits = f.q ? await loadSearchHits(db, f.q) : null;
        for (const kind of kinds) {
          const o: ExplorerQuery = { kind, sort, descending };
          for (const window of windows) {
            const items = pageItems(index, f, hits, kind, order, window);
            let snippets: Map<string, string | null> | undefined;
            if (f.q) {
              const own = await db.query<ExplorerRow>(explorerItemsSql(pageIds(items, columns), f.q));
              const unsnipped = own.filter((r) => r.kind === 'review' && r.snippet === null).map((r) => r.id);
              const fromPassages = new Map((await db.query<PassageSnippet>(explorerPassageSnippetsSql(unsnipped, f.q))).map((r) => [`review:${r.id}`, r.snippet]));
              snippets = new Map(own.map((r) => [`${r.kind}:${r.id}`, r.snippet ?? fromPassages.get(`${r.kind}:${r.id}`) ?? null]));
            }
            const rows = pageRows(index, items, columns, snippets);
            const expected = await queryFiltered<ExplorerRow>(db, f, explorerRowsSql(f, o, window));
            expect(rows, JSON.stringify([c, o, window])).toEqual(expected);
          }
        }
      }
    }
  }
}

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
