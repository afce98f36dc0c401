/**
 * The Explorer's theme lists and match counts from the filter index
 * (src/cube). Looking a page's themes up in DuckDB scans every entity_themes
 * row (35–60 ms for 100 ids at national scale) and counting the matches
 * evaluates the filters a second time; the index already holds every item's
 * effective themes and answers the filters in a few milliseconds. The SQL in
 * explorer.ts stays the definition (explorer.test.ts checks both agree).
 */
import type { QueryRunner } from '../db/runner.ts';
import type { ReviewCube } from '../cube/review-cube.ts';
import { selectBriefings, selectReviews, type SearchHits } from '../cube/select.ts';
import type { ExplorerCounts, ExplorerRow, ItemKind, KindFilter } from './explorer.ts';
import type { Filters } from './filters.ts';

/** Each item's position in the index (its rank in id order, as src/cube/load-cube.ts numbers them). */
export type ItemPositions = Record<ItemKind, Map<string, number>>;

/** Reads every review's and briefing's id in the index's order. */
export async function loadItemPositions(db: QueryRunner): Promise<ItemPositions> {
  const { tableFromIPC } = await import('apache-arrow');
  const ids = async (sql: string) => {
    const column = tableFromIPC(await db.queryArrowIPC(sql, { label: 'explorer.positions' })).getChild('id')?.toArray() ?? [];
    return new Map(Array.from(column as ArrayLike<string>, (id, i) => [String(id), i]));
  };
  // The same tables as the index's numbering: review_facts and briefings, by id.
  return { review: await ids('SELECT id FROM review_facts ORDER BY id'), briefing: await ids('SELECT id FROM briefings ORDER BY id') };
}

const loaded = new WeakMap<QueryRunner, { dataVersion: number; positions: Promise<ItemPositions> }>();

/** The positions for this data version, loaded once. */
export function itemPositions(db: QueryRunner, dataVersion: number): Promise<ItemPositions> {
  const known = loaded.get(db);
  if (known?.dataVersion === dataVersion) return known.positions;
  const positions = loadItemPositions(db);
  positions.catch(() => loaded.delete(db));
  loaded.set(db, { dataVersion, positions });
  return positions;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows with their theme labels ("; "-separated, alphabetical) and count, as explorerRowsSql builds them. */
export function withThemes(rows: readonly ExplorerRow[], cube: ReviewCube, positions: ItemPositions): ExplorerRow[] {
  return rows.map((row) => {
    const lists = row.kind === 'review' ? cube.reviews.themes : cube.briefings.themes;
    const at = positions[row.kind].get(row.id);
    const labels: string[] = [];
    if (at !== undefined) for (let k = lists.start[at]!; k < lists.start[at + 1]!; k++) labels.push(cube.themes[lists.themes[k]!]!.label);
    labels.sort(byText);
    return { ...row, themes: labels.join('; '), theme_count: labels.length };
  });
}

function countFlags(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  return n;
}

/** How many reviews and briefings the Explorer lists, as explorerCountsSql counts them. */
export function explorerCounts(cube: ReviewCube, f: Filters, hits: SearchHits | null, kind: KindFilter): ExplorerCounts {
  const briefingsShown = kind !== 'review' && f.types.length === 0;
  return {
    reviews: kind !== 'briefing' ? countFlags(selectReviews(cube, f, hits)) : 0,
    briefings: briefingsShown ? countFlags(selectBriefings(cube, f, hits)) : 0,
  };
}
