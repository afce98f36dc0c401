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

  it('list England first, then the other nations', async () => {
    await db.exec(`INSERT INTO partnerships (id, name, region, nation) VALUES ('w', 'Gwent', NULL, 'Wales');
      INSERT INTO reviews (id, partnership_id, case_name, review_type, origin) VALUES ('rw', 'w', 'Child W', 'other', 'test')`);
    await db.exec((await import('./derived.ts')).REFRESH_DERIVED_SQL);
    expect((await loadFilterOptions(db)).nations).toEqual([{ nation: 'England', reviews: 6 }, { nation: 'Wales', reviews: 1 }]);
  });
});
