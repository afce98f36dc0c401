import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Float64, Int32, Utf8, tableFromIPC, tableToIPC, vectorFromArray, Table } from 'apache-arrow';
import * as parquet from 'parquet-wasm/esm';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows } from '../../db/arrow-rows.ts';
import { ipcToParquet } from './parquet.ts';

beforeAll(() => {
  const wasm = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
  parquet.initSync({ module: readFileSync(wasm) });
});

describe('ipcToParquet', () => {
  it('writes the column types DuckDB exports (text, integer, double, nulls) as Parquet that reads back the same', () => {
    const table = new Table({
      record_type: vectorFromArray(['review', 'briefing'], new Utf8()),
      title: vectorFromArray(['Child A', 'Ünïcode, "quoted"'], new Utf8()),
      year: vectorFromArray([2021, null], new Int32()),
      score: vectorFromArray([0.8, 1], new Float64()),
      themes: vectorFromArray(['Neglect (0.80); Domestic abuse (1.00)', null], new Utf8()),
    });
    const bytes = ipcToParquet(parquet, tableToIPC(table, 'stream'));
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
    expect(new TextDecoder().decode(bytes.subarray(-4))).toBe('PAR1');
    const back = tableFromIPC(parquet.readParquet(bytes).intoIPCStream());
    expect(arrowToRows(back)).toEqual([
      { record_type: 'review', title: 'Child A', year: 2021, score: 0.8, themes: 'Neglect (0.80); Domestic abuse (1.00)' },
      { record_type: 'briefing', title: 'Ünïcode, "quoted"', year: null, score: 1, themes: null },
    ]);
  });
});
