/**
 * A document's title as its first page shows it: the first line that reads
 * like a heading (short, has letters, not a page number, running header or
 * "Contents"). Used to prefill a new review's title when a document is
 * imported on its own.
 */
const SKIP = /^(?:page\s*\d+|\d+|contents|table of contents|official(?:[- ]sensitive)?|confidential|draft|final)$/i;

/** The heading of a document's text, or null when no line looks like one. */
export function documentHeading(text: string): string | null {
  for (const raw of text.split(/\r?\n/).slice(0, 40)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line.length < 4 || line.length > 140) continue;
    if (!/[a-z]/i.test(line) || SKIP.test(line)) continue;
    // A sentence (ends with a full stop and runs long) is body text, not a heading.
    if (/[.;]$/.test(line) && line.split(' ').length > 12) continue;
    return line.replace(/[:\-–\s]+$/, '');
  }
  return null;
}
