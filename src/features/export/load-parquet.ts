/** Starts parquet-wasm once, from the app's own copy of its wasm (never a CDN). */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetModule } from './parquet.ts';

let ready: Promise<ParquetModule> | null = null;

/** The initialised parquet-wasm module; the ~5 MB wasm is fetched on first use only. */
export function loadParquetWasm(): Promise<ParquetModule> {
  ready ??= import('parquet-wasm/esm')
    .then(async (mod) => {
      await mod.default({ module_or_path: wasmUrl });
      return mod;
    })
    .catch((err: unknown) => {
      ready = null; // let a later click retry
      throw err;
    });
  return ready;
}
