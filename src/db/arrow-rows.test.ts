import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { arrowToRows } from './arrow-rows.ts';
import { createNodeRunner } from './node-runner.ts';

describe('arrowToRows', () => {
  it('keeps every value when short strings are shared between rows', () => {
    const long = 'x'.repeat(200);
    const table = tableFromArrays({ status: ['open', 'open', 'done', 'open'], text: [long, long, 'a', 'b'], n: Int32Array.from([1, 2, 3, 4]) });
    expect(arrowToRows(table)).toEqual([
      { status: 'open', text: long, n: 1 }, { status: 'open', text: long, n: 2 }, { status: 'done', text: 'a', n: 3 }, { status: 'open', text: 'b', n: 4 },
    ]);
  });

  it('keeps list columns as arrays of their items', async () => {
    const db = await createNodeRunner();
    try {
      const rows = await db.query(`SELECT * FROM (VALUES (1, ['a', 'b']), (2, ['b']), (3, []::VARCHAR[]), (4, NULL)) t(n, themes) ORDER BY n`);
      expect(rows).toEqual([{ n: 1, themes: ['a', 'b'] }, { n: 2, themes: ['b'] }, { n: 3, themes: [] }, { n: 4, themes: null }]);
    } finally {
      db.close();
    }
  });
});
