/**
 * mapRecords over a big table a slice of rows at a time, yielding to the page
 * between slices so a 100,000-row sheet does not freeze it. Rows map
 * independently but for two things the slices share: partnerships, merged by
 * id, and the made-up review ids (a name repeated years apart gets its year).
 */
import type { ColumnMapping } from './fields.ts';
import { emptyRecords, mapRecords, type ImportRecords, type MapContext } from './metadata-records.ts';
import type { RawTable } from './raw-table.ts';

/**
 * Rows mapped between pauses: 1,000 rows took 60-85 ms of main-thread time in a trace of the 48 MB file
 * (the garbage collector's share included), several times that in wall time on a loaded machine.
 */
export const SLICE_ROWS = 400;

/** Same result as mapRecords(table, mapping, ctx); `pause` runs between slices, `signal` stops it. */
export async function mapRecordsInSlices(
  table: RawTable, mapping: ColumnMapping, context: MapContext, options: { pause?: () => Promise<void>; signal?: AbortSignal } = {},
): Promise<ImportRecords> {
  if (table.rows.length <= SLICE_ROWS) return mapRecords(table, mapping, context);
  const ctx: MapContext = { ...context, madeUpIds: context.madeUpIds ?? new Map() };
  const out = emptyRecords();
  const partnerships = new Set<string>();
  for (let at = 0; at < table.rows.length; at += SLICE_ROWS) {
    if (at > 0) {
      await options.pause?.();
      options.signal?.throwIfAborted();
    }
    const part = mapRecords({ ...table, rows: table.rows.slice(at, at + SLICE_ROWS), firstRowNumber: table.firstRowNumber + at }, mapping, ctx);
    for (const p of part.partnerships) if (!partnerships.has(p.id)) (partnerships.add(p.id), out.partnerships.push(p));
    for (const key of ['reviews', 'briefings', 'tags', 'problems', 'rows'] as const) {
      const target = out[key] as unknown[];
      for (const x of part[key]) target.push(x);
    }
  }
  return out;
}
