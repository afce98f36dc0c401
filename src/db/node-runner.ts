/**
 * The same DuckDB-WASM engine in Node (the blocking build), for SQL tests and
 * pipelines: what passes here runs the same in the browser.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConsoleLogger, LogLevel, NODE_RUNTIME, createDuckDB } from '@duckdb/duckdb-wasm/blocking';
import { arrowToRows } from './arrow-rows.ts';
import { OFFLINE_SETTINGS_SQL } from './offline-settings.ts';
import { QueryError, toError, type WriteRunner } from '../queries/runner.ts';

const require = createRequire(import.meta.url);
// The blocking build returns tables of the CommonJS apache-arrow; the ESM copy's tableToIPC does not
// recognise them and writes an empty stream, so encode with the same copy.
const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');

/** Starts an in-memory DuckDB-WASM in Node and returns a runner over one connection. */
export async function createNodeRunner(): Promise<WriteRunner & { close(): void }> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await createDuckDB(bundles, new ConsoleLogger(LogLevel.WARNING), NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query(OFFLINE_SETTINGS_SQL);
  const run = (sql: string) => {
    try {
      return conn.query(sql);
    } catch (err) {
      throw new QueryError(toError(err).message, sql, { cause: err });
    }
  };
  return {
    query: async <Row>(sql: string) => arrowToRows<Row>(run(sql)),
    exec: async (sql: string) => void run(sql),
    queryArrowIPC: async (sql: string) => tableToIPC(run(sql), 'stream'),
    queryArrowStream: async (sql: string, write: (bytes: Uint8Array) => Promise<void>) => {
      const table = run(sql);
      await write(tableToIPC(table, 'stream'));
      return table.numRows;
    },
    insertArrow: async (table: string, ipc: Uint8Array) =>
      conn.insertArrowFromIPCStream(ipc, { name: table, create: false }),
    registerFile: async (name: string, bytes: Uint8Array) => db.registerFileBuffer(name, bytes),
    dropFile: async (name: string) => db.dropFile(name),
    insertJSONFile: async (table: string, name: string) => conn.insertJSONFromPath(name, { name: table, create: true }),
    createFromArrow: async (table: string, ipc: Uint8Array) => conn.insertArrowFromIPCStream(ipc, { name: table, create: true }),
    transaction: async (statements: readonly string[]) => {
      try {
        run(['BEGIN TRANSACTION', ...statements, 'COMMIT'].join(';\n'));
      } catch (err) {
        try {
          run('ROLLBACK');
        } catch {
          // Nothing was open.
        }
        throw err;
      }
    },
    close: () => {
      conn.close();
      db.reset();
    },
  };
}
