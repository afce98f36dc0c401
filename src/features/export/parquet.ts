/**
 * Parquet written in the browser with parquet-wasm (Rust's arrow/parquet
 * compiled to wasm): DuckDB's own Parquet writer is an extension, unavailable
 * offline. Input is Arrow IPC stream bytes straight from DuckDB.
 */
import type * as ParquetWasm from 'parquet-wasm/esm';

/** The parts of parquet-wasm the writer needs (the browser and Node builds both provide them). */
export type ParquetModule = Pick<typeof ParquetWasm, 'Table' | 'writeParquet' | 'WriterPropertiesBuilder' | 'Compression'>;

/** Converts Arrow IPC stream bytes to a Snappy-compressed Parquet file (read by DuckDB, pandas, R arrow, Power BI). */
export function ipcToParquet(mod: ParquetModule, ipc: Uint8Array): Uint8Array {
  const table = mod.Table.fromIPCStream(ipc);
  const props = new mod.WriterPropertiesBuilder().setCompression(mod.Compression.SNAPPY).build();
  // writeParquet takes ownership of the table and the properties and frees them.
  return mod.writeParquet(table, props);
}
