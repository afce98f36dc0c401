/** A document file's plain text, whatever its kind; problems come back as FileProblem messages. */
import type { DocumentKind } from '../../../ingest/file-kinds.ts';
import { FileProblem } from '../../../ingest/read-metadata.ts';
import { decodeText } from '../../../ingest/text-encoding.ts';

export const MEDIA_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
};

export interface DocumentText {
  text: string;
  notes: string[];
}

/** Reads the text of one document file. */
export async function documentText(kind: DocumentKind, bytes: Uint8Array, fileName: string, signal?: AbortSignal): Promise<DocumentText> {
  if (kind === 'pdf') return { text: await (await import('./pdf-text.ts')).pdfText(bytes, fileName, undefined, signal), notes: [] };
  if (kind === 'docx') return { text: await (await import('./docx-text.ts')).docxText(bytes, fileName), notes: [] };
  const decoded = decodeText(bytes, fileName);
  const notes = decoded.note ? [decoded.note] : [];
  const text = kind === 'html' ? (await import('./html-text.ts')).htmlText(decoded.text) : decoded.text.replace(/\r\n?/g, '\n').trim();
  if (!text.trim()) throw new FileProblem(`${fileName}: no text found.`);
  return { text, notes };
}
