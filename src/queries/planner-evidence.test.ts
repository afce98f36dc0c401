import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import type { WriteRunner } from './runner.ts';
import { NO_FILTERS } from '../filters/filters.ts';
import { startingEvidenceSql } from './planner.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';

type Db = WriteRunner & { close(): void };

describe('starting evidence for the planner', () => {
  let db: Db;
  let target: { id: string; theme_id: string; year: number };
  beforeAll(async () => {
    db = await openBundledDataset();
    [target] = await db.query<{ id: string; theme_id: string; year: number }>(`
      SELECT r.id, e.theme_id, r.year::INTEGER AS year FROM reviews r JOIN entity_themes e ON e.entity_type = 'review' AND e.entity_id = r.id
      WHERE r.year IS NOT NULL ORDER BY r.year DESC, r.id, e.theme_id LIMIT 1`) as [typeof target];
    // A report passage of that review whose evidence outweighs every catalogue sentence.
    await db.exec(`
      INSERT INTO documents VALUES ('doc-ev', 'review', '${target.id}', 'report.pdf', 'application/pdf', 60);
      INSERT INTO passages VALUES ('doc-ev#0', 'doc-ev', 'review', '${target.id}', 0, 'The strongest sentence in the report.');
      INSERT INTO tag_evidence VALUES ('passage', 'doc-ev#0', '${target.theme_id}', 1, 0, 37, 'The strongest sentence in the report.', 999);
      ${REFRESH_DERIVED_SQL}`);
  }, 60_000);
  afterAll(() => db.close());

  it('picks each theme\'s weightiest sentence from review and passage evidence alike', async () => {
    const rows = await db.query<{ theme_id: string; sentence: string; case_name: string }>(startingEvidenceSql(NO_FILTERS, { from: target.year, to: target.year }));
    expect(rows.find((r) => r.theme_id === target.theme_id)?.sentence).toBe('The strongest sentence in the report.');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.sentence && r.case_name)).toBe(true);
  });
});
