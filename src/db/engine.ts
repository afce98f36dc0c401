/**
 * The one DuckDB-WASM instance of the app, started lazily behind one shared
 * promise. Its wasm and worker are served by the app itself (Vite `?url`), so
 * nothing is fetched from another origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { OFFLINE_SETTINGS_SQL } from './offline-settings.ts';

export interface Engine {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
}

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

let started: Promise<Engine> | null = null;

async function start(): Promise<Engine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query(OFFLINE_SETTINGS_SQL);
  return { db, conn };
}

/** Starts DuckDB once; later calls share the same engine. A failed start can be retried. */
export function getEngine(): Promise<Engine> {
  if (!started) {
    started = start().catch((err: unknown) => {
      started = null;
      throw err;
    });
  }
  return started;
}
