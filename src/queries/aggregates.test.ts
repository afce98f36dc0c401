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
import type { FilterIndex } from '../filter-index/filter-index.ts';
import { ensureSearchHits } from './search-hits.ts';
import { openFixture } from './themes.fixture.ts';
import type { QueryRunner } from './runner.ts';
import type { Aggregate } from './aggregate.ts';
import { aggregateQuery } from './coordinator.ts';
import { loadFilterIndex, loadSearchHits } from './load-filter-index.ts';

type AnyAggregate = Aggregate<unknown[], unknown>;
const isAggregate = (x: unknown): x is AnyAggregate =>
  !!x && typeof x === 'object' && 'key' in x && 'sql' in x && 'fromIndex' in x;

/** Every aggregate descriptor the query modules export, found by walking them (a new one is checked without listing it here). */
const AGGREGATES: AnyAggregate[] = Object.values(
  import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./*.fixture.ts'], { eager: true }),
).flatMap((m) => Object.values(m).filter(isAggregate));
const label = (a: AnyAggregate) => a.key.join('.');

/** Argument lists tried per aggregate beside its defaults ([]); one with required arguments must be listed. */
const ARGS: Record<string, (index: FilterIndex, f: Filters) => unknown[][]> = {
  'overview.reviewsPerYearByPartnership': () => [[], [3]],
  'themes.windowCounts': () => [[1, 3, 1], [2, 3, 1], [1, 3, 5], [1, 2, 99]],
  'partnerships.themeHeatmap': () => [[], [3]],
  'partnerships.comparison': (index, f) => [index.partnerships[0]?.id, f.partnerships[0], 'none'].filter((x): x is string => !!x).map((p) => [p]),
  'cooccurrence.matrix': () => [[], [4]],
  'planner.coverage': () => [[{ from: 2019, to: 2021 }], [{ from: 2024, to: 2026 }], [{ from: 2010, to: 2030 }]],
};

/** Every aggregate from the index equals its SQL definition, row for row and in order. */
async function expectSameAsSql(db: QueryRunner, f: Filters) {
  await ensureSearchHits(db, f.q);
  const index = await loadFilterIndex(db);
  const hits = f.q.trim() ? await loadSearchHits(db, f.q) : null;
  const close = (rows: unknown) => JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
  for (const aggregate of AGGREGATES) {
    for (const args of ARGS[label(aggregate)]?.(index, f) ?? [[]]) {
      const fast = aggregate.fromIndex(index, f, hits, ...args);
      const rows = await db.query(aggregate.sql(f, ...args));
      expect(close(Array.isArray(fast) ? fast : [fast]), `${label(aggregate)} ${JSON.stringify(args)}`).toEqual(close(rows));
    }
  }
}

describe('aggregate descriptors', () => {
  it('are found, one per key, and those with required arguments have argument lists', () => {
    expect(AGGREGATES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(AGGREGATES.map(label)).size).toBe(AGGREGATES.length);
    for (const a of AGGREGATES) if (a.sql.length > 1) expect(ARGS[label(a)], label(a)).toBeDefined();
  });
});

describe('index aggregates on the documented fixture', () => {
  let db: Awaited<ReturnType<typeof openFixture>>;
  beforeAll(async () => { db = await openFixture(); }, 60_000);
  afterAll(() => db.close());
  const cases: Array<Partial<Filters>> = [
    {}, { themes: ['neglect'] }, { themes: ['neglect', 'domestic-abuse'] }, { themes: ['online-harm'] }, { themes: ['nope'] },
    { partnerships: ['b'], yearFrom: 2021 }, { regions: ['North'] }, { yearTo: 2021 }, { types: ['rapid-review'] },
    { q: 'home' }, { q: 'neglect', themes: ['domestic-abuse'] },
    { nation: null }, { nation: 'Wales' }, { tagSources: ['expert'] }, { tagSources: ['tagger'], themes: ['neglect'] },
  ];
  for (const c of cases) it(`agree with the SQL for ${JSON.stringify(c)}`, () => expectSameAsSql(db, { ...NO_FILTERS, ...c }));

  it('are answered by the coordinator from the index, not by SQL', async () => {
    const f = { ...NO_FILTERS, themes: ['neglect'] };
    const index = await loadFilterIndex(db);
    for (const aggregate of AGGREGATES) {
      const args = ARGS[label(aggregate)]?.(index, f)[0] ?? [];
      const options = aggregateQuery(db, aggregate, f, 1, ...args);
      const before = performance.getEntriesByName(`index:${label(aggregate)}`).length;
      const answer = await (options.queryFn as () => Promise<unknown>)();
      expect(performance.getEntriesByName(`index:${label(aggregate)}`).length, label(aggregate)).toBe(before + 1);
      expect(options.queryKey.slice(0, 2)).toEqual([...aggregate.key]);
      expect(answer).toEqual(aggregate.fromIndex(index, f, null, ...args));
    }
  });

  it('are answered in the render that asks once the index is in memory, the same as by the query function', async () => {
    const f = { ...NO_FILTERS, yearFrom: 2021 };
    const searched = { ...NO_FILTERS, q: 'home' };
    const index = await loadFilterIndex(db);
    for (const [i, aggregate] of AGGREGATES.entries()) {
      const args = ARGS[label(aggregate)]?.(index, f)[0] ?? [];
      const version = 100 + i;
      // A data version nothing has loaded yet: no answer at once, so the query function loads the index.
      const first = aggregateQuery(db, aggregate, f, version, ...args);
      expect((first.initialData as () => unknown)(), label(aggregate)).toBeUndefined();
      const answer = await (first.queryFn as () => Promise<unknown>)();
      expect((aggregateQuery(db, aggregate, f, version, ...args).initialData as () => unknown)()).toEqual(answer);
      // A search term whose hits are not loaded yet: none at once either.
      const withSearch = aggregateQuery(db, aggregate, searched, version, ...args);
      expect((withSearch.initialData as () => unknown)(), label(aggregate)).toBeUndefined();
      const searchedAnswer = await (withSearch.queryFn as () => Promise<unknown>)();
      expect((aggregateQuery(db, aggregate, searched, version, ...args).initialData as () => unknown)()).toEqual(searchedAnswer);
    }
  });
});

describe('index aggregates on the bundled dataset', () => {
  let db: Awaited<ReturnType<typeof openBundledDataset>>;
  beforeAll(async () => { db = await openBundledDataset(); }, 120_000);
  afterAll(() => (db as unknown as { close(): void }).close());
  const cases: Array<Partial<Filters>> = [
    {}, { yearFrom: 2019, yearTo: 2023 }, { regions: ['West Midlands'] }, { partnerships: ['warwickshire', 'york'] },
    { types: ['child-safeguarding-practice-review'] }, { themes: ['neglect'] }, { themes: ['neglect', 'professional-curiosity'] },
    { q: 'interpreter' }, { q: 'Mother', yearFrom: 2020, regions: ['London'] },
    { nation: null }, { nation: 'Wales' }, { tagSources: ['catalogue'] }, { tagSources: ['expert', 'tagger'], nation: null, yearFrom: 2015 },
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
