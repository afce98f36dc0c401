/** The first sheet of an .xlsx workbook as rows of cells (read-excel-file: pure JS, no network). */
export async function xlsxToGrid(bytes: Uint8Array): Promise<unknown[][]> {
  const { readSheet } = await import('read-excel-file/browser');
  const copy = bytes.slice().buffer;
  return (await readSheet(copy)) as unknown[][];
}
