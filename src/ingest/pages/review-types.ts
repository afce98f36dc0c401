/**
 * Review-type phrases as pages write them, mapped onto the controlled
 * ReviewType list. Longer phrases come first so "national child safeguarding
 * practice review" is not read as a local one.
 */
import type { ReviewType } from '../../schema/records.ts';

const TYPE_PHRASES: ReadonlyArray<readonly [source: string, type: ReviewType]> = [
  ['national (?:child safeguarding practice )?review', 'national-review'],
  // "Local Safeguarding Child Practice Review", "Safeguarding Practice Review" and their abbreviations name the same statutory review.
  ['(?:local )?(?:child safeguarding|safeguarding child(?:ren)?|safeguarding) practice review|l?cspr|lscpr|spr', 'child-safeguarding-practice-review'],
  ['serious case review|scr', 'serious-case-review'],
  ['(?:(?:alternative|practice|multi-agency|local|partnership) )*learning (?:lessons )?review|learning lessons review|llr', 'learning-review'],
  ['rapid review', 'rapid-review'],
  ['thematic review', 'thematic-review'],
  ['action plan', 'action-plan'],
];

const ANY_TYPE_SOURCE = TYPE_PHRASES.map(([source]) => `(?:${source})`).join('|');

/** The review type a phrase names ("Alternative Learning Review" → learning-review), or null. */
export function reviewTypeOf(phrase: string): ReviewType | null {
  const s = phrase.trim().replace(/\s+/g, ' ');
  for (const [source, type] of TYPE_PHRASES) {
    if (new RegExp(`^(?:${source})$`, 'i').test(s)) return type;
  }
  return null;
}

/** The first review type named anywhere in a text, or null. */
export function findReviewType(text: string): ReviewType | null {
  const m = new RegExp(`\\b(${ANY_TYPE_SOURCE})s?\\b`, 'i').exec(text);
  return m ? reviewTypeOf(m[1]!) : null;
}

/**
 * Splits "Child R - Serious Case Review" into the part before the trailing
 * type phrase and the type; null when the text does not end in one.
 */
export function splitTrailingType(text: string): { before: string; type: ReviewType } | null {
  const m = new RegExp(`^(.*?)[\\s\\-–—:|]*\\b(${ANY_TYPE_SOURCE})$`, 'i').exec(text.trim());
  if (!m) return null;
  const type = reviewTypeOf(m[2]!);
  return type ? { before: m[1]!.trim(), type } : null;
}

/**
 * The type to assume for a listed case whose page never names its type.
 * Serious case reviews were replaced by child safeguarding practice reviews
 * under Working Together 2018 (transition ending 2019), so a case published
 * before 2019 was a serious case review; after that the page must say.
 */
export function assumedReviewType(published: string | null, looksLikeCase: boolean): ReviewType {
  const year = published ? Number(published.slice(0, 4)) : NaN;
  return looksLikeCase && year < 2019 ? 'serious-case-review' : 'other';
}

/** Splits "Serious Case Review: Child X" into the type and the text after it; null otherwise. */
export function splitLeadingType(text: string): { after: string; type: ReviewType } | null {
  const m = new RegExp(`^(${ANY_TYPE_SOURCE})\\s*[\\-–—:|]\\s*(.+)$`, 'i').exec(text.trim());
  if (!m) return null;
  const type = reviewTypeOf(m[1]!);
  return type ? { after: m[2]!.trim(), type } : null;
}
