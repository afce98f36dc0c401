/**
 * The text layer of a PDF with pdf.js. Its worker is served by the app; fonts,
 * character maps and scripting are never fetched or run: we only read text.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { FileProblem } from '../../../ingest/read-metadata.ts';

/** Below this many characters per page on average, a PDF is taken for a scan. */
const MIN_CHARS_PER_PAGE = 20;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export interface PdfProgress {
  page: number;
  pages: number;
}

/** Extracts the text of every page; pages are separated by blank lines. */
export async function pdfText(bytes: Uint8Array, fileName: string, onPage?: (p: PdfProgress) => void, signal?: AbortSignal): Promise<string> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({
    data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false,
    stopAtErrors: false, verbosity: 0, disableAutoFetch: true, disableStream: true,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new FileProblem(`${fileName} is password-protected. Open it, save a copy without the password, and import that.`, { cause: err });
    throw new FileProblem(`${fileName} could not be opened as a PDF (${(err as Error).message}). It may be damaged: download or export it again.`, { cause: err });
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new DOMException('Import cancelled.', 'AbortError');
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push((content.items as TextItemLike[]).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join('').replace(/[ \t]+\n/g, '\n').trim());
      onPage?.({ page: n, pages: doc.numPages });
    }
    const text = pages.filter(Boolean).join('\n\n');
    if (text.replace(/\s/g, '').length < MIN_CHARS_PER_PAGE * doc.numPages) {
      throw new FileProblem(`${fileName}: no text found: this looks like a scanned document. Run it through text recognition (OCR) and import the result, or import the report's Word version.`);
    }
    return text;
  } finally {
    void doc.destroy();
  }
}
