/** Parquet → Arrow IPC with parquet-wasm (loaded on first use by src/lib/parquet-wasm.ts). */
import { loadParquetWasm } from '../../../lib/parquet-wasm.ts';

/** Decodes a whole Parquet file into an Arrow IPC stream. */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  const { readParquet } = await loadParquetWasm();
  return readParquet(bytes).intoIPCStream();
}
