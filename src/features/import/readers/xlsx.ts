/** The first sheet of an .xlsx workbook as rows of cells (read-excel-file: pure JS, no network). */
import { yieldToPage } from '../../../ingest/validate/csv-shape.ts';
import { checkZipExpansion } from '../../../lib/bounded-unzip.ts';

/** Review metadata fits in far less; a workbook expanding past this is refused before it is read. */
export const XLSX_MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

/** Rows of the first sheet; throws ExpansionLimitError for a workbook that expands past the limit. */
export async function xlsxToGrid(bytes: Uint8Array): Promise<unknown[][]> {
  await checkZipExpansion(bytes, { maxBytes: XLSX_MAX_EXPANDED_BYTES, maxEntries: 10_000 }, yieldToPage);
  const { readSheet } = await import('read-excel-file/browser');
  const copy = bytes.slice().buffer;
  return (await readSheet(copy)) as unknown[][];
}
