/** Fetches the bundled dataset (Arrow IPC files served by the app) into DuckDB. */
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import { CREATE_SCHEMA_SQL } from '../queries/schema-sql.ts';
import { TABLE_NAMES, type TableName } from '../schema/tables.ts';
import { abortError, type QueryRunner } from '../queries/runner.ts';

export interface DatasetManifest {
  dataVersion: string;
  tables: Record<TableName, { rows: number; bytes: number }>;
}

export type LoadStage = 'engine' | 'download' | 'insert';
export interface LoadProgress {
  stage: LoadStage;
  /** 0..1 across the whole load. */
  fraction: number;
  message: string;
}


async function fetchOk(url: string, signal?: AbortSignal): Promise<Response> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`Could not load ${url} (HTTP ${res.status}). Rebuild the dataset with \`npm run data\`.`);
  return res;
}

/**
 * DuckDB keeps rows appended to an in-memory table as they came (a national
 * corpus's report text took 56 MB) until a checkpoint writes them as
 * compressed row groups (17 MB). Its wasm heap never shrinks, so the load
 * checkpoints every CHECKPOINT_EVERY_BYTES of a table: the heap then peaks at
 * the compressed tables plus one slice, not at the uncompressed whole.
 * Small tables (the bundled data) are left as they are: a checkpoint costs
 * more than it saves there.
 */
const CHECKPOINT_EVERY_BYTES = 48 << 20;
const CHECKPOINT_MIN_BYTES = 4 << 20;

/** Record batches of one served table as they arrive, each re-encoded as its own IPC stream. */
async function* streamedBatches(res: Response): AsyncGenerator<Uint8Array> {
  const { RecordBatchReader, Table, tableToIPC } = await import('apache-arrow');
  if (!res.body) throw new Error(`Could not read ${res.url}: the response has no body.`);
  const reader = await RecordBatchReader.from(res.body);
  for await (const batch of reader) yield tableToIPC(new Table([batch]), 'stream');
}

/**
 * Starts DuckDB and loads every table of the bundled dataset, reporting
 * progress. Tables are read one after another and inserted batch by batch as
 * they download, so a national-scale dataset (hundreds of MB of report text)
 * is never held whole in the page's memory next to DuckDB's copy.
 */
export async function loadBundledDataset(
  baseUrl: string,
  db: QueryRunner,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<DatasetManifest> {
  const dataUrl = (file: string) => `${baseUrl}${file}`;
  onProgress({ stage: 'engine', fraction: 0, message: 'Starting the database engine…' });
  const manifestPromise = fetchOk(dataUrl('manifest.json'), signal).then((r) => r.json() as Promise<DatasetManifest>);
  const [manifest] = await Promise.all([manifestPromise, import('./engine.ts').then((m) => m.getEngine()).then(() => performance.mark('db:engine-ready'))]);
  const totalBytes = TABLE_NAMES.reduce((sum, n) => sum + (manifest.tables[n]?.bytes ?? 0), 0) || 1;
  let loadedBytes = 0;
  await db.exec(CREATE_SCHEMA_SQL);
  const report = (name: string, bytes: number) =>
    onProgress({ stage: 'download', fraction: 0.3 + 0.6 * Math.min(1, bytes / totalBytes), message: `Reading ${name.replace('_', ' ')}…` });
  for (const name of TABLE_NAMES) {
    report(name, loadedBytes);
    const res = await fetchOk(dataUrl(`${name}.arrows`), signal);
    let tableBytes = 0;
    let uncompressed = 0;
    for await (const ipc of streamedBatches(res)) {
      if (signal?.aborted) throw abortError();
      await db.insertArrow(name, ipc);
      tableBytes += ipc.byteLength;
      uncompressed += ipc.byteLength;
      if (uncompressed >= CHECKPOINT_EVERY_BYTES) {
        await db.exec('CHECKPOINT');
        uncompressed = 0;
      }
      report(name, loadedBytes + tableBytes);
    }
    if (uncompressed >= CHECKPOINT_MIN_BYTES) await db.exec('CHECKPOINT');
    loadedBytes += manifest.tables[name]?.bytes ?? tableBytes;
  }
  if (signal?.aborted) throw abortError();
  onProgress({ stage: 'insert', fraction: 0.92, message: 'Preparing the tables…' });
  await db.exec(REFRESH_DERIVED_SQL);
  if (loadedBytes >= CHECKPOINT_MIN_BYTES) await db.exec('CHECKPOINT');
  // Marks for the benchmark (npm run bench) and the browser's profiler.
  performance.mark('db:data-loaded');
  onProgress({ stage: 'insert', fraction: 1, message: 'Ready' });
  return manifest;
}
