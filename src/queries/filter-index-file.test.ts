import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { decodeFilterIndexFile, encodeFilterIndexFile } from './filter-index-file.ts';
import { loadFilterIndex } from './load-filter-index.ts';
import { loadFilterOptions } from './filter-options.ts';
import { openFixture } from './themes.fixture.ts';

/** Typed arrays as plain arrays, so toEqual compares values whatever the array type. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)));

describe('filter index file', () => {
  let fixture: Awaited<ReturnType<typeof openFixture>>;
  beforeAll(async () => { fixture = await openFixture(); }, 60_000);
  afterAll(() => fixture.close());

  it('gives back the index and options it was written from, column types included', async () => {
    const index = await loadFilterIndex(fixture);
    const options = await loadFilterOptions(fixture);
    const bytes = encodeFilterIndexFile({ index, options });
    // Read at an odd offset in a larger buffer, as a fetched body may be.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const back = decodeFilterIndexFile(shifted.subarray(3));
    expect(plain(back.index)).toEqual(plain(index));
    expect(back.options).toEqual(options);
    expect(back.index.reviews.partnership).toBeInstanceOf(Uint16Array);
    expect(back.index.briefings.key).toBeInstanceOf(Int32Array);
    expect(encodeFilterIndexFile(back)).toEqual(bytes);
  });

  it('refuses bytes that are not a filter index file, saying how to rebuild it', () => {
    expect(() => decodeFilterIndexFile(new TextEncoder().encode('<!doctype html><html>'))).toThrow(/npm run data/);
  });
});

describe('the shipped public/data/filter-index.bin', () => {
  it('agrees with the index and options DuckDB gives on the bundled data (rebuild with npm run data if not)', async () => {
    const db = await openBundledDataset();
    try {
      const shipped = decodeFilterIndexFile(new Uint8Array(readFileSync(join(import.meta.dirname, '../../public/data/filter-index.bin'))));
      expect(plain(shipped.index)).toEqual(plain(await loadFilterIndex(db)));
      expect(shipped.options).toEqual(await loadFilterOptions(db));
    } finally {
      db.close();
    }
  }, 60_000);
});
