/**
 * Text files from office machines are often Windows-1252 ("ANSI"), not UTF-8.
 * We read UTF-8 when the bytes are valid UTF-8, otherwise decode them as
 * Windows-1252 and say so, so "Zoë" or "£" arrive intact either way.
 */

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and a fallback was used. */
  note: string | null;
}

/** Decodes bytes as UTF-8 (BOM dropped) or, failing that, as Windows-1252 with a note. */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), note: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: `${fileName} is not UTF-8; it was read as Windows-1252 (Western European). If accented letters or £ signs look wrong, save it as "CSV UTF-8" and import it again.`,
    };
  }
}

/** The delimiter of a delimited text file, from its first line (tab, semicolon, else comma). */
export function sniffDelimiter(text: string, fileName: string): ',' | '\t' | ';' {
  if (/\.tsv$|\.tab$/i.test(fileName)) return '\t';
  const first = text.slice(0, text.search(/\r?\n/) >>> 0 || 2000);
  const count = (c: string) => first.split(c).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas) return '\t';
  if (semis > commas) return ';';
  return ',';
}
