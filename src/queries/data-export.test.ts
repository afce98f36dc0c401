import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../db/node-runner.ts';
import { loadTables } from '../db/load-tables.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';
import { NO_FILTERS } from '../filters/filters.ts';
import {
  exportCountsSql, exportRecordsSql, exportThemeTagsSql, type ExportCountsRow, type ExportRecordRow, type ExportThemeTagRow,
} from './data-export.ts';

/*
 * Fixture: two partnerships; reviews r1 (york, 2021, model-tagged neglect 0.8 and
 * manual domestic abuse) and r2 (leeds, 2019, neglect rejected by hand); briefing
 * b1 (york, 2022, no themes); a retired theme tag on r1 that must not show.
 */
type Db = Awaited<ReturnType<typeof createNodeRunner>>;
let db: Db;

beforeAll(async () => {
  db = await createNodeRunner();
  await loadTables(db, []);
  const insert = (sql: string) => db.exec(sql);
  await insert(`INSERT INTO partnerships (id, name, region) VALUES ('york', 'York', 'Yorkshire and the Humber'), ('leeds', 'Leeds', 'Yorkshire and the Humber')`);
  await insert(`INSERT INTO theme_groups VALUES ('g', 'Family')`);
  await insert(`INSERT INTO themes VALUES ('neglect', 'g', 'Neglect', '', false), ('da', 'g', 'Domestic abuse', '', false), ('old', 'g', 'Old theme', '', true)`);
  await insert(`INSERT INTO reviews (id, partnership_id, case_name, review_type, published_on, year, summary, origin) VALUES
    ('r1', 'york', 'Child A', 'serious-case-review', '2021-05-01', 2021, '=cmd summary', 'catalogue'),
    ('r2', 'leeds', 'Child B', 'rapid-review', '2019-01-01', 2019, NULL, 'catalogue')`);
  await insert(`INSERT INTO briefings (id, partnership_id, title, briefing_kind, published_on, year, origin) VALUES
    ('b1', 'york', 'Seven minutes on A', '7-minute-briefing', '2022-01-01', 2022, 'catalogue')`);
  await insert(`INSERT INTO theme_tags VALUES
    ('review', 'r1', 'neglect', 0.8, 'model', true), ('review', 'r1', 'da', 1.0, 'manual', true),
    ('review', 'r1', 'old', 0.9, 'model', true),
    ('review', 'r2', 'neglect', 0.7, 'model', true), ('review', 'r2', 'neglect', 1.0, 'manual', false)`);
  await db.exec(REFRESH_DERIVED_SQL);
});

afterAll(() => db?.close());

describe('data export SQL', () => {
  it('lists every matching record once, themes strongest first, labels for types', async () => {
    const rows = await db.query<ExportRecordRow>(exportRecordsSql(NO_FILTERS));
    expect(rows.map((r) => [r.record_type, r.id, r.type_label, r.theme_count, r.themes])).toEqual([
      ['review', 'r1', 'Serious case review', 2, 'Domestic abuse (1.00); Neglect (0.80)'],
      ['review', 'r2', 'Rapid review', 0, null],
      ['briefing', 'b1', '7-minute briefing', 0, null],
    ]);
    expect(rows[0]).toMatchObject({ partnership: 'York', region: 'Yorkshire and the Humber', year: 2021, theme_ids: 'da; neglect' });
  });

  it('gives one row per record and theme with score and source, after manual overrides', async () => {
    const rows = await db.query<ExportThemeTagRow>(exportThemeTagsSql(NO_FILTERS));
    expect(rows.map((r) => [r.record_id, r.theme, r.theme_group, r.score, r.tag_source])).toEqual([
      ['r1', 'Domestic abuse', 'Family', 1, 'manual'],
      ['r1', 'Neglect', 'Family', 0.8, 'model'],
    ]);
  });

  it('applies the shared filters to reviews and briefings', async () => {
    const york2021 = { ...NO_FILTERS, partnerships: ['york'], yearFrom: 2021, yearTo: 2021 };
    expect((await db.query<ExportRecordRow>(exportRecordsSql(york2021))).map((r) => r.id)).toEqual(['r1']);
    const counts = await db.query<ExportCountsRow>(exportCountsSql(NO_FILTERS));
    expect(counts[0]).toEqual({ reviews: 2, briefings: 1, theme_tags: 2 });
    // r2's neglect tag was rejected by hand; b1 carries no theme.
    const neglect = { ...NO_FILTERS, themes: ['neglect'] };
    expect((await db.query<ExportRecordRow>(exportRecordsSql(neglect))).map((r) => r.id)).toEqual(['r1']);
  });
});
