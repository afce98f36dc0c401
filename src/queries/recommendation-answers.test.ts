import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { selectReviews } from '../filter-index/select.ts';
import { seededRandom } from '../../pipelines/synth/random.ts';
import type { WriteRunner } from './runner.ts';
import type { RecommendationTracking } from '../schema/workspace-tables.ts';
import { ensureSearchHits } from './search-hits.ts';
import { loadFilterIndex, loadSearchHits } from './load-filter-index.ts';
import { snapshotBundledData } from '../workspace/apply.ts';
import {
  CREATE_RECOMMENDATION_TABLES_SQL, kindsByThemeSql, kindsByYearSql, openByOwnerSql, recommendationListSql, upsertTrackingSql,
  type RecommendationListRow,
} from './recommendations.ts';
import { loadRecommendationIndex } from './recommendation-answers.ts';
import { kindsByThemeFromIndex, kindsByYearFromIndex, openByOwnerFromIndex, recommendationBase, selectRecommendations } from '../recommendations/recommendation-index.ts';
import { totalsSql, type TotalsRow } from './overview.ts';
import { str } from './sql.ts';

type Db = WriteRunner & { close(): void };
const TODAY = '2026-12-05';
const KINDS = ['training', 'procedure', 'practice', 'audit', 'commissioning'];

/** Generated recommendations on the bundled reviews: kinds, themes (some repeated, one unknown), tracking with owners and due dates. */
async function seedRecommendations(db: Db) {
  const rng = seededRandom(11);
  const reviews = (await db.query<{ id: string }>('SELECT id FROM reviews ORDER BY id')).map((r) => r.id);
  const themes = (await db.query<{ id: string }>('SELECT id FROM themes ORDER BY id')).map((t) => t.id).concat('not-a-theme');
  const recs: string[] = [];
  const recThemes: string[] = [];
  const tracking: RecommendationTracking[] = [];
  reviews.forEach((review, r) => {
    if (r % 3 === 2) return;
    for (let seq = 0; seq < rng.int(1, 4); seq++) {
      const id = `${review}#${seq}`;
      const source = rng.int(0, 1) ? 'catalogue' : 'document';
      recs.push(`(${str(id)}, ${str(review)}, '${source}', ${str(review)}, 'summary', ${seq}, ${str(`Recommendation ${seq} of ${review}.`)}, 0, 10, 'sentence', '${rng.pick(KINDS)}', 0.5, NULL, NULL)`);
      for (let k = 0; k < rng.int(0, 3); k++) recThemes.push(`(${str(id)}, ${str(rng.pick(themes))}, ${rng.int(1, 99) / 100})`);
      const status = rng.pick(['not-started', 'in-progress', 'done', 'none']);
      if (status !== 'none') tracking.push({ rec_id: id, status: status as 'done', owner: rng.pick(['', ' ', 'Police', 'Health', 'Local authority']), due_on: rng.pick(['', '2025-03-01', '2027-01-01', TODAY]), note: '', updated_at: 'x' });
    }
  });
  await db.exec(`${CREATE_RECOMMENDATION_TABLES_SQL};
    INSERT INTO recommendations VALUES ${recs.join(',\n')};
    INSERT INTO recommendation_themes VALUES ${recThemes.join(',\n')};`);
  await db.exec(upsertTrackingSql(tracking));
  return recs.length;
}

describe('recommendation index', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openBundledDataset();
    await snapshotBundledData(db);
    expect(await seedRecommendations(db)).toBeGreaterThan(100);
  }, 120_000);
  afterAll(() => db.close());

  async function expectSameAsSql(f: Filters) {
    await ensureSearchHits(db, f.q);
    const index = await loadFilterIndex(db);
    const hits = f.q.trim() ? await loadSearchHits(db, f.q) : null;
    const recs = await loadRecommendationIndex(db);
    const reviews = selectReviews(index, f, hits, { ignoreThemes: true });
    const selected = selectRecommendations(recs, reviews, f);
    const list = await db.query<RecommendationListRow>(recommendationListSql(f));
    expect(selected.map((i) => recs.rows[i]), 'the list, in order').toEqual(list);
    // The headline's base: the reviews the Overview counts under the same filters (a theme filter applies to each recommendation's own themes instead).
    const [overview] = await db.query<TotalsRow>(totalsSql({ ...f, themes: [] }));
    expect(recommendationBase(recs, selected, reviews), 'headline counts').toEqual({
      recommendations: list.length, reviews: new Set(list.map((r) => r.review_id)).size, ofReviews: overview!.reviews,
    });
    expect(kindsByYearFromIndex(recs, selected), 'kinds by year').toEqual(await db.query(kindsByYearSql(f)));
    expect(kindsByThemeFromIndex(recs, selected), 'kinds by theme').toEqual(await db.query(kindsByThemeSql(f)));
    expect(kindsByThemeFromIndex(recs, selected, 3), 'kinds by theme, top 3').toEqual(await db.query(kindsByThemeSql(f, 3)));
    expect(openByOwnerFromIndex(recs, selected, TODAY), 'owners').toEqual(await db.query(openByOwnerSql(f, TODAY)));
    return list.length;
  }

  const cases: Partial<Filters>[] = [
    {}, { yearFrom: 2019, yearTo: 2023 }, { regions: ['West Midlands'] }, { partnerships: ['warwickshire', 'york'] },
    { types: ['child-safeguarding-practice-review'] }, { themes: ['neglect'] }, { themes: ['neglect', 'professional-curiosity'] },
    { themes: ['no-such-theme'] }, { q: 'interpreter' }, { nation: null }, { nation: 'Wales' }, { titleOnly: true },
    { tagSources: ['expert', 'tagger'], nation: null, yearFrom: 2015 },
  ];
  for (const c of cases) it(`answers as the SQL does for ${JSON.stringify(c)}`, async () => {
    const n = await expectSameAsSql({ ...NO_FILTERS, ...c });
    if (Object.keys(c).length === 0) expect(n).toBeGreaterThan(100);
  }, 60_000);
});
