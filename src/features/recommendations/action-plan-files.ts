/**
 * Action plan files: the filtered list as CSV or Excel (write-excel-file, a
 * small pure-JS writer by the author of the reader the app already uses), and
 * a CSV or Excel file read back into cells for readActionPlan.
 */
import { actionPlanGrid, parseCsv, type ActionPlanRow } from '../../recommendations/action-plan.ts';
import { toCsv } from '../../lib/csv.ts';
import { xlsxToGrid } from '../import/readers/xlsx.ts';

export function actionPlanCsv(rows: readonly ActionPlanRow[]): Blob {
  const [header, ...body] = actionPlanGrid(rows);
  return new Blob([toCsv(header!.map(String), body)], { type: 'text/csv;charset=utf-8' });
}

export async function actionPlanXlsx(rows: readonly ActionPlanRow[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const grid = actionPlanGrid(rows);
  const data = grid.map((row, i) => row.map((v) => (v === null || v === '' ? null : i === 0 ? { value: String(v), fontWeight: 'bold' as const } : { value: v })));
  return writeXlsxFile(data, { sheet: 'Action plan', stickyRowsCount: 1, columns: [24, 28, 28, 8, 70, 28, 22, 18, 22, 14, 40].map((width) => ({ width })) }).toBlob();
}

/** The cells of an action plan file; throws with a message naming the file when it cannot be read. */
export async function readActionPlanFile(file: File): Promise<unknown[][]> {
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (name.endsWith('.xlsx')) {
    try {
      return await xlsxToGrid(bytes);
    } catch (err) {
      throw new Error(`“${file.name}” cannot be read as an Excel workbook (${err instanceof Error ? err.message : String(err)}). Save it again as .xlsx or CSV.`);
    }
  }
  if (name.endsWith('.csv') || file.type === 'text/csv') return parseCsv(new TextDecoder().decode(bytes));
  throw new Error(`“${file.name}” is not an action plan file: choose the .csv or .xlsx file exported here.`);
}
