/**
 * Tables whose columns are documents ("Case | Overview report | Learning
 * brief") and whose cells are dates or statuses ("Published 14 June 2017",
 * "No longer published", "Unpublished*"). Copied pages separate cells with
 * tabs, saved pages (read by html-text.ts) with " | ", some captures with runs
 * of spaces.
 */
import { DATE_SOURCE, parsePublishedDate } from './dates.ts';
import { cleanLabel } from './line-shapes.ts';

export type ColumnKind = 'report' | 'briefing' | 'date' | 'other';

export interface TableHeader {
  columns: ColumnKind[];
  /** The header's labels, for briefing titles ("Learning Brief"). */
  labels: string[];
}

export interface TableRow {
  name: string;
  /** Date of the report column, null when it only gives a status. */
  reportDate: string | null;
  briefings: Array<{ label: string; published: string | null }>;
}

/** The cells of a table row, or a single cell for ordinary lines. */
export function splitCells(raw: string): string[] {
  const line = raw.trim();
  const cells = line.includes('\t') ? line.split(/\t+/) : line.includes(' | ') ? line.split(/\s+\|\s+/) : line.split(/\s{2,}/);
  return cells.map((c) => c.trim()).filter(Boolean);
}

const DATE_ANYWHERE = new RegExp(`(${DATE_SOURCE})`, 'i');
const NAME_COLUMN = /^(?:case|case name|child|name|review|title|subject|family)$/i;

function columnKind(label: string): ColumnKind {
  if (/brief/i.test(label)) return 'briefing';
  if (/report|summary|review/i.test(label)) return 'report';
  if (/date|published|publication/i.test(label)) return 'date';
  return 'other';
}

/** A header row: a name column, then document or date columns, and no dates. */
export function tableHeader(cells: string[]): TableHeader | null {
  if (cells.length < 2 || !NAME_COLUMN.test(cells[0]!) || cells.some((c) => DATE_ANYWHERE.test(c))) return null;
  const columns = cells.map((c, i) => (i === 0 ? 'other' : columnKind(c)));
  return columns.slice(1).some((k) => k !== 'other') ? { columns, labels: cells } : null;
}

function cellDate(cell: string): string | null {
  const m = DATE_ANYWHERE.exec(cell);
  return m ? parsePublishedDate(m[1]!) : null;
}

/** A body row under `header`, or null when the line is not one. */
export function tableRow(cells: string[], header: TableHeader): TableRow | null {
  const width = header.columns.length;
  if (cells.length < 2) return null;
  // A name split by a double space ("Young Person  A") makes extra leading cells: join them back.
  const joined = cells.length > width ? [cells.slice(0, cells.length - width + 1).join(' '), ...cells.slice(cells.length - width + 1)] : cells;
  const name = cleanLabel(joined[0]!.replace(/\*+$/, ''));
  if (!name || DATE_ANYWHERE.test(name) || name.split(/\s+/).length > 8) return null;
  const row: TableRow = { name, reportDate: null, briefings: [] };
  joined.slice(1).forEach((cell, i) => {
    const kind = header.columns[i + 1] ?? 'other';
    const date = cellDate(cell);
    if ((kind === 'report' || kind === 'date') && !row.reportDate) row.reportDate = date;
    if (kind === 'briefing' && (date || /\bpublished\b/i.test(cell))) row.briefings.push({ label: header.labels[i + 1]!, published: date });
  });
  return row;
}
