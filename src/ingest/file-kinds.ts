/** Which files the import accepts, how each is read, and the size limit. */

export type MetadataKind = 'csv' | 'tsv' | 'xlsx' | 'json' | 'jsonl' | 'parquet';
export type DocumentKind = 'pdf' | 'docx' | 'html' | 'text';
export type FileKind = MetadataKind | DocumentKind | 'catalogue';

/**
 * Whole files are read into memory (parsers need all the bytes), so large
 * files are refused rather than streamed; review reports are rarely above 20 MB.
 */
export const MAX_FILE_MB = 50;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

const BY_EXTENSION: Record<string, FileKind> = {
  csv: 'csv', tsv: 'tsv', tab: 'tsv', xlsx: 'xlsx', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', parquet: 'parquet',
  pdf: 'pdf', docx: 'docx', html: 'html', htm: 'html', txt: 'text', md: 'text', markdown: 'text',
};

const OLD_FORMATS: Record<string, string> = {
  doc: 'an old Word .doc file: open it in Word and save it as .docx (or PDF), then import that',
  xls: 'an old Excel .xls file: open it in Excel and save it as .xlsx or CSV UTF-8, then import that',
  rtf: 'a rich text file: save it as .docx, PDF or plain text, then import that',
  odt: 'an OpenDocument text: save it as .docx or PDF, then import that',
  ods: 'an OpenDocument spreadsheet: save it as .xlsx or CSV UTF-8, then import that',
};

export const isMetadataKind = (k: FileKind): k is MetadataKind => ['csv', 'tsv', 'xlsx', 'json', 'jsonl', 'parquet'].includes(k);
export const isDocumentKind = (k: FileKind): k is DocumentKind => ['pdf', 'docx', 'html', 'text'].includes(k);

export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION).map((e) => `.${e}`);

const extensionOf = (name: string) => (name.match(/\.([a-z0-9]+)$/i)?.[1] ?? '').toLowerCase();

/** The kind of a file, or a message saying why it cannot be imported. */
export function fileKind(name: string, size: number): { kind: FileKind } | { problem: string } {
  const ext = extensionOf(name);
  if (OLD_FORMATS[ext]) return { problem: `${name} is ${OLD_FORMATS[ext]}.` };
  const kind = BY_EXTENSION[ext];
  if (!kind) return { problem: `${name}: files of this type cannot be imported. Import PDF, Word (.docx), HTML, text or Markdown documents, or CSV, TSV, Excel (.xlsx), JSON, JSON Lines or Parquet metadata.` };
  if (size === 0) return { problem: `${name} is empty (0 bytes). Check that the file was saved completely, then import it again.` };
  if (size > MAX_FILE_BYTES) {
    return { problem: `${name} is ${(size / 1024 / 1024).toFixed(0)} MB, over the ${MAX_FILE_MB} MB limit for one file. Split it (e.g. one file per review) or export the text only, then import the parts.` };
  }
  return { kind };
}

/** True when bytes start with a format's signature; catches renamed or corrupt files early. */
export function signatureProblem(name: string, kind: FileKind, bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (kind === 'pdf' && !head.startsWith('%PDF-')) return `${name} is not a PDF (it does not start like one). It may be damaged or renamed; open it and save it as PDF again.`;
  if ((kind === 'docx' || kind === 'xlsx') && !head.startsWith('PK')) return `${name} is not a valid .${kind} file (it is not a zip package). It may be damaged, password-protected or renamed; open it and save it again.`;
  if (kind === 'parquet' && !head.startsWith('PAR1')) return `${name} is not a Parquet file (it does not start with PAR1).`;
  return null;
}
