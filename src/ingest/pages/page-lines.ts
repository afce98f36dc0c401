/**
 * Small line classifiers the page parser needs besides anchors and briefings:
 * list items, the line that introduces a list of findings, and headings that
 * end the current review's section.
 */
import { DATE_SOURCE, parsePublishedDate } from './dates.ts';

const BULLET = /^(?:[•●▪◦■□➢►·*]|[-–—](?=\s)|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(.+)$/;

/** The text of a bulleted or numbered list item, or null for other lines. */
export function listItemText(line: string): string | null {
  const m = BULLET.exec(line.trim());
  if (!m) return null;
  const text = m[1]!
    // Footnote markers glued to a closing bracket: "(Children Act 1989)1 were".
    .replace(/\)\d{1,2}(?=\s|$)/g, ')')
    // List items end with joiners ("...; and") that only made sense in the list.
    .replace(/(?:[\s;,]|\s(?:and|or))+$/i, '')
    .trim();
  return text || null;
}

/** "The reasons for this include:" / "Key findings:" — a list of findings follows. */
export function introducesFindings(line: string): boolean {
  return /\b(?:reasons?|findings?|learning|lessons|issues|conclu\w*|themes?|key points)\b[^:]*:$/i.test(line.trim());
}

/**
 * A page-level heading ("NSPCC Case Reviews pages", "Further resources") closes
 * the current review, so briefings listed after it are not pinned on that review.
 */
export function isPageLevelHeading(line: string): boolean {
  const text = line.trim();
  const words = text.split(/\s+/).length;
  if (words > 14 || /[.:;,?!]$/.test(text) || !/^[A-Z]/.test(text)) return false;
  return /\b(?:reviews|briefings|resources|links|pages|publications|contacts?)\b/i.test(text) || /^(?:Further|Other|Related|Useful)\b/.test(text);
}

const PUBLISHED_LINE = new RegExp(`^(?:date )?published:?\\s+(?:on\\s+|in\\s+)?(${DATE_SOURCE})\\.?$`, 'i');

/** A line that is only a publication date ("Published: 3 May 2021"), as a date, or null. */
export function publishedLine(line: string): string | null {
  const m = PUBLISHED_LINE.exec(line.trim());
  return m ? parsePublishedDate(m[1]!) : null;
}
