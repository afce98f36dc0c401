import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../db/node-runner.ts';
import type { WriteRunner } from './runner.ts';
import { storeRecords } from '../workspace/changes.ts';
import { writeChange } from '../workspace/write.ts';
import { readMetadataFile, type BinaryReaders } from '../ingest/read-metadata.ts';
import type { Review } from '../schema/records.ts';
import { CREATE_SCHEMA_SQL } from './schema-sql.ts';
import { workspaceCountsSql, type WorkspaceCounts } from './import.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const review = (id: string, over: Partial<Review> = {}): Review => ({
  id, partnership_id: 'somerset', case_name: `Child ${id}`, review_type: 'other', published: null, published_on: null,
  year: null, summary: null, findings: null, recommendations: null, source_url: null, origin: 'import-test', ...over,
});

const readers: BinaryReaders = {
  parquetToIPC: async (bytes) => {
    const { readParquet } = await import('parquet-wasm/node');
    return readParquet(bytes).intoIPCStream();
  },
  xlsxToGrid: async () => [],
};

describe('import SQL on DuckDB-WASM', () => {
  let db: WriteRunner & { close(): void };
  const counts = async () => (await db.query<WorkspaceCounts>(workspaceCountsSql))[0]!;

  beforeAll(async () => {
    db = await createNodeRunner();
    await db.exec(CREATE_SCHEMA_SQL);
  }, 60_000);
  afterAll(() => db?.close());

  it('reads CSV through DuckDB as text columns, keeping leading zeros and quoted commas', async () => {
    const t = await readMetadataFile(db, 'a.csv', 'csv', enc('id,partnership,case,date\n007,"Bath, North East Somerset",Child A,14/03/2022\n'), readers);
    expect(t.columns).toEqual(['id', 'partnership', 'case', 'date']);
    expect(t.rows).toEqual([['007', 'Bath, North East Somerset', 'Child A', '14/03/2022']]);
    expect(t.firstRowNumber).toBe(2);
  });

  it('reads semicolon-separated Windows-1252 CSV with a note', async () => {
    const bytes = new Uint8Array([...enc('case;partnership\nZo'), 0xeb, ...enc(';Dorset\n')]);
    const t = await readMetadataFile(db, 'b.csv', 'csv', bytes, readers);
    expect(t.rows).toEqual([['Zoë', 'Dorset']]);
    expect(t.notes[0]).toMatch(/not UTF-8/);
  });

  it('reads JSON and JSON Lines with duckdb-wasm\'s own reader, lists as text', async () => {
    const json = await readMetadataFile(db, 'c.json', 'json', enc(JSON.stringify([{ case: 'A', year: 2021, themes: ['neglect', 'online-harm'] }])), readers);
    expect(json.columns).toEqual(['case', 'year', 'themes']);
    expect(json.rows[0]!.slice(0, 2)).toEqual(['A', '2021']);
    expect(json.rows[0]![2]).toMatch(/neglect.*online-harm/);
    const lines = await readMetadataFile(db, 'd.jsonl', 'jsonl', enc('{"case":"A"}\n\n{"case":"B"}\n'), readers);
    expect(lines.rows).toEqual([['A'], ['B']]);
    await expect(readMetadataFile(db, 'e.jsonl', 'jsonl', enc('{"case":"A"}\nnot json\n'), readers)).rejects.toThrow(/e.jsonl, line 2: not a JSON object/);
  });

  it('reads Parquet through Arrow into DuckDB', async () => {
    const { writeParquet, Table } = await import('parquet-wasm/node');
    const ipc = tableToIPC(tableFromArrays({ partnership: ['Somerset'], case: ['Child P'], year: Int32Array.from([2020]) }), 'stream');
    const parquet = writeParquet(Table.fromIPCStream(ipc));
    const t = await readMetadataFile(db, 'f.parquet', 'parquet', parquet, readers);
    expect(t).toMatchObject({ columns: ['partnership', 'case', 'year'], rows: [['Somerset', 'Child P', '2020']] });
  });

  it('commits staged rows in one transaction, replacing rows with the same id', async () => {
    await writeChange(db, storeRecords({ partnerships: [{ id: 'somerset', name: 'Somerset', region: null }], reviews: [review('r1'), review('r2')] }));
    await writeChange(db, storeRecords({ reviews: [review('r2', { summary: 'updated' })] }));
    expect(await counts()).toMatchObject({ reviews: 2, imported_reviews: 2 });
    expect((await db.query<{ summary: string }>("SELECT summary FROM reviews WHERE id = 'r2'"))[0]!.summary).toBe('updated');
    expect(await db.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stage_%'")).toEqual([]);
  });

  it('a failed import leaves no partial rows', async () => {
    const before = await counts();
    await expect(writeChange(db, { rows: { reviews: [review('r3'), review('r4')] }, before: ['DELETE FROM reviews', 'SELECT no_such_column FROM reviews'] })).rejects.toThrow();
    expect(await counts()).toEqual(before);
    // The connection is usable again after the rollback.
    expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM reviews'))[0]!.n).toBe(2);
  });
});
