import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { snapshotBundledData } from '../workspace/apply.ts';
import { storeModelTags } from '../workspace/changes.ts';
import { writeChange } from '../workspace/write.ts';
import type { WriteRunner } from './runner.ts';
import type { QueryRunner } from './runner.ts';
import { untaggedCountSql, untaggedTexts, type UntaggedCount } from './untagged.ts';

/**
 * Fixture: 5,003 imported reviews in one partnership; 5,001 have text, one has
 * only whitespace and newlines, one has no text at all; review u-0 has a model
 * tag (so it is tagged), u-1 only a manual one (still untagged by the tagger).
 */
describe('untagged imported texts', () => {
  let db: QueryRunner & { close(): void };

  beforeAll(async () => {
    db = (await openBundledDataset()) as typeof db;
    await snapshotBundledData(db);
    await db.exec(`
      INSERT INTO partnerships (id, name, region) VALUES ('untagshire', 'Untagshire', NULL);
      INSERT INTO reviews SELECT 'u-' || i, 'untagshire', 'Child U' || i, 'rapid-review', '2024', '2024-01-01', 2024,
        'Neglect was missed for child ' || i || '.', NULL, NULL, NULL, 'import' FROM range(5001) t(i);
      INSERT INTO reviews VALUES ('u-blank', 'untagshire', 'Child Blank', 'rapid-review', '2024', '2024-01-01', 2024, ' \n\t ', NULL, NULL, NULL, 'import');
      INSERT INTO reviews VALUES ('u-none', 'untagshire', 'Child None', 'rapid-review', '2024', '2024-01-01', 2024, NULL, NULL, NULL, NULL, 'import');
      INSERT INTO theme_tags VALUES ('review', 'u-0', 'neglect', 0.9, 'model', true), ('review', 'u-1', 'neglect', 1, 'manual', true);`);
  }, 120_000);

  afterAll(() => db?.close());

  it('counts exactly the texts it lists, reading them a page at a time past 5,000', async () => {
    const texts = await untaggedTexts(db);
    const [count] = await db.query<UntaggedCount>(untaggedCountSql);
    expect(texts).toHaveLength(5000); // u-1 … u-5000; not u-0 (model tag), not the blank or empty ones
    expect(new Set(texts.map((t) => t.entity_id)).size).toBe(5000);
    expect(texts.some((t) => t.entity_id === 'u-0' || t.entity_id === 'u-blank' || t.entity_id === 'u-none')).toBe(false);
    expect(count).toEqual({ texts: 5000, sources: 1 });
  });

  it('a text the tagger read and found no theme in counts as tagged (bug: it stayed listed as not yet tagged)', async () => {
    const read = [{ entity_type: 'review' as const, entity_id: 'u-2' }, { entity_type: 'review' as const, entity_id: 'u-3' }];
    // u-2: no theme found; u-3: one theme. storeModelTags marks both as read by the tagger.
    await writeChange(db as unknown as WriteRunner, storeModelTags(read, {
      theme_tags: [{ entity_type: 'review', entity_id: 'u-3', theme_id: 'neglect', score: 0.8, source: 'model', accepted: true }],
    }));
    expect((await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM tagged_entities WHERE entity_id IN ('u-2', 'u-3')"))[0]!.n).toBe(2);
    const texts = await untaggedTexts(db);
    expect(texts).toHaveLength(4998);
    expect(texts.some((t) => t.entity_id === 'u-2' || t.entity_id === 'u-3')).toBe(false);
    const [count] = await db.query<UntaggedCount>(untaggedCountSql);
    expect(count).toEqual({ texts: 4998, sources: 1 });
  });
});
