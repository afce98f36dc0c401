import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterSets } from '../../pipelines/bench/filter-sets.ts';
import { writeCorpus } from '../../pipelines/synth/write-corpus.ts';
import { createNodeRunner } from '../db/node-runner.ts';
import { loadTables } from '../db/load-tables.ts';
import { TABLE_NAMES } from '../schema/tables.ts';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { reviewsPerYearByPartnershipSql, totalsSql } from './overview.ts';
import { ensureSearchHits } from './search-hits.ts';
import { themeShareSql, themeWindowCountsSql } from './themes.ts';
import { openFixture } from './themes.fixture.ts';
import { themeByYearSql } from './trends.ts';
import type { QueryRunner } from './runner.ts';
import { cooccurrence, partnershipComparison, partnershipTheme, reviewsPerYearByPartnership, themeByYear, themeShare, themeWindowCounts, totals } from '../cube/aggregates.ts';
import { cooccurrenceSql } from './cooccurrence.ts';
import { plannerYearsSql, themeCoverageSql } from './planner.ts';
import { plannerYears, themeCoverage } from '../cube/planner.ts';
import { partnershipComparisonSql, partnershipThemeSql } from './partnerships.ts';
import { loadFilterIndex, loadSearchHits } from './load-filter-index.ts';

/** Every aggregate from the index equals its SQL definition, row for row and in order. */
async function expectSameAsSql(db: QueryRunner, f: Filters) {
  await ensureSearchHits(db, f.q);
  const index = await loadFilterIndex(db);
  const hits = f.q.trim() ? await loadSearchHits(db, f.q) : null;
  const close = (rows: unknown[]) => JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
  expect(close([totals(index, f, hits)])).toEqual(close(await db.query(totalsSql(f))));
  expect(close(reviewsPerYearByPartnership(index, f, hits))).toEqual(close(await db.query(reviewsPerYearByPartnershipSql(f))));
  expect(close(themeShare(index, f, hits))).toEqual(close(await db.query(themeShareSql(f))));
  expect(close(themeByYear(index, f, hits))).toEqual(close(await db.query(themeByYearSql(f))));
  expect(close(partnershipTheme(index, f, hits))).toEqual(close(await db.query(partnershipThemeSql(f))));
  expect(close(partnershipTheme(index, f, hits, 3))).toEqual(close(await db.query(partnershipThemeSql(f, 3))));
  expect(close(cooccurrence(index, f, hits))).toEqual(close(await db.query(cooccurrenceSql(f))));
  expect(close(cooccurrence(index, f, hits, 4))).toEqual(close(await db.query(cooccurrenceSql(f, 4))));
  for (const p of [index.partnerships[0]?.id, f.partnerships[0], 'none'].filter((x): x is string => !!x)) {
    expect(close(partnershipComparison(index, f, hits, p))).toEqual(close(await db.query(partnershipComparisonSql(f, p))));
  }
  const years = plannerYears(index, f, hits);
  expect(close([years])).toEqual(close(await db.query(plannerYearsSql(f))));
  for (const w of [{ from: 2019, to: 2021 }, { from: 2024, to: 2026 }, { from: 2010, to: 2030 }]) {
    expect(close(themeCoverage(index, f, hits, w))).toEqual(close(await db.query(themeCoverageSql(f, w))));
  }
  for (const [r, e, m] of [[1, 3, 1], [2, 3, 1], [1, 3, 5], [1, 2, 99]] as const) {
    expect(close(themeWindowCounts(index, f, hits, r, e, m))).toEqual(close(await db.query(themeWindowCountsSql(f, r, e, m))));
  }
}

describe('index aggregates on the documented fixture', () => {
  let db: Awaited<ReturnType<typeof openFixture>>;
  beforeAll(async () => { db = await openFixture(); }, 60_000);
  afterAll(() => db.close());
  const cases: Array<Partial<Filters>> = [
    {}, { themes: ['neglect'] }, { themes: ['neglect', 'domestic-abuse'] }, { themes: ['online-harm'] }, { themes: ['nope'] },
    { partnerships: ['b'], yearFrom: 2021 }, { regions: ['North'] }, { yearTo: 2021 }, { types: ['rapid-review'] },
    { q: 'home' }, { q: 'neglect', themes: ['domestic-abuse'] },
  ];
  for (const c of cases) it(`agree with the SQL for ${JSON.stringify(c)}`, () => expectSameAsSql(db, { ...NO_FILTERS, ...c }));
});

describe('index aggregates on the bundled dataset', () => {
  let db: Awaited<ReturnType<typeof openBundledDataset>>;
  beforeAll(async () => { db = await openBundledDataset(); }, 120_000);
  afterAll(() => (db as unknown as { close(): void }).close());
  const cases: Array<Partial<Filters>> = [
    {}, { yearFrom: 2019, yearTo: 2023 }, { regions: ['West Midlands'] }, { partnerships: ['warwickshire', 'york'] },
    { types: ['child-safeguarding-practice-review'] }, { themes: ['neglect'] }, { themes: ['neglect', 'professional-curiosity'] },
    { q: 'interpreter' }, { q: 'Mother', yearFrom: 2020, regions: ['London'] },
  ];
  for (const c of cases) it(`agree with the SQL for ${JSON.stringify(c)}`, () => expectSameAsSql(db, { ...NO_FILTERS, ...c }));
});

describe('index aggregates on a generated corpus', () => {
  let db: Awaited<ReturnType<typeof createNodeRunner>>;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lt-index-'));
    await writeCorpus({ scale: { reviews: 400, briefings: 800, passages: 2_000 }, seed: 7, outDir: dir, preset: 'test' });
    db = await createNodeRunner();
    await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: new Uint8Array(readFileSync(join(dir, `${name}.arrows`))) })));
  }, 120_000);
  afterAll(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });
  it('agree with the SQL under the benchmark\'s varied filter changes', async () => {
    for (const f of [...filterSets(dir, 24, 3), { ...NO_FILTERS, q: 'interpreter' }]) await expectSameAsSql(db, f);
  }, 120_000);
});
