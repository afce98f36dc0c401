/**
 * A dropped or named file's bytes → the page text the reader takes, or a
 * message saying what to do. Used by the CLI and the Import view alike, so
 * both read a page to the same lines. UTF-8 and UTF-16 are read as such; a
 * page that declares another charset is decoded with it; undeclared bytes
 * that are not UTF-8 are read as Windows-1252 and the note says so.
 */
import { htmlAddress, htmlText, looksLikeHtml } from './html-text.ts';

export type PageText = { text: string; address: string | null; note: string | null } | { error: string };

// Windows-1252's printable characters at 0x80-0x9F (some runtimes decode these bytes as C1 controls).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

const BINARY = 'it looks binary, not a web page or text; save the page as HTML ("Web page, HTML only") or copy its text';

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta\b[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^@charset\s+"([\w-]+)"/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decode(bytes: Uint8Array, fileName: string): { text: string; note: string | null } | { error: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: null };
  if (bytes.subarray(0, 8192).includes(0)) return { error: `${fileName}: ${BINARY}` };
  const charset = declaredCharset(bytes);
  if (charset && /^(?:windows-1252|iso-8859-1|latin-?1|us-ascii|ascii|cp1252)$/.test(charset)) {
    return { text: windows1252(bytes), note: `${fileName} declares the ${charset} encoding; it was read in that encoding.` };
  }
  if (charset && !/^utf-?8$/.test(charset)) {
    try {
      return { text: new TextDecoder(charset).decode(bytes), note: `${fileName} declares the ${charset} encoding; it was read in that encoding.` };
    } catch {
      return { error: `${fileName}: the page declares the encoding "${charset}", which cannot be read here; open it in a browser and save it again as UTF-8, or copy and paste its text` };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    return {
      text: windows1252(bytes),
      note: `${fileName} is not UTF-8; it was read as Windows-1252 (Western European). If names or dashes look wrong, save the page again as UTF-8.`,
    };
  }
}

/** The text of a page file: HTML is reduced to its visible lines, plain text is kept as it is. */
export function pageTextFromBytes(bytes: Uint8Array, fileName: string): PageText {
  if (bytes.length === 0) return { error: `${fileName}: file is empty; save or copy the page again` };
  const decoded = decode(bytes, fileName);
  if ('error' in decoded) return decoded;
  return pageTextFromString(decoded.text, fileName, decoded.note);
}

/** The same for text already in hand (pasted text, or HTML pasted as source). */
export function pageTextFromString(raw: string, fileName: string, note: string | null = null): PageText {
  const source = raw.replace(/^\ufeff/, '');
  const html = looksLikeHtml(source, fileName);
  const text = html ? htmlText(source) : source;
  if (!/\p{L}/u.test(text)) return { error: `${fileName}: there is no text to read; copy the part of the page that lists the reviews and briefings` };
  return { text, address: html ? htmlAddress(source) : null, note };
}
