/**
 * Splits a large Arrow IPC stream into one stream per record batch. DuckDB-WASM
 * copies each inserted stream into its wasm heap, which never shrinks: inserting
 * a 300 MB table whole leaves 300 MB of dead heap behind; in batches, only one
 * batch's worth.
 */

/** Streams of at most about one record batch each; a stream under `maxBytes` is passed through as is. */
export async function ipcBatches(ipc: Uint8Array, maxBytes = 16 * 2 ** 20): Promise<Uint8Array[]> {
  if (ipc.byteLength <= maxBytes) return [ipc];
  const { RecordBatchReader, Table, tableToIPC } = await import('apache-arrow');
  const out: Uint8Array[] = [];
  for (const batch of RecordBatchReader.from(ipc)) out.push(tableToIPC(new Table([batch]), 'stream'));
  return out;
}
