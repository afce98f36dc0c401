/**
 * Fetches the dataset's filter-index.bin (written by `npm run data`), so the
 * dashboard answers filters while DuckDB starts. A dataset without the file
 * (built before it existed) simply waits for DuckDB: null, not an error.
 */
import { decodeFilterIndexFile, type FilterIndexFile } from '../queries/filter-index-file.ts';

export async function fetchFilterIndexFile(baseUrl: string, signal?: AbortSignal): Promise<FilterIndexFile | null> {
  const res = await fetch(`${baseUrl}filter-index.bin`, { signal });
  if (!res.ok) return null;
  const file = decodeFilterIndexFile(new Uint8Array(await res.arrayBuffer()));
  performance.mark('app:filter-index-ready');
  return file;
}
