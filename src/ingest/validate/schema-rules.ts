/**
 * The rules every stored value must keep, whichever door it comes in by
 * (file import, catalogue paste, documents, tagging, workspace archive,
 * codebook): column types, required ids, years, dates, the closed lists
 * (review types, briefing kinds, entity kinds, tag sources) and links.
 * A value that passes fits the engine's columns and every view's casts
 * (the filter index keeps years as SMALLINT).
 */
import { BRIEFING_KINDS, ENTITY_TYPES, REVIEW_TYPES, TAG_SOURCES } from '../../schema/records.ts';
import { TABLES, type ColumnType, type TableName, type TableRows } from '../../schema/tables.ts';
import { TRACKING_STATUSES, WORKSPACE_TABLES, type RecommendationTracking, type TaggedEntity, type WorkspaceTableName } from '../../schema/workspace-tables.ts';

/** Every table whose values these rules check: the stored ones and the workspace-only ones. */
export type CheckedTableName = TableName | WorkspaceTableName;
export interface CheckedRows extends TableRows { recommendation_tracking: RecommendationTracking; tagged_entities: TaggedEntity }
export const CHECKED_COLUMNS: { readonly [T in CheckedTableName]: Readonly<Record<string, ColumnType>> } = { ...TABLES, ...WORKSPACE_TABLES };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const INT32_MAX = 2 ** 31 - 1;
const MAX_ID_CHARS = 500;

/** What is wrong with one value, in words; null when it is fine. */
type Check = (value: unknown) => string | null;

const show = (v: unknown) => {
  const s = typeof v === 'string' ? `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”` : String(v);
  return s;
};

const TYPE_CHECKS: Record<ColumnType, Check> = {
  VARCHAR: (v) => (typeof v === 'string' ? null : `${show(v)} is not text`),
  INTEGER: (v) => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT32_MAX ? null : `${show(v)} is not a whole number`),
  DOUBLE: (v) => (typeof v === 'number' && Number.isFinite(v) ? null : `${show(v)} is not a number`),
  BOOLEAN: (v) => (typeof v === 'boolean' ? null : `${show(v)} is not true or false`),
};

const oneOf = (list: readonly string[], what: string): Check => (v) =>
  list.includes(v as string) ? null : `${show(v)} is not a known ${what} (expected one of ${list.join(', ')})`;

const id: Check = (v) => {
  if (typeof v !== 'string' || v.trim() === '') return 'is empty';
  if (v.length > MAX_ID_CHARS) return `is longer than ${MAX_ID_CHARS} characters`;
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f]/.test(v) ? 'holds control characters' : null;
};

const year: Check = (v) => ((v as number) >= MIN_YEAR && (v as number) <= MAX_YEAR ? null : `${show(v)} is outside ${MIN_YEAR}–${MAX_YEAR}`);
const nonNegative: Check = (v) => ((v as number) >= 0 ? null : `${show(v)} is negative`);

const validDay = (y: number, m: number, d: number) => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
const published: Check = (v) => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v as string);
  if (!m) return `${show(v)} is not a date written YYYY, YYYY-MM or YYYY-MM-DD`;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  if (y < MIN_YEAR || y > MAX_YEAR) return `${show(v)} has a year outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (mo !== null && (mo < 1 || mo > 12)) return `${show(v)} has no month ${mo}`;
  if (mo !== null && d !== null && !validDay(y, mo, d)) return `${show(v)} has no day ${d}`;
  return null;
};
const day: Check = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v as string) ? published(v) : `${show(v)} is not a date written YYYY-MM-DD`);
/** An optional day: empty, or YYYY-MM-DD. */
const dayOrEmpty: Check = (v) => (v === '' ? null : day(v));
const link: Check = (v) => {
  try {
    const { protocol } = new URL(v as string);
    return protocol === 'https:' || protocol === 'http:' ? null : `${show(v)} is not a web link (http or https)`;
  } catch {
    return `${show(v)} is not a web link`;
  }
};

/** Per-column rules beyond the type; `required` columns may not be null. */
const RULES: { [T in CheckedTableName]: { required: readonly (keyof CheckedRows[T])[]; checks: { [C in keyof CheckedRows[T]]?: Check } } } = {
  partnerships: { required: ['id', 'name'], checks: { id } },
  theme_groups: { required: ['id', 'label'], checks: { id } },
  themes: { required: ['id', 'group_id', 'label', 'retired'], checks: { id, group_id: id } },
  reviews: {
    required: ['id', 'partnership_id', 'case_name', 'review_type', 'origin'],
    checks: { id, partnership_id: id, review_type: oneOf(REVIEW_TYPES, 'review type'), year, published, published_on: day, source_url: link },
  },
  briefings: {
    required: ['id', 'partnership_id', 'title', 'briefing_kind', 'origin'],
    checks: { id, partnership_id: id, briefing_kind: oneOf(BRIEFING_KINDS, 'briefing kind'), review_id: id, year, published, published_on: day, source_url: link },
  },
  documents: {
    required: ['id', 'entity_type', 'entity_id', 'file_name'],
    checks: { id, entity_type: oneOf(['review', 'briefing'], 'kind of entry'), entity_id: id, char_count: nonNegative },
  },
  passages: {
    required: ['id', 'document_id', 'entity_type', 'entity_id', 'seq', 'text'],
    checks: { id, document_id: id, entity_type: oneOf(['review', 'briefing'], 'kind of entry'), entity_id: id, seq: nonNegative },
  },
  theme_tags: {
    required: ['entity_type', 'entity_id', 'theme_id', 'source', 'accepted'],
    checks: { entity_type: oneOf(ENTITY_TYPES, 'kind of entry'), entity_id: id, theme_id: id, source: oneOf(TAG_SOURCES, 'tag source') },
  },
  tag_evidence: {
    required: ['entity_type', 'entity_id', 'theme_id', 'rank', 'start_offset', 'end_offset'],
    checks: { entity_type: oneOf(ENTITY_TYPES, 'kind of entry'), entity_id: id, theme_id: id, rank: nonNegative, start_offset: nonNegative, end_offset: nonNegative },
  },
  recommendation_tracking: {
    required: ['rec_id', 'status', 'owner', 'due_on', 'note', 'updated_at'],
    checks: { rec_id: id, status: oneOf(TRACKING_STATUSES, 'status'), due_on: dayOrEmpty },
  },
  tagged_entities: {
    required: ['entity_type', 'entity_id'],
    checks: { entity_type: oneOf(ENTITY_TYPES, 'kind of entry'), entity_id: id },
  },
};

/** What is wrong with `value` in `table.column`, or null. */
export function checkValue<T extends CheckedTableName>(table: T, column: keyof CheckedRows[T] & string, value: unknown): string | null {
  const rules = RULES[table];
  if (value === null || value === undefined) return (rules.required as readonly string[]).includes(column) ? 'is missing' : null;
  const type = CHECKED_COLUMNS[table][column];
  if (!type) return 'is not a column of this table';
  return TYPE_CHECKS[type](value) ?? (rules.checks as Record<string, Check | undefined>)[column]?.(value) ?? null;
}

/** One bad value, located. `row` counts from 1. */
export interface ValueProblem {
  table: CheckedTableName;
  row: number;
  column: string;
  problem: string;
}

/** "reviews row 3, year: 99999 is outside 1900–2100". */
export function describeValueProblem(p: ValueProblem): string {
  return `${p.table.replaceAll('_', ' ')} row ${p.row}, ${p.column}: ${p.problem}`;
}

/** Problems listed before "and N more"; a file with thousands of bad values is refused just the same. */
export const LISTED_PROBLEMS = 20;

/** Checks one column given as a getter; appends problems to `out`, returns how many it found. */
export function checkColumn<T extends CheckedTableName>(
  table: T, column: keyof CheckedRows[T] & string, length: number, get: (i: number) => unknown, out: ValueProblem[],
): number {
  let found = 0;
  for (let i = 0; i < length; i++) {
    const problem = checkValue(table, column, get(i));
    if (problem === null) continue;
    found++;
    if (out.length < LISTED_PROBLEMS) out.push({ table, row: i + 1, column, problem });
  }
  return found;
}

/** Every problem in rows about to be stored (the first LISTED_PROBLEMS kept) and how many there are. */
export function checkRows<T extends CheckedTableName>(table: T, rows: readonly CheckedRows[T][]): { problems: ValueProblem[]; count: number } {
  const problems: ValueProblem[] = [];
  let count = 0;
  for (const column of Object.keys(CHECKED_COLUMNS[table]) as (keyof CheckedRows[T] & string)[]) {
    count += checkColumn(table, column, rows.length, (i) => rows[i]![column], problems);
  }
  return { problems, count };
}

/** The listed problems as sentences, with "…and N more" when some were left out. */
export function problemLines(problems: readonly ValueProblem[], count: number): string[] {
  const lines = problems.map(describeValueProblem);
  if (count > problems.length) lines.push(`…and ${count - problems.length} more`);
  return lines;
}
