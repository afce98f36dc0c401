import { describe, expect, it } from 'vitest';
import { readBlobInSlices } from './read-blob.ts';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + (i >> 8)) & 0xff);

describe('readBlobInSlices', () => {
  it('gives the same bytes as reading the blob whole, across slice boundaries', async () => {
    const data = bytes(10_007);
    const read = await readBlobInSlices(new Blob([data]), { sliceBytes: 1_000 });
    expect(read.length).toBe(data.length);
    expect(Buffer.from(read).equals(Buffer.from(data))).toBe(true);
  });

  it('reads a blob smaller than one slice, and an empty one', async () => {
    expect([...(await readBlobInSlices(new Blob([bytes(5)]), { sliceBytes: 1_000 }))]).toEqual([...bytes(5)]);
    expect((await readBlobInSlices(new Blob([]))).length).toBe(0);
  });

  it('stops between slices when cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(readBlobInSlices(new Blob([bytes(3_000)]), { sliceBytes: 1_000, signal: ctrl.signal })).rejects.toThrow();
  });
});
