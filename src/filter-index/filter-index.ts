/**
 * The dashboard's filter index: every review and briefing as a few integers
 * (partnership, year, review type) and its themes as index lists, in typed
 * arrays. DuckDB builds it once per data version
 * (src/queries/load-filter-index.ts); a filter change is then answered by one
 * pass over these arrays instead of a DuckDB query (timings in the README).
 * Each aggregate's SQL stays its definition (src/queries/aggregate.ts): tests
 * check the two agree row for row. Pure: no engine, no React.
 */

/** Theme lists in compressed rows: item i's themes are `themes[start[i] .. start[i + 1])`. */
export interface ThemeLists {
  start: Int32Array;
  themes: Uint16Array;
}

export interface ThemeInfo {
  id: string;
  label: string;
  /** The theme group's label; null when the group is missing. */
  group: string | null;
  retired: boolean;
}

export interface PartnershipInfo {
  id: string;
  name: string;
  region: string | null;
  /** 'partnership', 'joint', 'source' or 'not-known' (see schema/records.ts). */
  kind: string;
  /** The partnership's nation (England when none is recorded). */
  nation: string;
}

export interface FilterIndex {
  /** Dimensions, in id order (the indexes the columns use). */
  partnerships: PartnershipInfo[];
  themes: ThemeInfo[];
  reviewTypes: string[];
  reviews: {
    count: number;
    partnership: Uint16Array;
    /** Publication year; 0 when undated. */
    year: Int16Array;
    type: Uint8Array;
    /** 1 for a title-only review (derived.ts): left out unless the filters include them. */
    titleOnly: Uint8Array;
    /** Which tag sources stand behind the review's themes, as TAG_SOURCE_BITS (review_facts.tag_sources). */
    tagSources: Uint8Array;
    themes: ThemeLists;
  };
  briefings: {
    count: number;
    partnership: Uint16Array;
    year: Int16Array;
    themes: ThemeLists;
    /** 1 for partnership statements (never counted as briefing coverage). */
    statement: Uint8Array;
    /** De-duplication key (briefing_facts.briefing_key) as the index of the group's first briefing: counts count distinct keys. */
    key: Int32Array;
    /** The briefing's date, else its review's (see planner.ts): year (0 when undated), display text and sortable date. */
    datedYear: Int16Array;
    datedPublished: Array<string | null>;
    datedOn: Array<string | null>;
  };
}

/**
 * Compressed rows from (group, value) pairs: group g's values are `values[start[g] .. start[g + 1])`, in the
 * pairs' order (a counting sort, one pass each way).
 */
function compressedRows<V extends Uint16Array | Int32Array>(groups: number, group: ArrayLike<number>, value: ArrayLike<number>, values: V): { start: Int32Array; values: V } {
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < group.length; k++) start[group[k]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  for (let k = 0; k < group.length; k++) values[next[group[k]!]!++] = value[k]!;
  return { start, values };
}

/** Builds compressed theme lists from (item, theme) pairs sorted by item. */
export function themeLists(count: number, item: ArrayLike<number>, theme: ArrayLike<number>): ThemeLists {
  const { start, values } = compressedRows(count, item, theme, new Uint16Array(item.length));
  return { start, themes: values };
}

/** Theme lists turned around: theme t's items, in item order, are `items[start[t] .. start[t + 1])`. */
export function itemsByTheme(lists: ThemeLists, themeCount: number): { start: Int32Array; items: Int32Array } {
  const owner = new Int32Array(lists.themes.length);
  for (let i = 0; i + 1 < lists.start.length; i++) owner.fill(i, lists.start[i]!, lists.start[i + 1]!);
  const { start, values } = compressedRows(themeCount, lists.themes, owner, new Int32Array(lists.themes.length));
  return { start, items: values };
}

/** Compares strings by code unit, as DuckDB orders VARCHAR: the index's sorts must match the SQL's. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The partnership index of an item with no partnership (the loader's `coalesce(p.i, 65535)`). */
export const NO_PARTNERSHIP = 65535;
