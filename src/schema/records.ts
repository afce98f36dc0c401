/**
 * The data model shared by the pipelines and the app: one record type per table.
 * Field names are the DuckDB column names (snake_case) so rows cross the Arrow
 * boundary without renaming.
 */

/** Review types from the controlled list catalogues use. */
export const REVIEW_TYPES = [
  'child-safeguarding-practice-review',
  'serious-case-review',
  'national-review',
  'rapid-review',
  'learning-review',
  'thematic-review',
  'action-plan',
  'other',
] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

export const REVIEW_TYPE_LABELS: Record<ReviewType, string> = {
  'child-safeguarding-practice-review': 'Child safeguarding practice review',
  'serious-case-review': 'Serious case review',
  'national-review': 'National review',
  'rapid-review': 'Rapid review',
  'learning-review': 'Alternative or practice learning review',
  'thematic-review': 'Thematic review',
  'action-plan': 'Action plan',
  other: 'Other',
};

export const BRIEFING_KINDS = ['7-minute-briefing', 'lessons-learned-briefing', 'statement', 'other'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

export const BRIEFING_KIND_LABELS: Record<BriefingKind, string> = {
  '7-minute-briefing': '7-minute briefing',
  'lessons-learned-briefing': 'Lessons-learned briefing',
  statement: 'Statement',
  other: 'Other',
};

/** Where a theme tag came from: the trained model, a phrase rule, a person, or the learning keywords a published catalogue lists. */
export const TAG_SOURCES = ['model', 'rule', 'manual', 'catalogue'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

export const ENTITY_TYPES = ['review', 'briefing', 'passage'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * A publication date at the precision the source gives: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`. `published_on` is the first day of that period, for sorting.
 */
/**
 * What a publisher is: a statutory safeguarding partnership (an area), a joint
 * arrangement of several partnerships, another source (national body, charity,
 * university, author), or a partnership the source does not name.
 */
export const PARTNERSHIP_KINDS = ['partnership', 'joint', 'source', 'not-known'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export interface Partnership {
  id: string;
  name: string;
  region: string | null;
  /** Absent (older saved workspaces) means a partnership. */
  kind?: PartnershipKind | null;
  /** England, Wales, Scotland or Northern Ireland; absent or null counts as England. */
  nation?: string | null;
}

export interface Review {
  id: string;
  partnership_id: string;
  case_name: string;
  review_type: ReviewType;
  published: string | null;
  published_on: string | null;
  year: number | null;
  summary: string | null;
  findings: string | null;
  recommendations: string | null;
  source_url: string | null;
  origin: string;
}

export interface Briefing {
  id: string;
  partnership_id: string;
  title: string;
  briefing_kind: BriefingKind;
  review_id: string | null;
  published: string | null;
  published_on: string | null;
  year: number | null;
  text: string | null;
  source_url: string | null;
  origin: string;
}

export interface Document {
  id: string;
  entity_type: 'review' | 'briefing';
  entity_id: string;
  file_name: string;
  media_type: string;
  char_count: number;
}

export interface Passage {
  id: string;
  document_id: string;
  entity_type: 'review' | 'briefing';
  entity_id: string;
  seq: number;
  text: string;
}

export interface Theme {
  id: string;
  group_id: string;
  label: string;
  description: string;
  retired: boolean;
}

export interface ThemeGroup {
  id: string;
  label: string;
}

export interface ThemeTag {
  entity_type: EntityType;
  entity_id: string;
  theme_id: string;
  score: number;
  source: TagSource;
  /** For manual tags: true accepts the theme, false rejects it (overriding the model). */
  accepted: boolean;
}

/** One sentence that justifies a tag, with character offsets into the entity's text. */
export interface TagEvidence {
  entity_type: EntityType;
  entity_id: string;
  theme_id: string;
  rank: number;
  start_offset: number;
  end_offset: number;
  sentence: string;
  weight: number;
}

/** The text the tagger reads for a review; evidence offsets index into it. */
export function reviewText(r: Pick<Review, 'summary' | 'findings' | 'recommendations'>): string {
  return [r.summary, r.findings, r.recommendations].filter((s): s is string => !!s && s.trim() !== '').join('\n\n');
}

/** The text the tagger reads for a briefing: its title, then its body. */
export function briefingText(b: Pick<Briefing, 'title' | 'text'>): string {
  return [b.title, b.text].filter((s): s is string => !!s && s.trim() !== '').join('\n\n');
}
