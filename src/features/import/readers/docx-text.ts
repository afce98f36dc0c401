/** The text of a .docx with mammoth's browser build (raw text only: no HTML is produced or shown). */
import { FileProblem } from '../../../ingest/read-metadata.ts';
import { yieldToPage } from '../../../ingest/validate/csv-shape.ts';
import { checkZipExpansion, ExpansionLimitError } from '../../../lib/bounded-unzip.ts';

/** A long report's document.xml is a few MB; a .docx expanding past this is refused before it is read. */
export const DOCX_MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

/** Paragraphs of the document body, separated by blank lines. */
export async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    await checkZipExpansion(bytes, { maxBytes: DOCX_MAX_EXPANDED_BYTES, maxEntries: 10_000 }, yieldToPage);
  } catch (err) {
    const what = err instanceof ExpansionLimitError ? `${err.message}, far more than a report needs` : 'it is not a valid Word (.docx) file';
    throw new FileProblem(`${fileName} cannot be opened: ${what}. Open it in Word and save it again as .docx, or save it as PDF.`, { cause: err });
  }
  const { default: mammoth } = await import('mammoth/mammoth.browser.js');
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ arrayBuffer: bytes.slice().buffer }));
  } catch (err) {
    throw new FileProblem(`${fileName} could not be read as a Word document. Open it in Word and save it again as .docx.`, { cause: err });
  }
  const text = value.replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw new FileProblem(`${fileName}: no text found in this Word document.`);
  return text;
}
