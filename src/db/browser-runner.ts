/**
 * The app's QueryRunner over the shared DuckDB-WASM engine. The engine and
 * Arrow load on first use, keeping them out of the initial JavaScript.
 */
import { arrowToRows } from './arrow-rows.ts';
import { QueryError, abortError, toError, type QueryOptions, type WriteRunner } from '../queries/runner.ts';
import { SerialQueue } from '../lib/serial-queue.ts';
import type { Table } from 'apache-arrow';

const queue = new SerialQueue();
const getEngine = async () => (await import('./engine.ts')).getEngine();

/**
 * Runs SQL on the shared connection. Dashboard-sized results come back in one
 * message (`conn.query`); large ones (exports) stream batch by batch, which
 * can also be cancelled while running.
 */
async function runQuery(sql: string, options: QueryOptions = {}, stream = false): Promise<Table> {
  const { signal } = options;
  if (signal?.aborted) throw abortError();
  const [{ conn }, { Table }] = await Promise.all([getEngine(), import('apache-arrow')]);
  if (!stream) {
    try {
      const table = await conn.query(sql);
      if (signal?.aborted) throw abortError();
      return table;
    } catch (err) {
      if (signal?.aborted) throw abortError();
      throw new QueryError(toError(err).message, sql, { cause: err });
    }
  }
  // The cancel is a message to the engine's worker: it is awaited before this query gives up its turn, so it
  // cannot arrive once the next query has started and cancel that one instead.
  let cancelling: Promise<unknown> | null = null;
  const onAbort = () => void (cancelling = conn.cancelSent().catch(() => undefined /* nothing left to cancel */));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const reader = await conn.send(sql, true);
    const batches = [];
    for await (const batch of reader) {
      if (signal?.aborted) throw abortError();
      batches.push(batch);
    }
    return batches.length ? new Table(batches) : new Table(reader.schema);
  } catch (err) {
    if (signal?.aborted) throw abortError();
    throw new QueryError(toError(err).message, sql, { cause: err });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (cancelling) await cancelling;
  }
}

/** Bytes copied between turns of the page while joining a result's IPC stream. */
const JOIN_SLICE_BYTES = 8 << 20;
const pauseForPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The pieces of an IPC stream (streamParts) as one array, like the end of
 * apache-arrow's `tableToIPC`, but copied a few megabytes at a time with the
 * page getting a turn between: joining a saved table of a few hundred
 * megabytes in one go held the page for most of a second.
 */
async function joinInSlices(parts: Uint8Array[]): Promise<Uint8Array> {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  let sincePause = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    bytes.set(part, at);
    at += part.byteLength;
    sincePause += part.byteLength;
    // Let go of each part once copied: the batch it points into can then be collected, so the table and its
    // bytes are not both held in full (for a few hundred megabytes of tag evidence, that was the save's peak).
    parts[i] = EMPTY;
    if (sincePause >= JOIN_SLICE_BYTES) (sincePause = 0, await pauseForPage());
  }
  return bytes;
}

const EMPTY = new Uint8Array(0);

/** The IPC stream's pieces (metadata and buffers, pointing into the table's batches); only they keep the batches. */
async function streamParts(table: Table): Promise<Uint8Array[]> {
  const { RecordBatchStreamWriter } = await import('apache-arrow');
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, table.schema);
  for (const batch of table.batches) writer.write(batch);
  writer.finish();
  const parts: Uint8Array[] = [];
  for await (const part of writer) parts.push(part);
  return parts;
}

/**
 * Streams a result batch by batch as IPC stream pieces to `write`, so only
 * a batch or two is held at a time (a saved table of a few hundred
 * megabytes, read whole and then copied into one array, raised the tab's
 * memory by twice its size).
 */
async function streamQuery(sql: string, write: (bytes: Uint8Array) => Promise<void>, options: QueryOptions = {}): Promise<number> {
  const [{ conn }, { AsyncByteQueue, RecordBatchStreamWriter }] = await Promise.all([getEngine(), import('apache-arrow')]);
  // The writer's pieces, taken as it writes them (its own queue only gives them up as an async stream).
  const pieces: Uint8Array[] = [];
  class Pieces extends AsyncByteQueue {
    override write(value: Parameters<InstanceType<typeof AsyncByteQueue>['write']>[0]) {
      const view = value as ArrayBufferView;
      if (view.byteLength) pieces.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    }
  }
  const writer = new RecordBatchStreamWriter();
  const drain = async () => {
    for (const piece of pieces.splice(0)) await write(piece);
  };
  let rows = 0;
  try {
    const reader = await conn.send(sql, true);
    writer.reset(new Pieces(), reader.schema);
    for await (const batch of reader) {
      if (options.signal?.aborted) throw abortError();
      writer.write(batch);
      rows += batch.numRows;
      await drain();
    }
    writer.finish();
    await drain();
    return rows;
  } catch (err) {
    if (options.signal?.aborted) throw abortError();
    throw new QueryError(toError(err).message, sql, { cause: err });
  }
}

/** Records each query's time as `sql:<label>` for the benchmark and the browser's profiler. */
async function timed<T>(options: QueryOptions | undefined, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`sql:${options?.label ?? 'unlabelled'}`, { start, end: performance.now() });
  }
}

/** Appends Arrow IPC stream bytes to `table`, or creates it from them. */
async function insertIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
  const { conn } = await getEngine();
  await conn.insertArrowFromIPCStream(ipc, { name: table, create });
}

export const browserRunner: WriteRunner = {
  query: <Row>(sql: string, options?: QueryOptions) =>
    queue.run(() => timed(options, async () => arrowToRows<Row>(await runQuery(sql, options)))),
  exec: (sql: string, options?: QueryOptions) => queue.run(() => timed(options, async () => void (await runQuery(sql, options)))),
  queryArrowIPC: (sql: string, options?: QueryOptions) => queue.run(async () => joinInSlices(await streamParts(await runQuery(sql, options, true)))),
  queryArrowStream: (sql: string, write: (bytes: Uint8Array) => Promise<void>, options?: QueryOptions) =>
    queue.run(() => timed(options, () => streamQuery(sql, write, options))),
  insertArrow: (table: string, ipc: Uint8Array) => queue.run(() => insertIPC(table, ipc, false)),
  registerFile: (name: string, bytes: Uint8Array) =>
    queue.run(async () => {
      const { db } = await getEngine();
      await db.registerFileBuffer(name, bytes);
    }),
  dropFile: (name: string) =>
    queue.run(async () => {
      const { db } = await getEngine();
      await db.dropFile(name).catch(() => undefined /* already gone */);
    }),
  insertJSONFile: (table: string, name: string) =>
    queue.run(async () => {
      const { conn } = await getEngine();
      await conn.insertJSONFromPath(name, { name: table, create: true });
    }),
  createFromArrow: (table: string, ipc: Uint8Array) => queue.run(() => insertIPC(table, ipc, true)),
  transaction: (statements: readonly string[]) =>
    queue.run(async () => {
      const sql = ['BEGIN TRANSACTION', ...statements, 'COMMIT'].join(';\n');
      try {
        await runQuery(sql);
      } catch (err) {
        await runQuery('ROLLBACK').catch(() => undefined /* nothing was open */);
        throw err;
      }
    }),
};
