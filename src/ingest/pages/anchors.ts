/**
 * The lines that start a review on a partnership page: a dated heading
 * ("Anna - Published September 2023", "Child B (published 10/10/13)"), a typed
 * heading ("Child R - Serious Case Review", "Child A Action Plan") or the
 * sentence naming the case ("A Serious Case Review has been undertaken ...
 * case of 'Sophie'").
 */
import type { ReviewType } from '../../schema/records.ts';
import { DATE_SOURCE, parsePublishedDate } from './dates.ts';
import { findReviewType, reviewTypeOf, splitLeadingType, splitTrailingType } from './review-types.ts';

export interface ReviewAnchor {
  case: string;
  type: ReviewType | null;
  published: string | null;
  /** True when the name is a case pseudonym ("Child B") rather than a document title. */
  looksLikeCase: boolean;
}

/** Words that make a short title a section heading ("Local Learning Review") rather than a case name. */
const GENERIC_WORDS = new Set(
  (
    'the our their this these all other new previous published recent local national multi-agency ' +
    'multiagency children safeguarding practice learning serious rapid thematic about what how why when ' +
    'list more further criteria view read download final full summary report reports review reviews panel ' +
    'partnership board process guidance framework case cases briefing briefings statement plan lessons ' +
    'click here executive overview'
  ).split(' '),
);
const CONNECTIVES = new Set(['and', '&']);
const QUOTES = /['‘’"“”]/g;

/** Whether a short title reads like a case pseudonym: "Child K", "Prada and Jordan", "Child A, B and C". */
export function isCaseName(name: string): boolean {
  const words = name.replace(QUOTES, '').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  if (words.length === 1 && /^(?:child|baby)$/i.test(words[0]!)) return false;
  return words.every((word) => {
    const bare = word.replace(/[,;]$/, '');
    if (CONNECTIVES.has(bare)) return true;
    return /^[A-Z0-9]/.test(bare) && !GENERIC_WORDS.has(bare.toLowerCase());
  });
}

/** Titles in a dated list may be descriptive ("Thematic review of child neglect") but not prose. */
function isListedTitle(title: string): boolean {
  const words = title.split(/\s+/).filter(Boolean);
  return /^[A-Z0-9‘'"“]/.test(title) && words.length <= 12 && !/[.;!?]$|\.\s/.test(title);
}

/** Name and type from a heading title: "Child X - Serious Case Review" → Child X, serious-case-review. */
function nameAndType(title: string): { name: string; type: ReviewType | null } {
  const trailing = splitTrailingType(title);
  if (trailing && isCaseName(trailing.before)) return { name: trailing.before, type: trailing.type };
  const leading = splitLeadingType(title);
  if (leading && isCaseName(leading.after)) return { name: leading.after, type: leading.type };
  return { name: title, type: findReviewType(title) };
}

const DATED_HEADING = new RegExp(
  `^(.{2,120}?)\\s*(?:[-–—:|,]\\s*|\\(\\s*)published:?\\s+(?:on\\s+|in\\s+)?(${DATE_SOURCE})\\s*\\)?(?:\\s*[-–—:|]?\\s*(.*))?$`,
  'i',
);

/** "Anna - Published September 2023" / "Child B (published 10/10/13) For legal reasons ...". */
export function datedHeading(line: string): ReviewAnchor | null {
  const m = DATED_HEADING.exec(line);
  if (!m) return null;
  const title = m[1]!.replace(/[\s\-–—:|,(]+$/, '').replace(QUOTES, '').trim();
  const published = parsePublishedDate(m[2]!);
  if (!published || !isListedTitle(title)) return null;
  const { name, type } = nameAndType(title);
  // "Child Y - Published 2021 - Rapid Review": the type may follow the date.
  const typeAfterDate = m[3] ? findReviewType(m[3]) : null;
  return { case: name, type: type ?? typeAfterDate, published, looksLikeCase: isCaseName(name) };
}

/** "Child R - Serious Case Review", "Child A Action Plan", "Serious Case Review: Child X". */
export function typedHeading(line: string): ReviewAnchor | null {
  const { name, type } = nameAndType(line.trim());
  if (!type || name === line.trim() || !isCaseName(name)) return null;
  return { case: name, type, published: null, looksLikeCase: true };
}

const UNDERTAKEN_SENTENCE =
  /\b(?:A|An|The)\s+([A-Za-z -]{3,70}?)\s+(?:has|had|have)\s+been\s+(?:undertaken|completed|commissioned|carried out|conducted|published)\b[^.'‘’"“”]{0,80}?\b(?:case of|known as|concerning|regarding|into)\s+(?:the\s+)?['‘’"“”]([^'‘’"“”]{1,60})['‘’"“”]/i;

/** "A Serious Case Review has been undertaken ... the case of 'Sophie'" → Sophie, serious-case-review. */
export function undertakenSentence(line: string): ReviewAnchor | null {
  const m = UNDERTAKEN_SENTENCE.exec(line);
  if (!m || !/\b(?:review|plan)\b/i.test(m[1]!)) return null;
  const name = m[2]!.trim();
  if (!name) return null;
  const type = reviewTypeOf(m[1]!) ?? findReviewType(m[1]!) ?? 'other';
  return { case: name, type, published: null, looksLikeCase: true };
}
