/**
 * The action plan as a file agencies fill in: one row per recommendation with
 * its id, review, text, kind, status, owner, due date and note, exported as
 * CSV or Excel and read back. Reading checks every row against the known
 * recommendations and reports each problem by row; a file with any problem
 * changes nothing. Pure: the app passes the grid of cells (from CSV or xlsx).
 */
import { TRACKING_STATUSES, TRACKING_STATUS_LABELS, type RecommendationTracking, type TrackingStatus } from '../schema/workspace-tables.ts';
import { normaliseRecommendation } from './recommendation-rows.ts';

export const ACTION_PLAN_COLUMNS = ['Recommendation ID', 'Review', 'Partnership', 'Year', 'Recommendation', 'Kind', 'Addressed to', 'Status', 'Owner', 'Due date', 'Note'] as const;

export interface ActionPlanRow {
  id: string;
  review: string;
  partnership: string;
  year: number | null;
  text: string;
  kind: string;
  addressedTo: string;
  status: TrackingStatus;
  owner: string;
  due_on: string;
  note: string;
}

/** The rows as cells, header first (for CSV and Excel alike). */
export function actionPlanGrid(rows: readonly ActionPlanRow[]): (string | number | null)[][] {
  return [
    [...ACTION_PLAN_COLUMNS],
    ...rows.map((r) => [r.id, r.review, r.partnership, r.year, r.text, r.kind, r.addressedTo, TRACKING_STATUS_LABELS[r.status], r.owner, r.due_on, r.note]),
  ];
}

export interface ActionPlanProblem {
  /** Row number as a spreadsheet shows it (the header is row 1); 0 for the file as a whole. */
  row: number;
  message: string;
}

export interface ActionPlanReading {
  updates: RecommendationTracking[];
  problems: ActionPlanProblem[];
  /** Rows that change nothing (same status, owner, due date and note as now). */
  unchanged: number;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();

/** A due date as YYYY-MM-DD from ISO text, DD/MM/YYYY, an Excel date cell or an Excel serial number; null when it is not a date. */
export function readDueDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value > 20000 && value < 80000) return new Date(Date.UTC(1899, 11, 30) + value * 86400000).toISOString().slice(0, 10);
  const s = cell(value);
  if (!s) return '';
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function readStatus(value: unknown): TrackingStatus | null {
  const s = cell(value).toLowerCase().replace(/[\s_]+/g, '-');
  if (!s) return 'not-started';
  return TRACKING_STATUSES.find((t) => t === s || TRACKING_STATUS_LABELS[t].toLowerCase().replace(/\s+/g, '-') === s) ?? null;
}

/**
 * Checks an action plan's cells against the known recommendations (id → text)
 * and their current tracking. Every row is checked; updates are only usable
 * when `problems` is empty.
 */
export function readActionPlan(
  grid: readonly (readonly unknown[])[],
  known: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, RecommendationTracking>,
  now: string,
): ActionPlanReading {
  const header = (grid[0] ?? []).map((h) => cell(h).toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const at = { id: col('Recommendation ID'), text: col('Recommendation'), status: col('Status'), owner: col('Owner'), due: col('Due date'), note: col('Note') };
  if (at.id < 0 || at.status < 0) {
    return { updates: [], unchanged: 0, problems: [{ row: 0, message: 'This is not an action plan exported from the Recommendations view: its first row needs the columns "Recommendation ID" and "Status" (also read: Owner, Due date, Note).' }] };
  }
  const problems: ActionPlanProblem[] = [];
  const updates: RecommendationTracking[] = [];
  const seenAt = new Map<string, number>();
  let unchanged = 0;
  grid.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => cell(c) === '')) return;
    const id = cell(cells[at.id]);
    const problem = (message: string) => problems.push({ row, message });
    if (!id) return void problem('no recommendation ID; every row needs the ID it was exported with.');
    const text = known.get(id);
    if (text === undefined) return void problem(`recommendation ID "${id}" is not a recommendation in this workspace (was the file exported from another workspace, or the review removed?).`);
    if (seenAt.has(id)) return void problem(`recommendation ID "${id}" is already on row ${seenAt.get(id)}.`);
    seenAt.set(id, row);
    if (at.text >= 0 && cell(cells[at.text]) && normaliseRecommendation(cell(cells[at.text])) !== normaliseRecommendation(text)) {
      return void problem(`the recommendation text does not match recommendation "${id}"; keep the ID and text together as exported.`);
    }
    const status = readStatus(cells[at.status]);
    if (!status) return void problem(`status "${cell(cells[at.status])}" is not one of ${TRACKING_STATUSES.map((s) => TRACKING_STATUS_LABELS[s]).join(', ')}.`);
    const due = at.due >= 0 ? readDueDate(cells[at.due]) : '';
    if (due === null) return void problem(`due date "${cell(cells[at.due])}" is not a date; write it as YYYY-MM-DD or DD/MM/YYYY.`);
    const next: RecommendationTracking = {
      rec_id: id, status, owner: at.owner >= 0 ? cell(cells[at.owner]) : '', due_on: due ?? '', note: at.note >= 0 ? cell(cells[at.note]) : '', updated_at: now,
    };
    const was = current.get(id) ?? { status: 'not-started', owner: '', due_on: '', note: '' };
    if (was.status === next.status && was.owner === next.owner && was.due_on === next.due_on && was.note === next.note) unchanged++;
    else updates.push(next);
  });
  return { updates, problems, unchanged };
}
