/**
 * The Explorer list over the filter index (src/filter-index/). Filtering and
 * sorting every item in DuckDB-WASM for each page is slow at national scale
 * (figures in the README, Performance). Here SQL sorts the whole collection once per sort and
 * data version (explorerOrderSql); a filter change then walks that order
 * keeping the items the index's filter flags allow, and the page's
 * list columns (loaded once per data version), theme lists and the counts
 * come from memory; only a search asks SQL for the page's snippets. The
 * windowed SQL (explorerRowsSql) stays the definition: explorer.test.ts checks
 * both give the same pages.
 */
import type { QueryRunner } from './runner.ts';
import type { FilterIndex } from '../filter-index/filter-index.ts';
import { selectBriefings, selectReviews, type SearchHits } from '../filter-index/select.ts';
import {
  explorerColumnsSql, explorerOrderSql, explorerRowsByIdSql,
  type ExplorerCounts, type ExplorerQuery, type ExplorerRow, type ExplorerWindow, type ItemKind, type KindFilter,
} from './explorer-list-sql.ts';
import type { Filters } from '../filters/filters.ts';

export type ListColumn = 'id' | 'partnership' | 'title' | 'type' | 'published' | 'published_on';

/**
 * One kind's list columns as DuckDB returned them (Arrow vectors, decoded a
 * value at a time: decoding every row up front was slow), and the maps
 * between index positions (id order) and table rows.
 */
export interface KindColumns {
  /** The value of a column for the item at an index position. */
  get(column: ListColumn, pos: number): string | null;
  /** The index position of a table row (by rowid). */
  posOfRow: Int32Array;
  count: number;
}

export type ItemColumns = Record<ItemKind, KindColumns>;

/** The whole collection in one sort's order: the k-th item is (briefing[k] ? briefing : review) at position pos[k]. */
export interface ExplorerOrder {
  briefing: Uint8Array;
  pos: Int32Array;
}

/** An item as the index knows it. */
export interface IndexedItem {
  kind: ItemKind;
  pos: number;
}

/** Runs a query through Arrow (no row objects); timed as `sql:<label>` with the decoding. */
async function arrowTable(db: QueryRunner, sql: string, label: string) {
  const start = performance.now();
  const [{ tableFromIPC }, ipc] = await Promise.all([import('apache-arrow'), db.queryArrowIPC(sql, { label })]);
  const table = tableFromIPC(ipc);
  performance.measure(`sql:${label}`, { start, end: performance.now() });
  return table;
}

const ints = (values: ArrayLike<unknown> | undefined) => Int32Array.from((values ?? []) as ArrayLike<number>);

/** Reads one kind's list columns and the rows in id order. */
async function loadKindColumns(db: QueryRunner, kind: ItemKind): Promise<KindColumns> {
  const table = await arrowTable(db, explorerColumnsSql(kind), 'explorer.columns');
  const rowInIdOrder = ints((await arrowTable(db, explorerRowsByIdSql(kind), 'explorer.positions')).getChild('row')?.toArray());
  const row = ints(table.getChild('row')?.toArray());
  let size = 0;
  for (const r of row) size = Math.max(size, r + 1);
  for (const r of rowInIdOrder) size = Math.max(size, r + 1);
  const indexOfRow = new Int32Array(size).fill(-1);
  row.forEach((r, i) => { indexOfRow[r] = i; });
  const at = new Int32Array(rowInIdOrder.length);
  const posOfRow = new Int32Array(size).fill(-1);
  rowInIdOrder.forEach((r, pos) => { at[pos] = indexOfRow[r]!; posOfRow[r] = pos; });
  const vectors = new Map((['id', 'partnership', 'title', 'type', 'published', 'published_on'] as const).map((c) => [c, table.getChild(c)]));
  return {
    get: (column, pos) => {
      const value: unknown = vectors.get(column)?.get(at[pos]!);
      return value === null || value === undefined ? null : String(value);
    },
    posOfRow,
    count: rowInIdOrder.length,
  };
}

/** Reads every review's and briefing's list columns, once per data version. */
export async function loadItemColumns(db: QueryRunner): Promise<ItemColumns> {
  return { review: await loadKindColumns(db, 'review'), briefing: await loadKindColumns(db, 'briefing') };
}

/** Reads the collection's order under one sort. */
export async function loadOrder(db: QueryRunner, columns: ItemColumns, o: Pick<ExplorerQuery, 'sort' | 'descending'>): Promise<ExplorerOrder> {
  const table = await arrowTable(db, explorerOrderSql(o), 'explorer.order');
  const briefing = Uint8Array.from((table.getChild('briefing')?.toArray() ?? []) as ArrayLike<number>);
  const pos = ints(table.getChild('row')?.toArray());
  for (let k = 0; k < pos.length; k++) pos[k] = (briefing[k] ? columns.briefing : columns.review).posOfRow[pos[k]!]!;
  return { briefing, pos };
}

/** Filter flags per kind, null for a kind the list leaves out (a review-type filter leaves briefings out). */
function shownFlags(index: FilterIndex, f: Filters, hits: SearchHits | null, kind: KindFilter): Record<ItemKind, Uint8Array | null> {
  return {
    review: kind !== 'briefing' ? selectReviews(index, f, hits) : null,
    briefing: kind !== 'review' && f.types.length === 0 ? selectBriefings(index, f, hits) : null,
  };
}

/** The matching items in the window of the order, as explorerRowsSql would list them. */
export function pageItems(index: FilterIndex, f: Filters, hits: SearchHits | null, kind: KindFilter, order: ExplorerOrder, window: ExplorerWindow): IndexedItem[] {
  const flags = shownFlags(index, f, hits, kind);
  const out: IndexedItem[] = [];
  let seen = 0;
  for (let k = 0; k < order.pos.length && out.length < window.limit; k++) {
    const b = order.briefing[k]!;
    const pos = order.pos[k]!;
    if (!(b ? flags.briefing : flags.review)?.[pos]) continue;
    if (seen++ >= window.offset) out.push({ kind: b ? 'briefing' : 'review', pos });
  }
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An item's theme labels, alphabetical (as string_agg ORDER BY label in explorerRowsSql). */
export function themeLabels(index: FilterIndex, item: IndexedItem): string[] {
  const lists = item.kind === 'review' ? index.reviews.themes : index.briefings.themes;
  const labels: string[] = [];
  for (let k = lists.start[item.pos]!; k < lists.start[item.pos + 1]!; k++) labels.push(index.themes[lists.themes[k]!]!.label);
  return labels.sort(byText);
}

/**
 * The page's rows in order, with their theme lists; snippets (when searching)
 * from `snippets`, keyed "kind:id" (explorerItemsSql's rows for the page).
 */
export function pageRows(index: FilterIndex, items: readonly IndexedItem[], columns: ItemColumns, snippets?: ReadonlyMap<string, string | null>): ExplorerRow[] {
  return items.map((item) => {
    const c = columns[item.kind];
    const get = (column: ListColumn) => c.get(column, item.pos);
    const labels = themeLabels(index, item);
    const id = get('id')!;
    return {
      kind: item.kind, id, partnership: get('partnership')!, title: get('title')!, type: get('type')!,
      published: get('published'), published_on: get('published_on'),
      themes: labels.join('; '), theme_count: labels.length, snippet: snippets?.get(`${item.kind}:${id}`) ?? null,
    };
  });
}

/** The ids of the page's items by kind. */
export function pageIds(items: readonly IndexedItem[], columns: ItemColumns): Record<ItemKind, string[]> {
  const ids: Record<ItemKind, string[]> = { review: [], briefing: [] };
  for (const item of items) ids[item.kind].push(columns[item.kind].get('id', item.pos)!);
  return ids;
}

function countFlags(flags: Uint8Array | null): number {
  let n = 0;
  if (flags) for (let i = 0; i < flags.length; i++) n += flags[i]!;
  return n;
}

/** Distinct de-duplication keys among the flagged briefings (a key is the index of its group's first briefing). */
function countKeys(flags: Uint8Array | null, keys: Int32Array): number {
  if (!flags) return 0;
  const seen = new Uint8Array(flags.length);
  let n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] && !seen[keys[i]!]) { seen[keys[i]!] = 1; n++; }
  return n;
}

/** How many reviews and briefings the Explorer lists, as explorerCountsSql counts them. */
export function explorerCounts(index: FilterIndex, f: Filters, hits: SearchHits | null, kind: KindFilter): ExplorerCounts {
  const flags = shownFlags(index, f, hits, kind);
  return { reviews: countFlags(flags.review), briefings: countFlags(flags.briefing), distinct_briefings: countKeys(flags.briefing, index.briefings.key) };
}
