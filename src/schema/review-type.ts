/** Maps the many ways sources name a review to the controlled list. */
import { isNationalPublisher, partnershipKind } from './partnership-name.ts';
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
 * Type phrases a review's own text uses, in tiers: the statutory reviews first, since a local practice
 * review's account routinely mentions the rapid review that led to it; within a tier the phrase the text
 * uses first. ("National lockdown" or "the national panel agreed" makes nothing a national review.)
 */
const TEXT_TIERS: Array<Array<[RegExp, ReviewType]>> = [
  [
    [/\bchild\s+safeguarding\s+practice\s+review\b|\bcspr\b/i, 'child-safeguarding-practice-review'],
    [/\bserious\s+case\s+review\b|\bscr\b/i, 'serious-case-review'],
  ],
  [
    [/\b(?:alternative|practice|local)\s+learning\s+review\b|\blearning\s+review\b|\bnon-statutory\b|\bappreciative\b/i, 'learning-review'],
    [/\bthematic\b/i, 'thematic-review'],
  ],
  [
    [/\brapid\s+review\b/i, 'rapid-review'],
    [/\baction\s+plan\b/i, 'action-plan'],
  ],
];

/** The type a text names for itself by the tiers above, or null. */
function typeNamedIn(words: string): ReviewType | null {
  for (const tier of TEXT_TIERS) {
    let best: { at: number; type: ReviewType } | null = null;
    for (const [pattern, type] of tier) {
      const at = words.search(pattern);
      if (at >= 0 && (!best || at < best.at)) best = { at, type };
    }
    if (best) return best.type;
  }
  return null;
}

/** Wording that names a piece of work as national in scope ("a national review", "national analyses of serious case reviews"). */
const NATIONAL_WORDING = /\bnational\s+(?:child\s+safeguarding\s+practice\s+|thematic\s+)?(?:review|analys[ie]s|study)\b/i;

/** What is known about a review when its type is to be worked out. */
export interface ReviewTypeEvidence {
  /** A type the source states for this review ("CSPR", "national review"). */
  label?: string | null;
  /** The publisher as the source names it ("Surrey Safeguarding Children Partnership", "Ofsted (national)"). */
  publisher: string;
  caseName?: string | null;
  text?: string | null;
  year: number | null;
}

/**
 * A review's type from the strongest evidence at hand, in this order:
 * 1. a type the source states for the review;
 * 2. the publisher: a national body's review (the national panel's, an inspectorate's thematic
 *    inspection, a national analysis) is a national review; a statutory partnership's or joint
 *    arrangement's review never is, whatever its text says about national lockdowns or the panel;
 * 3. a type phrase in the case name, then anywhere in the text (statutory types first, see TEXT_TIERS);
 *    an unnamed publisher's work counts as national only when the text calls it national in so many words;
 * 4. the year (the 2018 reforms).
 */
export function reviewTypeFromEvidence(e: ReviewTypeEvidence): ReviewType {
  const stated = reviewTypeFromLabel(e.label);
  if (stated) return stated;
  if (isNationalPublisher(e.publisher)) return 'national-review';
  const local = partnershipKind(e.publisher) === 'partnership' || partnershipKind(e.publisher) === 'joint';
  for (const words of [e.caseName, e.text]) {
    if (!words) continue;
    if (!local && NATIONAL_WORDING.test(words)) return 'national-review';
    const named = typeNamedIn(words);
    if (named) return named;
  }
  return reviewTypeByYear(e.year);
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
