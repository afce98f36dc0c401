/**
 * Reads one captured page for the CLI, turning every way a file can be
 * unusable (missing, a folder, empty, binary) into a message that says what
 * to do next.
 */
import { readFileSync } from 'node:fs';

export type PageTextResult = { text: string } | { error: string };

const BINARY_HINT = 'it looks binary; save the page as plain UTF-8 text first';

const hasUtf16Bom = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xfe;

/** The file's text, or an error message naming the file and the fix. */
export function readPageText(path: string): PageTextResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${path}: file not found; check the path` };
    if (code === 'EISDIR') return { error: `${path}: is a directory; pass the page text files inside it` };
    return { error: `${path}: cannot read (${err instanceof Error ? err.message : String(err)})` };
  }
  // Saved-as-Unicode pages from Windows tools are UTF-16 with a BOM; they are text, not binary.
  const utf16 = hasUtf16Bom(bytes);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return { error: `${path}: ${BINARY_HINT}` };
  let text: string;
  try {
    text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `${path}: not valid UTF-8 text; ${BINARY_HINT}` };
  }
  if (text.trim() === '') return { error: `${path}: file is empty; capture the page text again` };
  return { text };
}
