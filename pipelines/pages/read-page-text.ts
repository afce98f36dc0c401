/**
 * Reads one page file for the CLI, turning every way a file can be unusable
 * (missing, a folder, empty, binary, an unreadable encoding) into a message
 * that says what to do next. Decoding and HTML reading are shared with the
 * Import view (src/ingest/pages/page-bytes.ts).
 */
import { readFileSync } from 'node:fs';
import { pageTextFromBytes, type PageText } from '../../src/ingest/pages/page-bytes.ts';

/** The file's page text, or an error message naming the file and the fix. */
export function readPageText(path: string): PageText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${path}: file not found; check the path` };
    if (code === 'EISDIR') return { error: `${path}: is a directory; pass the page files inside it` };
    return { error: `${path}: cannot read (${err instanceof Error ? err.message : String(err)})` };
  }
  if (bytes.toString('latin1').trim() === '') return { error: `${path}: file is empty; capture the page text again` };
  return pageTextFromBytes(new Uint8Array(bytes), path);
}
