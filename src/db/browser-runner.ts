/**
 * The app's QueryRunner over the shared DuckDB-WASM engine. The engine and
 * Arrow load on first use, keeping them out of the initial JavaScript.
 */
import { arrowToRows } from './arrow-rows.ts';
import { QueryError, abortError, toError, type QueryOptions, type QueryRunner } from './runner.ts';
import { SerialQueue } from './serial-queue.ts';
import type { Table } from 'apache-arrow';

const queue = new SerialQueue();
const getEngine = async () => (await import('./engine.ts')).getEngine();

async function runQuery(sql: string, options: QueryOptions = {}): Promise<Table> {
  const { signal } = options;
  if (signal?.aborted) throw abortError();
  const [{ conn }, { Table }] = await Promise.all([getEngine(), import('apache-arrow')]);
  const onAbort = () => void conn.cancelSent().catch(() => undefined /* nothing left to cancel */);
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
  }
}

export const browserRunner: QueryRunner = {
  query: <Row>(sql: string, options?: QueryOptions) =>
    queue.run(async () => arrowToRows<Row>(await runQuery(sql, options))),
  exec: (sql: string, options?: QueryOptions) => queue.run(async () => void (await runQuery(sql, options))),
  insertArrow: (table: string, ipc: Uint8Array) =>
    queue.run(async () => {
      const { conn } = await getEngine();
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
    }),
};
