import { describe, expect, it } from 'vitest';
import { guessMapping } from './fields.ts';
import { SLICE_ROWS, mapRecordsInSlices } from './map-in-slices.ts';
import { mapRecords } from './metadata-records.ts';
import { defaultMatcher } from './test-themes.ts';

describe('mapRecordsInSlices', () => {
  it('gives the same records as mapRecords, yielding between slices', async () => {
    const columns = ['Ref', 'Partnership', 'Case', 'Year', 'Themes'];
    const rows = Array.from({ length: 12_003 }, (_, i) => [`R-${i}`, `Shire ${i % 7}`, `Child ${i}`, i % 50 === 0 ? 'not a year' : String(2010 + (i % 15)), i % 3 ? 'neglect' : 'the weather']);
    const table = { columns, rows, firstRowNumber: 2, notes: [] };
    const ctx = { kind: 'review' as const, origin: 'import', matcher: defaultMatcher() };
    const mapping = guessMapping(columns, 'review');
    let pauses = 0;
    const sliced = await mapRecordsInSlices(table, mapping, ctx, { pause: async () => void pauses++ });
    // A pause between each two slices.
    expect(pauses).toBe(Math.ceil(rows.length / SLICE_ROWS) - 1);
    expect(sliced).toEqual(mapRecords(table, mapping, ctx));
  });
});
