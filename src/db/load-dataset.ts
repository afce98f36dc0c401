/** Fetches the bundled dataset (Arrow IPC files served by the app) into DuckDB. */
import { TABLE_NAMES, type TableName } from '../schema/tables.ts';
import { loadTables } from './load-tables.ts';
import { abortError, type QueryRunner } from './runner.ts';

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

/** Starts DuckDB and loads every table of the bundled dataset, reporting progress. */
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
  onProgress({ stage: 'download', fraction: 0.4, message: 'Reading the bundled reviews…' });
  const tables = await Promise.all(
    TABLE_NAMES.map(async (name) => {
      const res = await fetchOk(dataUrl(`${name}.arrows`), signal);
      const ipc = new Uint8Array(await res.arrayBuffer());
      loadedBytes += ipc.byteLength;
      onProgress({ stage: 'download', fraction: 0.4 + 0.4 * (loadedBytes / totalBytes), message: `Read ${name.replace('_', ' ')}` });
      return { name, ipc };
    }),
  );
  if (signal?.aborted) throw abortError();
  onProgress({ stage: 'insert', fraction: 0.85, message: 'Preparing the tables…' });
  await loadTables(db, tables, signal);
  // Marks for the benchmark (npm run bench) and the browser's profiler.
  performance.mark('db:data-loaded');
  onProgress({ stage: 'insert', fraction: 1, message: 'Ready' });
  return manifest;
}
