/**
 * The fields a metadata import fills, and a guess of which column holds each
 * (the user can change every guess before importing).
 */

export type RecordKind = 'review' | 'briefing';

export type FieldId =
  | 'id' | 'partnership' | 'case_name' | 'title' | 'review_type' | 'briefing_kind' | 'review'
  | 'published' | 'summary' | 'findings' | 'recommendations' | 'text' | 'source_url' | 'themes';

export interface FieldDef {
  id: FieldId;
  label: string;
  required: boolean;
  /** Header words that suggest this field, most telling first. */
  synonyms: readonly string[];
}

const F = (id: FieldId, label: string, required: boolean, synonyms: string[]): FieldDef => ({ id, label, required, synonyms });

const COMMON_HEAD = [
  F('id', 'Id', false, ['id', 'identifier', 'reference', 'ref', 'review id', 'briefing id', 'record id']),
  F('partnership', 'Partnership', true, ['partnership', 'safeguarding partnership', 'lscp', 'lscb', 'area', 'local authority', 'la', 'council', 'board']),
];
const COMMON_TAIL = [
  F('published', 'Date published', false, ['published', 'date published', 'publication date', 'published on', 'date', 'year', 'publication year']),
  F('source_url', 'Web address', false, ['url', 'link', 'source url', 'web address', 'source', 'website']),
  F('themes', 'Themes', false, ['themes', 'learning themes', 'theme', 'tags', 'keywords', 'learning']),
];

export const FIELDS: Record<RecordKind, readonly FieldDef[]> = {
  review: [
    ...COMMON_HEAD,
    F('case_name', 'Case name', true, ['case', 'case name', 'child', 'name', 'review name', 'pseudonym', 'subject']),
    F('review_type', 'Review type', false, ['review type', 'type', 'type of review', 'category']),
    F('summary', 'Summary', false, ['summary', 'case summary', 'abstract', 'description', 'overview', 'background']),
    F('findings', 'Findings', false, ['findings', 'key findings', 'learning points', 'lessons', 'key learning']),
    F('recommendations', 'Recommendations', false, ['recommendations', 'recommendation', 'actions']),
    ...COMMON_TAIL,
  ],
  briefing: [
    ...COMMON_HEAD,
    F('title', 'Title', true, ['title', 'briefing title', 'briefing', 'name', 'heading']),
    F('briefing_kind', 'Kind of briefing', false, ['kind', 'type', 'briefing type', 'format']),
    F('review', 'Review it briefs on', false, ['review', 'review id', 'case', 'case name', 'related review']),
    F('text', 'Text', false, ['text', 'body', 'content', 'briefing text', 'summary', 'description']),
    ...COMMON_TAIL,
  ],
};

/** Which column fills each field; null leaves the field empty. */
export type ColumnMapping = Partial<Record<FieldId, string | null>>;

const norm = (s: string) => s.toLowerCase().replace(/[_\-.]+/g, ' ').replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();

function matchScore(column: string, field: FieldDef): number {
  const c = norm(column);
  let best = 0;
  field.synonyms.forEach((syn, rank) => {
    const weight = 1 - rank / (field.synonyms.length * 2);
    if (c === syn) best = Math.max(best, 3 * weight);
    else if (syn.length > 3 && (c.startsWith(syn + ' ') || c.endsWith(' ' + syn))) best = Math.max(best, 2 * weight);
    else if (syn.length > 3 && c.includes(syn)) best = Math.max(best, 1 * weight);
  });
  return best;
}

/** Guesses a column for each field: best matches first, each column used once. */
export function guessMapping(columns: readonly string[], kind: RecordKind): ColumnMapping {
  const pairs: Array<{ field: FieldId; column: string; score: number }> = [];
  for (const field of FIELDS[kind]) {
    for (const column of columns) {
      const score = matchScore(column, field);
      if (score > 0) pairs.push({ field: field.id, column, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const p of pairs) {
    if (mapping[p.field] || used.has(p.column)) continue;
    mapping[p.field] = p.column;
    used.add(p.column);
  }
  return mapping;
}

/** Reviews when a column looks like a case name, briefings when one looks like a title. */
export function guessKind(columns: readonly string[]): RecordKind {
  const review = guessMapping(columns, 'review');
  const briefing = guessMapping(columns, 'briefing');
  if (review.case_name && !/^name$/i.test(norm(review.case_name))) return 'review';
  if (briefing.title) return 'briefing';
  return 'review';
}

/** Required fields the mapping leaves empty. */
export function missingRequired(mapping: ColumnMapping, kind: RecordKind): FieldDef[] {
  return FIELDS[kind].filter((f) => f.required && !mapping[f.id]);
}
