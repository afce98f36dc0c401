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

const notUtf8Note = (fileName: string) =>
  `${fileName} is not UTF-8; it was read as Windows-1252 (Western European). If accented letters or £ signs look wrong, save it as "CSV UTF-8" and import it again.`;

/** Decodes bytes as UTF-8 (BOM dropped) or, failing that, as Windows-1252 with a note. */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), note: null };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: notUtf8Note(fileName) };
  }
}

/** Bytes decoded between pauses: a few milliseconds of work. */
const DECODE_SLICE_BYTES = 1 << 22;

function* decodeSlices(decoder: TextDecoder, bytes: Uint8Array): Generator<void, string[], void> {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += DECODE_SLICE_BYTES) {
    if (at > 0) yield;
    parts.push(decoder.decode(bytes.subarray(at, at + DECODE_SLICE_BYTES), { stream: at + DECODE_SLICE_BYTES < bytes.length }));
  }
  parts.push(decoder.decode());
  return parts;
}

/** Decoded text in consecutive parts, as decodeText would read it whole, and its note. */
export interface DecodedParts {
  parts: string[];
  note: string | null;
}

/**
 * The same as decodeText, a few megabytes at a time with `pause` between
 * (decoding a 48 MB file in one call holds the page for a fifth of a second),
 * left in parts: joining them is one more copy of the whole text in one go.
 */
export async function decodePartsInSlices(bytes: Uint8Array, fileName: string, pause: () => Promise<void>): Promise<DecodedParts> {
  const run = async (decoder: TextDecoder, from = 0) => {
    const steps = decodeSlices(decoder, bytes.subarray(from));
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) return next.value;
      await pause();
    }
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { parts: await run(new TextDecoder('utf-16le'), 2), note: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { parts: await run(new TextDecoder('utf-16be'), 2), note: null };
  try {
    return { parts: await run(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })), note: null };
  } catch {
    return { parts: await run(new TextDecoder('windows-1252')), note: notUtf8Note(fileName) };
  }
}

/** decodePartsInSlices, joined. */
export async function decodeTextInSlices(bytes: Uint8Array, fileName: string, pause: () => Promise<void>): Promise<DecodedText> {
  const { parts, note } = await decodePartsInSlices(bytes, fileName, pause);
  return { text: parts.join(''), note };
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
