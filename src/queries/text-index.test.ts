import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import type { WriteRunner } from './runner.ts';
import { TokenIndexBuilder, type TokenIndex } from '../search/token-index.ts';
import { searchTokenIndex } from '../search/token-search.ts';
import { TEXT_INDEX_COUNTS_SQL, textIndexBatchesSql } from './text-index.ts';
import { searchHitsSql, type SearchScope } from './search-hits.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';

type Db = WriteRunner & { close(): void };

/** The search worker's work, done here: the same batches into the same builder. */
async function buildIndex(db: Db): Promise<{ index: TokenIndex; reviews: number }> {
  const [counts] = await db.query<{ reviews: number; briefings: number; passages: number }>(TEXT_INDEX_COUNTS_SQL);
  const builder = new TokenIndexBuilder(counts!.reviews + counts!.briefings);
  for (const { sql } of textIndexBatchesSql(counts!)) {
    const table = tableFromIPC(await db.queryArrowIPC(sql));
    for (let i = 0; i < table.numRows; i++) builder.add(table.getChild('doc')!.get(i) as number, table.getChild('text')!.get(i) as string | null);
  }
  return { index: builder.finish(), reviews: counts!.reviews };
}

async function hits(db: Db, q: string, scope?: SearchScope): Promise<string[]> {
  await db.exec(searchHitsSql(q, scope));
  const rows = await db.query<{ kind: string; id: string }>(`SELECT kind, id FROM search_hits WHERE q = '${q.trim().toLowerCase().replace(/'/g, "''")}' ORDER BY kind, id`);
  await db.exec('DELETE FROM search_hits; DELETE FROM search_queries');
  return rows.map((r) => `${r.kind}:${r.id}`);
}

describe('text search through the word index, on the bundled data with report passages', () => {
  let db: Db;
  let built: { index: TokenIndex; reviews: number };
  beforeAll(async () => {
    db = await openBundledDataset();
    const [a, b] = await db.query<{ id: string }>('SELECT id FROM reviews ORDER BY id LIMIT 2');
    await db.exec(`
      INSERT INTO documents VALUES ('doc-1', 'review', '${a!.id}', 'report.pdf', 'application/pdf', 120), ('doc-2', 'review', '${b!.id}', 'report.docx', 'application/msword', 90);
      INSERT INTO passages VALUES
        ('doc-1#0', 'doc-1', 'review', '${a!.id}', 0, 'Stair gates were not fitted; the health visitor did not ask.'),
        ('doc-1#1', 'doc-1', 'review', '${a!.id}', 1, 'During lockdown, visits were virtual and the child''s room was never seen.'),
        ('doc-2#0', 'doc-2', 'review', '${b!.id}', 0, 'The interpreter was a family member; county lines exploitation was not recognised.');
      ${REFRESH_DERIVED_SQL}`);
    built = await buildIndex(db);
  }, 60_000);
  afterAll(() => db.close());

  it('finds exactly what the full scan finds, for words, parts of words, phrases and punctuation', async () => {
    const terms = ['neglect', 'NEGLECT', 'glect', 'stair gates', 'county lines', "child's", 'interpreter', 'lockdown', 'voice of the child', 'health visit', 'e-safety', '7-minute', 'zzzz'];
    for (const q of terms) {
      const found = searchTokenIndex(built.index, q)!;
      const scope: SearchScope = { reviews: [], briefings: [], exact: found.exact };
      found.docs.forEach((hit, d) => hit && (d < built.reviews ? scope.reviews as number[] : scope.briefings as number[]).push(d < built.reviews ? d : d - built.reviews));
      expect(await hits(db, q, scope), q).toEqual(await hits(db, q));
    }
    expect((await hits(db, 'stair gates')).length).toBe(1);
    expect((await hits(db, 'neglect')).length).toBeGreaterThan(50);
  });
});
