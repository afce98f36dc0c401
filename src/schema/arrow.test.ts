import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../db/node-runner.ts';
import type { QueryRunner } from '../queries/runner.ts';
import { CREATE_SCHEMA_SQL } from '../queries/schema-sql.ts';
import type { Review, ThemeTag } from './records.ts';
import { rowsToArrowIPC } from './arrow.ts';

describe('rowsToArrowIPC', () => {
  let db: QueryRunner & { close(): void };
  beforeAll(async () => {
    db = await createNodeRunner();
    await db.exec(CREATE_SCHEMA_SQL);
  }, 60_000);
  afterAll(() => db?.close());

  it('round-trips text (with nulls and accents), integers, doubles and booleans through DuckDB', async () => {
    const reviews: Review[] = [
      { id: 'a', partnership_id: 'p', case_name: 'Zoë “K”', review_type: 'other', published: null, published_on: null, year: null, summary: '', findings: null, recommendations: null, source_url: null, origin: 'x' },
      { id: 'b', partnership_id: 'p', case_name: 'B', review_type: 'other', published: '2022', published_on: '2022-01-01', year: 2022, summary: 's', findings: 'f', recommendations: 'r', source_url: 'u', origin: 'x' },
    ];
    const tags: ThemeTag[] = [
      { entity_type: 'review', entity_id: 'a', theme_id: 't', score: 0.25, source: 'model', accepted: true },
      { entity_type: 'review', entity_id: 'b', theme_id: 't', score: 1, source: 'manual', accepted: false },
    ];
    await db.insertArrow('reviews', rowsToArrowIPC('reviews', reviews));
    await db.insertArrow('theme_tags', rowsToArrowIPC('theme_tags', tags));
    expect(await db.query('SELECT * FROM reviews ORDER BY id')).toEqual(reviews);
    expect(await db.query('SELECT * FROM theme_tags ORDER BY entity_id')).toEqual(tags);
  });
});
