/**
 * Derives the recommendations tables from the review texts: extraction and the
 * kind model run here (pure code, fast), the themes come from the tagging
 * worker (the same tagger as everything else, with progress and cancel), and
 * the rows reach DuckDB as Arrow. Skipped when the texts are unchanged since
 * the last build (a status edit bumps the data version but changes no text).
 */
import { batchTags } from '../../classify/index.ts';
import type { QueryRunner } from '../../queries/runner.ts';
import {
  CREATE_RECOMMENDATION_TABLES_SQL, RECOMMENDATION_COLUMNS, RECOMMENDATION_THEME_COLUMNS, RECOMMENDATION_SOURCES_FINGERPRINT_SQL, RECOMMENDATION_SOURCES_SQL, type RecommendationSourceRow,
} from '../../queries/recommendations.ts';
import { layoutToArrowIPC } from '../../schema/arrow.ts';
import { loadKindModel, type KindModel } from '../../recommendations/kind-model.ts';
import { recommendationRows } from '../../recommendations/recommendation-rows.ts';
import { TaggingClient } from '../../workers/tagging/tagging-client.ts';

export interface BuildProgress {
  stage: 'reading' | 'tagging' | 'storing';
  done: number;
  total: number;
}

export interface BuildResult {
  /** Changes whenever the tables are rebuilt: part of every recommendations query key. */
  version: string;
  recommendations: number;
  /** The kind model (with its k-fold figures, shown beside each kind). */
  model: KindModel;
}

let kindModel: Promise<KindModel> | null = null;

/** The shipped kind model, fetched once. */
export function fetchKindModel(): Promise<KindModel> {
  kindModel ??= fetch(`${import.meta.env.BASE_URL}model/recommendation-kinds.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`the recommendation kind model could not be fetched (HTTP ${r.status})`);
      return r.json();
    })
    .then(loadKindModel)
    .catch((err: unknown) => {
      kindModel = null;
      throw err;
    });
  return kindModel;
}

const built = new WeakMap<QueryRunner, { fingerprint: string; result: BuildResult }>();

/** Builds (or reuses) the recommendations tables for the texts now loaded. */
export async function buildRecommendations(
  db: QueryRunner,
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void; retrainedModel?: Uint8Array | null } = {},
): Promise<BuildResult> {
  const [{ fingerprint }] = await db.query<{ fingerprint: string; texts: number }>(RECOMMENDATION_SOURCES_FINGERPRINT_SQL, { label: 'recommendations.fingerprint' }) as [{ fingerprint: string; texts: number }];
  const last = built.get(db);
  if (last && last.fingerprint === fingerprint) return last.result;
  const model = await fetchKindModel();
  options.onProgress?.({ stage: 'reading', done: 0, total: 1 });
  const sources = await db.query<RecommendationSourceRow>(RECOMMENDATION_SOURCES_SQL, { signal: options.signal, label: 'recommendations.sources' });
  const rows = recommendationRows(sources, model);
  const themes = await tagRecommendations(rows.map((r) => r.text), options);
  options.onProgress?.({ stage: 'storing', done: 0, total: 1 });
  const recIpc = layoutToArrowIPC(RECOMMENDATION_COLUMNS, rows);
  const pairs = rows.flatMap((r, i) => themes[i]!.map((t) => ({ rec_id: r.id, theme_id: t.themeId, score: t.score })));
  const themeIpc = layoutToArrowIPC(RECOMMENDATION_THEME_COLUMNS, pairs);
  await db.exec(CREATE_RECOMMENDATION_TABLES_SQL);
  if (rows.length) await db.insertArrow('recommendations', recIpc);
  if (pairs.length) await db.insertArrow('recommendation_themes', themeIpc);
  const result: BuildResult = { version: `${fingerprint.slice(0, 12)}-${rows.length}`, recommendations: rows.length, model };
  built.set(db, { fingerprint, result });
  return result;
}

/** The tagger's themes for each text, in order (the retrained model when the workspace has one). */
async function tagRecommendations(
  texts: string[],
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void; retrainedModel?: Uint8Array | null },
): Promise<{ themeId: string; score: number }[][]> {
  if (!texts.length) return [];
  const client = new TaggingClient();
  try {
    if (options.retrainedModel) await client.useModel(JSON.parse(new TextDecoder().decode(options.retrainedModel)));
    else await client.loadModel();
    const { batch } = await client.tag(texts.map((text, i) => ({ key: String(i), text })), {
      signal: options.signal,
      onProgress: (p) => options.onProgress?.({ stage: 'tagging', done: p.done, total: p.total }),
    });
    return texts.map((_, i) => batchTags(batch, i).map((t) => ({ themeId: t.themeId, score: t.score })));
  } finally {
    client.terminate();
  }
}
