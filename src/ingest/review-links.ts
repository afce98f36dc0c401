/**
 * Which review a briefing belongs to, when the briefing names its review (by id or by case name).
 * Partnerships reuse generic names ("Child A", "Child Y") for different children, and different
 * partnerships use the same ones, so a name links only when it is unambiguous: one review of the
 * briefing's partnership under that name, or, when the briefing's partnership is not known, one
 * review anywhere. Otherwise the briefing stays unlinked and the caller says so, naming the
 * candidates; it never picks one of them.
 */
import { reviewCaseKey } from './merge-reviews.ts';
import type { Review } from '../schema/records.ts';

type LinkableReview = Pick<Review, 'id' | 'partnership_id' | 'case_name' | 'year'>;

export type ReviewLink =
  | { kind: 'linked'; id: string }
  | { kind: 'none' }
  /** Several reviews carry the name: the briefing is left unlinked. */
  | { kind: 'ambiguous'; candidates: LinkableReview[] };

/** The reviews a name could mean, as a message can list them: "2014, id R1; 2021, id R2". */
export function describeCandidates(candidates: readonly LinkableReview[], partnershipName: (id: string) => string = (id) => id): string {
  return candidates.map((r) => `${partnershipName(r.partnership_id)} ${r.year ?? 'undated'}, id ${r.id}`).join('; ');
}

/** The case-name part of reviewCaseKey: "Child A" and "child-a" are one name. */
const nameKey = (caseName: string) => reviewCaseKey({ partnership_id: '', case_name: caseName }).slice(1);

/** A lookup over `reviews`: by id first, then by case name as the module comment says. */
export function reviewLinker(reviews: readonly LinkableReview[]) {
  const byId = new Map(reviews.map((r) => [r.id, r]));
  const byCase = new Map<string, LinkableReview[]>();
  const byName = new Map<string, LinkableReview[]>();
  for (const r of reviews) {
    const key = reviewCaseKey(r);
    byCase.set(key, [...(byCase.get(key) ?? []), r]);
    const name = nameKey(r.case_name);
    byName.set(name, [...(byName.get(name) ?? []), r]);
  }
  /** `partnershipId` null: the briefing's partnership is not known, so any partnership's review may be meant. */
  return (partnershipId: string | null, caseOrId: string): ReviewLink => {
    if (byId.has(caseOrId)) return { kind: 'linked', id: caseOrId };
    const candidates = partnershipId === null
      ? byName.get(nameKey(caseOrId)) ?? []
      : byCase.get(reviewCaseKey({ partnership_id: partnershipId, case_name: caseOrId })) ?? [];
    if (candidates.length === 1) return { kind: 'linked', id: candidates[0]!.id };
    return candidates.length ? { kind: 'ambiguous', candidates } : { kind: 'none' };
  };
}
