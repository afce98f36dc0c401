import { RecordBatch, Table, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ipcBatches } from './ipc-batches.ts';

const batch = (from: number) => new Table({ n: vectorFromArray([from, from + 1]) }).batches[0]!;

describe('ipcBatches', () => {
  const ipc = tableToIPC(new Table([batch(0), batch(2), batch(4)] as RecordBatch[]), 'stream');

  it('passes a small stream through untouched', async () => {
    expect(await ipcBatches(ipc)).toEqual([ipc]);
  });

  it('splits a large stream into one readable stream per record batch, rows in order', async () => {
    const parts = await ipcBatches(ipc, 0);
    expect(parts).toHaveLength(3);
    expect(parts.flatMap((p) => Array.from(tableFromIPC(p).getChild('n')!.toArray() as Float64Array))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
