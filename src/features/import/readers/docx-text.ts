/** The text of a .docx with mammoth's browser build (raw text only: no HTML is produced or shown). */
import { FileProblem } from '../../../ingest/read-metadata.ts';

/** Paragraphs of the document body, separated by blank lines. */
export async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  const { default: mammoth } = await import('mammoth/mammoth.browser.js');
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ arrayBuffer: bytes.slice().buffer }));
  } catch (err) {
    throw new FileProblem(`${fileName} could not be read as a Word document (${(err as Error).message}). Open it in Word and save it again as .docx.`, { cause: err });
  }
  const text = value.replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw new FileProblem(`${fileName}: no text found in this Word document.`);
  return text;
}
