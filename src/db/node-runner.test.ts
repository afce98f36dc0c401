import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from './node-runner.ts';
import type { QueryRunner } from '../queries/runner.ts';

describe('node runner (DuckDB-WASM blocking build)', () => {
  let db: QueryRunner & { close(): void };
  beforeAll(async () => {
    db = await createNodeRunner();
  });
  afterAll(() => db.close());

  it('returns plain rows with numbers, not BigInts', async () => {
    const rows = await db.query<{ n: number; s: string }>("SELECT count(*) AS n, 'x' AS s FROM range(5)");
    expect(rows).toEqual([{ n: 5, s: 'x' }]);
  });

  it('fails cleanly, with the SQL attached, on SQL that needs an offline-unavailable extension', async () => {
    await expect(db.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toMatchObject({
      name: 'QueryError',
      sql: expect.stringContaining('read_parquet'),
    });
  });
});
