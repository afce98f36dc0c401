import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFilterOptions } from './filter-options.ts';
import { openFixture } from './themes.fixture.ts';

describe('filter options', () => {
  let db: Awaited<ReturnType<typeof openFixture>>;
  beforeAll(async () => { db = await openFixture(); }, 60_000);
  afterAll(() => db.close());

  it('load every list, nations with their review counts (no nation recorded counts as England)', async () => {
    const o = await loadFilterOptions(db);
    expect(o.nations).toEqual([{ nation: 'England', reviews: 6 }]);
    expect(o.regions).toEqual(['North', 'South']);
    expect(o.partnerships.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('count a partnership\'s reviews as the Overview does by default: a title-only review set apart', async () => {
    await db.exec(`INSERT INTO reviews (id, partnership_id, case_name, review_type, origin) VALUES ('ra', 'a', 'Child T', 'other', 'pages')`);
    await db.exec((await import('./derived.ts')).REFRESH_DERIVED_SQL);
    const a = (await loadFilterOptions(db)).partnerships.find((p) => p.id === 'a');
    expect(a).toEqual({ id: 'a', name: 'Alpha', region: 'North', kind: 'partnership', nation: 'England', reviews: 3 });
    await db.exec(`DELETE FROM reviews WHERE id = 'ra'`);
    await db.exec((await import('./derived.ts')).REFRESH_DERIVED_SQL);
  });

  it('list England first, then the other nations', async () => {
    await db.exec(`INSERT INTO partnerships (id, name, region, nation) VALUES ('w', 'Gwent', NULL, 'Wales');
      INSERT INTO reviews (id, partnership_id, case_name, review_type, origin) VALUES ('rw', 'w', 'Child W', 'other', 'test')`);
    await db.exec((await import('./derived.ts')).REFRESH_DERIVED_SQL);
    expect((await loadFilterOptions(db)).nations).toEqual([{ nation: 'England', reviews: 6 }, { nation: 'Wales', reviews: 1 }]);
  });
});
