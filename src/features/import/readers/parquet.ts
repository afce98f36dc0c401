/** Parquet → Arrow IPC with parquet-wasm; its wasm is served by the app (Vite `?url`), loaded on first use. */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<typeof import('parquet-wasm/esm')> | null = null;

function parquetWasm() {
  ready ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: wasmUrl });
    return m;
  });
  return ready;
}

/** Decodes a whole Parquet file into an Arrow IPC stream. */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  const { readParquet } = await parquetWasm();
  return readParquet(bytes).intoIPCStream();
}
