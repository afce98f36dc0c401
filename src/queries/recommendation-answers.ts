/**
 * The Recommendations view's queries: counts per filter from the
 * recommendation index (src/recommendations/recommendation-index.ts), loaded
 * once per version of the recommendation tables, and the list one page at a
 * time. At national scale and above, the SQL aggregates and the whole list
 * (every matching row with its text) took most of a second per filter change.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Filters } from '../filters/filters.ts';
import { selectReviews } from '../filter-index/select.ts';
import { fromFilterIndex } from './coordinator.ts';
import { INDEXED } from './indexed-sql.ts';
import { RECOMMENDATION_LIST_ORDER, recommendationRowsSql, type KindThemeRow, type KindYearRow, type OwnerRow, type RecommendationListRow } from './recommendations.ts';
import {
  buildRecommendationIndex, kindsByThemeFromIndex, kindsByYearFromIndex, openByOwnerFromIndex, selectRecommendations,
  type RecommendationIndex, type RecommendationIndexRow,
} from '../recommendations/recommendation-index.ts';

/** Every recommendation in the list's order, with its review's position in the filter index (the recs CTE's joins). */
export const RECOMMENDATION_INDEX_SQL = `
WITH ${INDEXED},
recs AS (
  SELECT x.id, x.review_id, x.source, x.source_id, x.seq, x.kind, r.year::INTEGER AS year, r.case_name AS review,
         coalesce(t.status, 'not-started') AS status, coalesce(t.owner, '') AS owner, coalesce(t.due_on, '') AS due_on
  FROM recommendations x JOIN reviews r ON r.id = x.review_id JOIN partnerships p ON p.id = r.partnership_id
  LEFT JOIN recommendation_tracking t ON t.rec_id = x.id
)
SELECT recs.id, coalesce(ri.i, -1)::INTEGER AS review, coalesce(recs.year, 0)::INTEGER AS year, recs.kind, recs.status, recs.owner, recs.due_on
FROM recs LEFT JOIN r_idx ri ON ri.id = recs.review_id
ORDER BY ${RECOMMENDATION_LIST_ORDER}`;

/** Loads the index from DuckDB (three narrow queries). */
export async function loadRecommendationIndex(db: QueryRunner): Promise<RecommendationIndex> {
  const rows = await db.query<RecommendationIndexRow>(RECOMMENDATION_INDEX_SQL, { label: 'recommendations.index' });
  const themeRows = await db.query<{ rec_id: string; theme_id: string }>('SELECT rec_id, theme_id FROM recommendation_themes', { label: 'recommendations.indexThemes' });
  const labels = await db.query<{ id: string; label: string }>('SELECT id, label FROM themes', { label: 'recommendations.themeLabels' });
  return buildRecommendationIndex(rows, themeRows, new Map(labels.map((t) => [t.id, t.label])));
}

// One index per runner, for the latest version of the recommendation tables (and of the data).
const loaded = new WeakMap<QueryRunner, { version: string; index: Promise<RecommendationIndex> }>();

function recommendationIndex(db: QueryRunner, version: string): Promise<RecommendationIndex> {
  const known = loaded.get(db);
  if (known?.version === version) return known.index;
  const entry = { version, index: loadRecommendationIndex(db) };
  entry.index.catch(() => loaded.get(db) === entry && loaded.delete(db));
  loaded.set(db, entry);
  return entry.index;
}

/** Answers `compute` over the recommendations the filters keep, timed as `index:<label>`. */
async function fromRecommendationIndex<T>(db: QueryRunner, dataVersion: number, version: string, f: Filters, label: string,
  compute: (index: RecommendationIndex, selected: number[]) => T): Promise<T> {
  const recs = await recommendationIndex(db, version);
  return fromFilterIndex(db, dataVersion, f, label, (index, hits) =>
    compute(recs, selectRecommendations(recs, selectReviews(index, f, hits, { ignoreThemes: true }), f)));
}

/** The version of the recommendation tables and of the data, as the view's query keys carry it. */
export interface RecommendationVersion { tables: string; dataVersion: number }
const key = (v: RecommendationVersion) => `${v.tables}:${v.dataVersion}`;

export const kindsByYearQuery = (db: QueryRunner, f: Filters, v: RecommendationVersion) => queryOptions({
  queryKey: ['recommendations', 'kindsByYear', f, key(v)],
  queryFn: (): Promise<KindYearRow[]> => fromRecommendationIndex(db, v.dataVersion, key(v), f, 'recommendations.kindsByYear', kindsByYearFromIndex),
});

export const kindsByThemeQuery = (db: QueryRunner, f: Filters, v: RecommendationVersion) => queryOptions({
  queryKey: ['recommendations', 'kindsByTheme', f, key(v)],
  queryFn: (): Promise<KindThemeRow[]> => fromRecommendationIndex(db, v.dataVersion, key(v), f, 'recommendations.kindsByTheme', (ri, sel) => kindsByThemeFromIndex(ri, sel)),
});

export const openByOwnerQuery = (db: QueryRunner, f: Filters, today: string, v: RecommendationVersion) => queryOptions({
  queryKey: ['recommendations', 'openByOwner', f, today, key(v)],
  queryFn: (): Promise<OwnerRow[]> => fromRecommendationIndex(db, v.dataVersion, key(v), f, 'recommendations.openByOwner', (ri, sel) => openByOwnerFromIndex(ri, sel, today)),
});

export interface RecommendationPage {
  /** How many recommendations the filters keep. */
  count: number;
  /** The first `limit` of them, texts and all. */
  rows: RecommendationListRow[];
}

/** The first `limit` recommendations the filters keep, and how many there are: only the shown rows are read. */
export const recommendationPageQuery = (db: QueryRunner, f: Filters, limit: number, v: RecommendationVersion) => queryOptions({
  queryKey: ['recommendations', 'page', f, limit, key(v)],
  queryFn: async ({ signal }): Promise<RecommendationPage> => {
    const ids = await fromRecommendationIndex(db, v.dataVersion, key(v), f, 'recommendations.listIds', (ri, sel) => ({ count: sel.length, ids: sel.slice(0, limit).map((i) => ri.ids[i]!) }));
    const rows = ids.ids.length ? await db.query<RecommendationListRow>(recommendationRowsSql(ids.ids), { signal, label: 'recommendations.page' }) : [];
    return { count: ids.count, rows };
  },
  // Texts of the shown rows: not kept for filters no longer shown.
  gcTime: 10_000,
});
