import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, searchKey } from '../filters/filters.ts';
import { totalsSql, type TotalsRow } from './overview.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';
import { ensureSearchHits, literalPattern, queryFiltered } from './search-hits.ts';
import { themeShareSql, type ThemeShareRow } from './themes.ts';
import { openFixture } from './themes.fixture.ts';

let db: Awaited<ReturnType<typeof openFixture>>;
beforeAll(async () => { db = await openFixture(); }, 60_000);
afterAll(() => db.close());

const hits = (q: string) =>
  db.query<{ kind: string; id: string }>(`SELECT kind, id FROM search_hits WHERE q = '${searchKey(q)}' ORDER BY kind, id`);

describe('text search', () => {
  it('matches in any case, on review fields and briefing text', async () => {
    await ensureSearchHits(db, '  HOME ');
    expect(await hits('home')).toEqual([
      { kind: 'briefing', id: 'k1' }, { kind: 'review', id: 'r3' }, { kind: 'review', id: 'r6' },
    ]);
  });
  it('treats punctuation literally', async () => {
    expect(literalPattern('a.b (c)?')).toBe('(?i)a\\.b \\(c\\)\\?');
    await ensureSearchHits(db, 'at home.');
    expect((await hits('at home.')).map((h) => h.id)).toEqual(['r3', 'r6']);
    await ensureSearchHits(db, 'home.*dog');
    expect(await hits('home.*dog')).toEqual([]);
  });
  it('runs once per text, however many queries ask at once', async () => {
    const f = { ...NO_FILTERS, q: 'neglect' };
    const [totals, shares] = await Promise.all([
      queryFiltered<TotalsRow>(db, f, totalsSql(f)), queryFiltered<ThemeShareRow>(db, f, themeShareSql(f)),
    ]);
    expect(totals[0]).toMatchObject({ reviews: 3, briefings: 0 });
    expect(shares.find((r) => r.theme_id === 'neglect')).toMatchObject({ reviews: 3, total: 3 });
    const stored = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM search_queries WHERE q = 'neglect'`);
    expect(stored).toEqual([{ n: 1 }]);
    expect((await hits('neglect')).map((h) => h.id)).toEqual(['r1', 'r2', 'r5']);
  });
  it('forgets stored searches when the derived tables are rebuilt, and searches again', async () => {
    await db.exec(`UPDATE reviews SET summary = 'A dog at home.' WHERE id = 'r2'; ${REFRESH_DERIVED_SQL}`);
    expect(await hits('dog')).toEqual([]);
    const [totals] = await queryFiltered<TotalsRow>(db, { ...NO_FILTERS, q: 'dog' }, totalsSql({ ...NO_FILTERS, q: 'dog' }));
    expect(totals!.reviews).toBe(2);
  });
});
