/**
 * Delimited text (CSV, TSV) read record by record (RFC 4180: quoted fields may
 * hold delimiters, quotes and line breaks), noting every record whose cell
 * count differs from the header's so the user can decide: skip those rows or
 * cancel. Reads in slices that yield to the page, so a 50 MB file does not
 * freeze it.
 */

/** A record with the wrong number of cells; `row` counts the header as row 1, as a spreadsheet does. */
export interface RaggedRow {
  row: number;
  expected: number;
  found: number;
}

export interface DelimitedGrid {
  header: string[];
  /** Data records, cells trimmed, blank cells null; a ragged record is kept as read. */
  rows: (string | null)[][];
  ragged: RaggedRow[];
}

/** Characters read between yields to the page: about 600 rows of review metadata, tens of milliseconds. */
const SLICE_CHARS = 1 << 18;

const cell = (s: string) => {
  const t = s.trim();
  return t === '' ? null : t;
};

/**
 * Reads delimited text, given whole or in consecutive parts (a big file's
 * text as it was decoded: joining the parts first copied 50 MB in one go);
 * `pause` runs between slices (pass one that yields to keep a page responsive).
 */
export async function readDelimited(
  source: string | readonly string[], delimiter: string, options: { signal?: AbortSignal; pause?: () => Promise<void> } = {},
): Promise<DelimitedGrid> {
  const delim = delimiter.charCodeAt(0);
  const parts = typeof source === 'string' ? [source] : source;
  // Each record is checked and converted as it is read, inside the slices: doing all 100,000 at the end held the page in one go.
  const grid: { header: string[] | null; rows: (string | null)[][]; ragged: RaggedRow[] } = { header: null, rows: [], ragged: [] };
  const finish = (r: string[]) => {
    if (!grid.header) return void (grid.header = r.map((h) => h.trim()));
    const expected = grid.header.length;
    const blank = r.length === 1 && r[0]!.trim() === '';
    if (!blank && r.length !== expected) grid.ragged.push({ row: grid.rows.length + 2, expected, found: r.length });
    grid.rows.push(blank ? grid.header.map(() => null) : r.map(cell));
  };
  let record: string[] = [];
  let text = '';
  let read = 0;
  let nextPause = SLICE_CHARS;
  for (let p = 0; p < parts.length; p++) {
    // A record cut by the end of a part is read again from its start with the next part.
    text += parts[p]!;
    const last = p === parts.length - 1;
    const n = text.length;
    let i = 0;
    let recordStart = 0;
    let cut = false;
    while (i < n) {
      if (read + i >= nextPause) {
        nextPause = read + i + SLICE_CHARS;
        options.signal?.throwIfAborted();
        await options.pause?.();
      }
      // One field starting at i.
      let value: string;
      if (text.charCodeAt(i) === 0x22) {
        let quoted = '';
        let at = i + 1;
        for (;;) {
          const q = text.indexOf('"', at);
          if (q < 0) { quoted += text.slice(at); at = n; break; } // unclosed quote: the rest is this field
          if (q === n - 1 && !last) { at = n; break; } // a closing quote or the first of a doubled one: the next part tells
          quoted += text.slice(at, q);
          if (text.charCodeAt(q + 1) === 0x22) { quoted += '"'; at = q + 2; continue; }
          at = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let end = at;
        while (end < n && text.charCodeAt(end) !== delim && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
        value = quoted + text.slice(at, end);
        i = end;
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === delim || c === 0x0a || c === 0x0d) break;
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      const c = i < n ? text.charCodeAt(i) : -1;
      if (!last && (c === -1 || (c === 0x0d && i + 1 === n) || (c === delim && i + 1 === n))) {
        cut = true;
        break;
      }
      record.push(value);
      if (c === delim) {
        i++;
        if (i === n) record.push('');
        continue;
      }
      // End of record (line break or end of text).
      finish(record);
      record = [];
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
      else i++;
      recordStart = i;
    }
    if (cut) record = [];
    const rest = cut ? recordStart : Math.min(i, n);
    read += rest;
    text = text.slice(rest);
  }
  // A last record ending in a delimiter, with no line break after it.
  if (record.length) finish(record);
  return { header: grid.header ?? [], rows: grid.rows, ragged: grid.ragged };
}

/** "row 5: 7 cells expected, 9 found". */
export function describeRaggedRow(r: RaggedRow): string {
  return `row ${r.row}: ${r.expected} cells expected, ${r.found} found`;
}

/** Yields to the browser's event loop (a macrotask, so input and paint can run). */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
