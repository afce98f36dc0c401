import { readBlobInSlices } from '../../lib/read-blob.ts';
import { downloadBlob } from '../../lib/download.ts';

/** Saves bytes or text as a file (a blob: link; nothing leaves the device). */
export function downloadBytes(bytes: Uint8Array | string, fileName: string, type: string): void {
  downloadBlob(new Blob([bytes as BlobPart], { type }), fileName);
}

/** Today's date as YYYY-MM-DD (local time), for file names. */
export function today(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Reads a chosen file's bytes (a slice at a time: a big archive read whole holds the page). */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return readBlobInSlices(file);
}

/** Bytes as "12.3 kB" / "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}
