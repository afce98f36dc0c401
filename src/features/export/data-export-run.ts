/**
 * Runs a data export: the rows matching the filters, as CSV (written in
 * chunks so progress shows and cancel works on large exports) or as Parquet.
 */
import type { DatabaseState } from '../../state/database-context.ts';
import { EXPORT_COLUMNS, exportSql, type ExportTable } from '../../queries/data-export.ts';
import type { Filters } from '../../filters/filters.ts';
import { BOM, csvRecord } from './csv.ts';
import { csvNumber } from './csv-numbers.ts';
import { ensureSearchHits } from '../../queries/search-hits.ts';

export type DataFormat = 'csv' | 'parquet';

export interface DataExportOptions {
  signal: AbortSignal;
  progress(message: string, fraction?: number | null): void;
}

const CHUNK = 2_000;
const abortError = () => new DOMException('The export was cancelled.', 'AbortError');
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows → CSV parts, yielding between chunks so the page stays responsive. */
async function csvParts(columns: readonly string[], rows: Record<string, unknown>[], { signal, progress }: DataExportOptions): Promise<string[]> {
  const parts = [BOM + csvRecord(columns) + '\r\n'];
  for (let start = 0; start < rows.length; start += CHUNK) {
    if (signal.aborted) throw abortError();
    // Scores to three decimals, as a reader expects (Parquet keeps them exact).
    const chunk = rows.slice(start, start + CHUNK).map((r) => csvRecord(columns.map((c) => csvNumber(r[c], undefined))) + '\r\n');
    parts.push(chunk.join(''));
    progress(`Writing CSV: ${Math.min(start + CHUNK, rows.length).toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows`, (start + CHUNK) / rows.length);
    await nextTask();
  }
  return parts;
}

/** The export as a file body. */
export async function runDataExport(
  db: DatabaseState['db'],
  table: ExportTable,
  format: DataFormat,
  filters: Filters,
  options: DataExportOptions,
): Promise<{ blob: Blob }> {
  const { signal, progress } = options;
  const sql = exportSql(table, filters);
  await ensureSearchHits(db, filters.q);
  if (format === 'csv') {
    progress('Selecting the matching rows…');
    const rows = await db.query<Record<string, unknown>>(sql, { signal, label: `dataExport.${table}` });
    const parts = await csvParts(EXPORT_COLUMNS[table], rows, options);
    return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) };
  }
  progress('Loading the Parquet writer…');
  const [{ loadParquetWasm }, { ipcToParquet }] = await Promise.all([import('../../lib/parquet-wasm.ts'), import('./parquet.ts')]);
  const parquet = await loadParquetWasm();
  if (signal.aborted) throw abortError();
  progress('Selecting the matching rows…', 0.3);
  const ipc = await db.queryArrowIPC(sql, { signal, label: `dataExport.${table}` });
  if (signal.aborted) throw abortError();
  progress('Writing Parquet…', 0.6);
  await nextTask();
  const bytes = ipcToParquet(parquet, ipc);
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' }) };
}
