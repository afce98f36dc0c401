/**
 * What a recommendation asks for (its kind) and whom it is addressed to. One
 * definition of the kinds: the labelled set, the model file, the SQL and the
 * view all use these ids.
 */

export const RECOMMENDATION_KINDS = ['training', 'procedure', 'practice', 'system', 'national', 'other'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const KIND_LABELS: Record<RecommendationKind, string> = {
  training: 'Training or awareness',
  procedure: 'Procedure, guidance or tool',
  practice: 'Practice standard, supervision or audit',
  system: 'System change',
  national: 'National or legislative ask',
  other: 'Other',
};

/** One line on what each kind covers (shown beside the charts and in the README). */
export const KIND_DESCRIPTIONS: Record<RecommendationKind, string> = {
  training: 'training, briefings, campaigns and raising awareness among staff or the public',
  procedure: 'writing or revising a procedure, protocol, pathway, guidance, form or tool',
  practice: 'expected standards of practice, supervision, management oversight, audit and assurance',
  system: 'commissioning, resourcing, staffing, information systems, structures and new services',
  national: 'asks of government, national bodies or regulators, including changes in law',
  other: 'anything else (for example research, review process, engaging families)',
};

export function isRecommendationKind(value: unknown): value is RecommendationKind {
  return typeof value === 'string' && (RECOMMENDATION_KINDS as readonly string[]).includes(value);
}

export const ADDRESSEES = ['partnership', 'agency', 'government'] as const;
export type Addressee = (typeof ADDRESSEES)[number];

export const ADDRESSEE_LABELS: Record<Addressee, string> = {
  partnership: 'Partnership',
  agency: 'Agency',
  government: 'Government or national body',
};
