/**
 * Reads a metadata file into a RawTable. CSV/TSV go through DuckDB's core CSV
 * reader and JSON through duckdb-wasm's own JSON reader (no extensions);
 * Parquet and Excel are decoded by the readers passed in (parquet-wasm and
 * read-excel-file in the browser), Parquet landing in DuckDB as Arrow.
 */
import type { QueryRunner, WriteRunner } from '../queries/runner.ts';
import { jsonDepthProblem } from '../lib/json-depth.ts';
import { dropScratchSql, scratchColumnsSql, scratchRowsSql, scratchTable } from '../queries/import.ts';
import type { MetadataKind } from './file-kinds.ts';
import { cellText, rawTableFromGrid, type RawTable } from './raw-table.ts';
import { decodePartsInSlices, sniffDelimiter } from './text-encoding.ts';
import { readDelimited, yieldToPage } from './validate/csv-shape.ts';
import { parseJsonl } from '../lib/jsonl.ts';

export interface BinaryReaders {
  /** Parquet bytes → Arrow IPC stream bytes. */
  parquetToIPC(bytes: Uint8Array): Promise<Uint8Array>;
  /** The first sheet of an .xlsx workbook as rows of cells. */
  xlsxToGrid(bytes: Uint8Array): Promise<unknown[][]>;
}

/** A problem with the file as a whole; its message says what to fix, `details` what the reader reported. */
export class FileProblem extends Error {
  readonly details: string | null;
  constructor(message: string, options?: { cause?: unknown; details?: string }) {
    super(message, options);
    this.name = 'FileProblem';
    this.details = options?.details ?? (options?.cause instanceof Error ? options.cause.message : null);
  }
}

let counter = 0;

async function scratchRows(db: QueryRunner, table: string, firstRowNumber: number): Promise<RawTable> {
  const columns = (await db.query<{ column_name: string }>(scratchColumnsSql(table))).map((c) => c.column_name);
  const objects = await db.query<Record<string, unknown>>(scratchRowsSql(table), { label: 'import.scratch' });
  return { columns, rows: objects.map((o) => columns.map((c) => cellText(o[c]))), firstRowNumber, notes: [] };
}

/** JSON Lines → a JSON array, checking each line so a bad line is reported by number. */
function jsonLinesToArray(text: string, fileName: string): unknown[] {
  const deep = jsonDepthProblem(text, fileName);
  if (deep) throw new FileProblem(deep);
  const kept: unknown[] = [];
  for (const { line, value, error } of parseJsonl(text)) {
    if (error !== undefined || !value || typeof value !== 'object' || Array.isArray(value)) {
      throw new FileProblem(`${fileName}, line ${line}: not a JSON object. Each line of a JSON Lines file must be one {…} record.`);
    }
    kept.push(value);
  }
  if (!kept.length) throw new FileProblem(`${fileName} has no records.`);
  return kept;
}

function checkJsonArray(text: string, fileName: string): unknown[] {
  const deep = jsonDepthProblem(text, fileName);
  if (deep) throw new FileProblem(deep);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FileProblem(`${fileName} is not valid JSON. Check it in a JSON validator, or save it as CSV.`, { cause: err });
  }
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value).find(Array.isArray) : undefined;
  if (!list || !list.length || !list.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
    throw new FileProblem(`${fileName} must hold a list of records: [{"partnership": …, "case": …}, …].`);
  }
  return list;
}

/** The JSON reader sorts columns by name; put them back in the order the records give them. */
function inKeyOrder(t: RawTable, records: unknown[]): RawTable {
  const order: string[] = [];
  for (const r of records.slice(0, 50)) for (const k of Object.keys(r as object)) if (!order.includes(k)) order.push(k);
  const columns = [...t.columns].sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0));
  const at = columns.map((c) => t.columns.indexOf(c));
  return { ...t, columns, rows: t.rows.map((r) => at.map((i) => r[i] ?? null)) };
}

/** Reads one metadata file; throws FileProblem with a message for the user. */
export async function readMetadataFile(db: WriteRunner, fileName: string, kind: MetadataKind, bytes: Uint8Array, readers: BinaryReaders): Promise<RawTable> {
  const n = ++counter;
  const table = scratchTable(n);
  const registered = `import-${n}.${kind === 'jsonl' ? 'json' : kind}`;
  const notes: string[] = [];
  try {
    if (kind === 'xlsx') {
      const grid = await readers.xlsxToGrid(bytes).catch((err: unknown) => {
        if ((err as Error)?.name === 'ExpansionLimitError') {
          throw new FileProblem(`${fileName} cannot be opened: ${(err as Error).message}, more than a spreadsheet of review metadata needs. Save the sheet you need as CSV UTF-8 and import that.`, { cause: err });
        }
        throw new FileProblem(`${fileName} could not be read as an Excel workbook. If it is password-protected, remove the password; otherwise save it again as .xlsx or CSV UTF-8.`, { cause: err });
      });
      const t = rawTableFromGrid(grid);
      if (!t.rows.length) throw new FileProblem(`${fileName} has a header row but no data in its first sheet.`);
      return t;
    }
    if (kind === 'parquet') {
      const ipc = await readers.parquetToIPC(bytes).catch((err: unknown) => {
        throw new FileProblem(`${fileName} could not be read as Parquet. Save it again, or export the data as CSV UTF-8.`, { cause: err });
      });
      await db.createFromArrow(table, ipc);
      return await scratchRows(db, table, 1);
    }
    const decoded = await decodePartsInSlices(bytes, fileName, yieldToPage);
    if (decoded.note) notes.push(decoded.note);
    if (!decoded.parts.some((part) => /\S/.test(part))) throw new FileProblem(`${fileName} holds no text.`);
    if (kind === 'csv' || kind === 'tsv') {
      // Read here rather than by the engine's CSV reader: every record keeps its row number and its cell count.
      const delimiter = kind === 'tsv' ? '\t' : sniffDelimiter(decoded.parts[0]!, fileName);
      const grid = await readDelimited(decoded.parts, delimiter, { pause: yieldToPage });
      if (!grid.rows.length) throw new FileProblem(`${fileName} has a header row but no data rows.`);
      const columns = grid.header.map((h, i) => h || `Column ${i + 1}`);
      const rows = grid.rows.map((r) => (r.length === columns.length ? r : columns.map((_, i) => r[i] ?? null)));
      return { columns, rows, firstRowNumber: 2, notes, ragged: grid.ragged };
    }
    const text = decoded.parts.join('');
    const records = kind === 'jsonl' ? jsonLinesToArray(text, fileName) : checkJsonArray(text, fileName);
    await db.registerFile(registered, new TextEncoder().encode(JSON.stringify(records)));
    await db.insertJSONFile(table, registered).catch((err: unknown) => {
      throw new FileProblem(`${fileName} could not be read as JSON records. Check that every record is a flat {…} object, or save the data as CSV.`, { cause: err });
    });
    return { ...inKeyOrder(await scratchRows(db, table, 1), records), notes };
  } finally {
    await db.exec(dropScratchSql(table)).catch(() => undefined /* best-effort cleanup */);
    await db.dropFile(registered).catch(() => undefined /* best-effort cleanup */);
  }
}
