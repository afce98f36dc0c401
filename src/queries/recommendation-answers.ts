/**
 * The Recommendations view's queries: counts per filter from the
 * recommendation index (src/recommendations/recommendation-index.ts), loaded
 * once per version of the recommendation tables (and of the data), with the
 * list's rows, so a filter change runs no SQL. At x10 (30,000
 * recommendations) the SQL aggregates and the whole filtered list, read on
 * every change, took most of a second; a page read by id still queued behind
 * the engine's background work.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Filters } from '../filters/filters.ts';
import { selectReviews } from '../filter-index/select.ts';
import { fromFilterIndex } from './coordinator.ts';
import { INDEXED } from './indexed-sql.ts';
import { ALL_RECOMMENDATIONS_SQL, type KindThemeRow, type KindYearRow, type OwnerRow, type RecommendationListRow } from './recommendations.ts';
import {
  buildRecommendationIndex, kindsByThemeFromIndex, kindsByYearFromIndex, openByOwnerFromIndex, recommendationBase, selectRecommendations,
  type RecommendationBase, type RecommendationIndex,
} from '../recommendations/recommendation-index.ts';

/** Loads the index from DuckDB: every recommendation's list row, the review positions and the themes. */
export async function loadRecommendationIndex(db: QueryRunner): Promise<RecommendationIndex> {
  const rows = await db.query<RecommendationListRow>(ALL_RECOMMENDATIONS_SQL, { label: 'recommendations.index' });
  const reviews = await db.query<{ id: string }>(`WITH ${INDEXED} SELECT id FROM r_idx ORDER BY i`, { label: 'recommendations.indexReviews' });
  const themeRows = await db.query<{ rec_id: string; theme_id: string }>('SELECT rec_id, theme_id FROM recommendation_themes', { label: 'recommendations.indexThemes' });
  const labels = await db.query<{ id: string; label: string }>('SELECT id, label FROM themes', { label: 'recommendations.themeLabels' });
  return buildRecommendationIndex(rows, reviews.map((r) => r.id), themeRows, new Map(labels.map((t) => [t.id, t.label])));
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
  compute: (index: RecommendationIndex, selected: number[], reviews: Uint8Array) => T): Promise<T> {
  const recs = await recommendationIndex(db, version);
  return fromFilterIndex(db, dataVersion, f, label, (index, hits) => {
    const reviews = selectReviews(index, f, hits, { ignoreThemes: true });
    return compute(recs, selectRecommendations(recs, reviews, f), reviews);
  });
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
  /** The headline's counts: recommendations, the reviews they come from, and the reviews the filters keep. */
  base: RecommendationBase;
  /** The first `limit` of them, texts and all. */
  rows: RecommendationListRow[];
}

/** The first `limit` recommendations the filters keep, and how many there are. */
export const recommendationPageQuery = (db: QueryRunner, f: Filters, limit: number, v: RecommendationVersion) => queryOptions({
  queryKey: ['recommendations', 'page', f, limit, key(v)],
  queryFn: (): Promise<RecommendationPage> => fromRecommendationIndex(db, v.dataVersion, key(v), f, 'recommendations.list',
    (ri, sel, reviews) => ({ count: sel.length, base: recommendationBase(ri, sel, reviews), rows: sel.slice(0, limit).map((i) => ri.rows[i]!) })),
});
