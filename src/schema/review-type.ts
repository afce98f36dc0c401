/** Maps the many ways sources name a review to the controlled list. */
import type { BriefingKind, ReviewType } from './records.ts';

const REVIEW_TYPE_RULES: Array<[RegExp, ReviewType]> = [
  [/\bnational\b|\bpanel\b/i, 'national-review'],
  [/\bthematic\b/i, 'thematic-review'],
  [/\brapid\s+review\b/i, 'rapid-review'],
  [/\baction\s+plan\b/i, 'action-plan'],
  [/\bchild\s+safeguarding\s+practice\s+review\b|\bcspr\b/i, 'child-safeguarding-practice-review'],
  [/\bserious\s+case\s+review\b|\bscr\b/i, 'serious-case-review'],
  [/\b(?:alternative|practice|local)\s+learning\s+review\b|\blearning\s+review\b|\bnon-statutory\b|\bappreciative\b/i, 'learning-review'],
];

/** The review type named in a label or text, or null when none is named. */
export function reviewTypeFromLabel(label: string | null | undefined): ReviewType | null {
  if (!label) return null;
  for (const [pattern, type] of REVIEW_TYPE_RULES) if (pattern.test(label)) return type;
  return null;
}

/**
 * Statutory reviews were serious case reviews until the 2018 reforms; reviews
 * published from 2020 on are child safeguarding practice reviews.
 */
export function reviewTypeByYear(year: number | null): ReviewType {
  if (year === null) return 'other';
  return year < 2020 ? 'serious-case-review' : 'child-safeguarding-practice-review';
}

/** The briefing kind a title announces. */
export function briefingKindFromTitle(title: string): BriefingKind {
  if (/\b(?:7|seven)[\s-]*minute\b|\b7mb\b/i.test(title)) return '7-minute-briefing';
  if (/\blessons?[\s-]+learn(?:ed|t)\b|\blearning\s+brief/i.test(title)) return 'lessons-learned-briefing';
  if (/\bstatement\b/i.test(title)) return 'statement';
  return 'other';
}
