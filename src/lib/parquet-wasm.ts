/** Starts parquet-wasm once, from the app's own copy of its wasm (never a CDN). */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
type ParquetWasm = typeof import('parquet-wasm/esm');

let ready: Promise<ParquetWasm> | null = null;

/** The initialised parquet-wasm module; the ~5 MB wasm is fetched on first use only. */
export function loadParquetWasm(): Promise<ParquetWasm> {
  ready ??= import('parquet-wasm/esm')
    .then(async (mod) => {
      await mod.default({ module_or_path: wasmUrl });
      return mod;
    })
    .catch((err: unknown) => {
      ready = null; // let a later attempt retry
      throw err;
    });
  return ready;
}
