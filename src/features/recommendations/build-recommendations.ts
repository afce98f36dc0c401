/**
 * Derives the recommendations tables from the review texts: extraction and the
 * kind model run here (pure code, fast), the themes come from the tagging
 * worker (the same tagger as everything else, with progress and cancel), and
 * the rows reach DuckDB as Arrow. Only reviews whose texts changed since the
 * last build are read again, a batch at a time: at ten times national scale
 * the reports hold hundreds of megabytes of text, which must never be read
 * whole on every visit (nor held in the page at once). A dataset may ship the
 * tables already built (npm run data, the synthetic corpora); then nothing is
 * read until the user's own texts change. Progress is kept batch by batch, so
 * a cancelled build resumes where it stopped.
 */
import { batchTags } from '../../classify/index.ts';
import { abortError, type QueryRunner } from '../../queries/runner.ts';
import {
  ENSURE_RECOMMENDATION_TABLES_SQL, RECOMMENDATION_COLUMNS, RECOMMENDATION_THEME_COLUMNS, RECOMMENDATIONS_VERSION_SQL, STALE_RECOMMENDATION_REVIEWS_SQL,
  deleteRecommendationsOfSql, recommendationSourcesSql, recordRecommendationStateSql, resetRecommendationsForModelSql, type RecommendationSourceRow,
} from '../../queries/recommendations.ts';
import { layoutToArrowIPC } from '../../schema/arrow.ts';
import { loadKindModel, type KindModel } from '../../recommendations/kind-model.ts';
import { recommendationRows } from '../../recommendations/recommendation-rows.ts';
import { TaggingClient } from '../../workers/tagging/tagging-client.ts';

export interface BuildProgress {
  stage: 'reading';
  /** Reviews done of those whose texts are read in this build. */
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

/** Reviews read per batch: a few MB of text at national scale, so one batch never holds the page or the engine for long. */
const REVIEWS_PER_BATCH = 200;

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

/** Which tagger finds the themes: the shipped one, or a retrained one named by a hash of its bytes. */
function modelKey(retrained: Uint8Array | null | undefined): string {
  if (!retrained) return 'shipped';
  let h = 0x811c9dc5;
  for (let i = 0; i < retrained.length; i++) h = Math.imul(h ^ retrained[i]!, 0x01000193);
  return `retrained-${(h >>> 0).toString(16)}-${retrained.length}`;
}

/** Brings the recommendations tables up to date with the texts now loaded. */
export async function buildRecommendations(
  db: QueryRunner,
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void; retrainedModel?: Uint8Array | null } = {},
): Promise<BuildResult> {
  const { signal } = options;
  const model = await fetchKindModel();
  await db.exec(`${ENSURE_RECOMMENDATION_TABLES_SQL};\n${resetRecommendationsForModelSql(modelKey(options.retrainedModel))}`, { label: 'recommendations.prepare' });
  const stale = await db.query<{ review_id: string; fingerprint: string | null }>(STALE_RECOMMENDATION_REVIEWS_SQL, { signal, label: 'recommendations.stale' });
  if (stale.length) {
    const tagger = new Tagger(options.retrainedModel ?? null);
    try {
      for (let from = 0; from < stale.length; from += REVIEWS_PER_BATCH) {
        if (signal?.aborted) throw abortError();
        options.onProgress?.({ stage: 'reading', done: from, total: stale.length });
        await rebuildBatch(db, stale.slice(from, from + REVIEWS_PER_BATCH), model, tagger, signal);
      }
    } finally {
      tagger.close();
    }
  }
  const [v] = await db.query<{ state: string; recommendations: number; model_key: string }>(RECOMMENDATIONS_VERSION_SQL, { label: 'recommendations.version' });
  return { version: `${v?.state ?? '0'}-${v?.recommendations ?? 0}-${v?.model_key ?? ''}`, recommendations: v?.recommendations ?? 0, model };
}

/** Reads one batch of reviews' texts, finds and tags their recommendations, and replaces their rows. */
async function rebuildBatch(
  db: QueryRunner, batch: { review_id: string; fingerprint: string | null }[], model: KindModel, tagger: Tagger, signal: AbortSignal | undefined,
): Promise<void> {
  const ids = batch.map((r) => r.review_id);
  const present = batch.filter((r): r is { review_id: string; fingerprint: string } => r.fingerprint !== null);
  const sources = present.length ? await db.query<RecommendationSourceRow>(recommendationSourcesSql(present.map((r) => r.review_id)), { signal, label: 'recommendations.sources' }) : [];
  const rows = recommendationRows(sources, model);
  const themes = await tagger.tag(rows.map((r) => r.text), signal);
  if (signal?.aborted) throw abortError();
  const pairs = rows.flatMap((r, i) => themes[i]!.map((t) => ({ rec_id: r.id, theme_id: t.themeId, score: t.score })));
  await db.exec(deleteRecommendationsOfSql(ids), { label: 'recommendations.replace' });
  if (rows.length) await db.insertArrow('recommendations', layoutToArrowIPC(RECOMMENDATION_COLUMNS, rows));
  if (pairs.length) await db.insertArrow('recommendation_themes', layoutToArrowIPC(RECOMMENDATION_THEME_COLUMNS, pairs));
  if (present.length) await db.exec(recordRecommendationStateSql(present), { label: 'recommendations.state' });
}

/** The tagger's themes for recommendation texts (the retrained model when the workspace has one), started on first use. */
class Tagger {
  private client: TaggingClient | null = null;
  private ready: Promise<void> | null = null;
  constructor(private readonly retrained: Uint8Array | null) {}

  async tag(texts: string[], signal: AbortSignal | undefined): Promise<{ themeId: string; score: number }[][]> {
    if (!texts.length) return [];
    if (!this.client) {
      this.client = new TaggingClient();
      const client = this.client;
      this.ready = (this.retrained ? client.useModel(JSON.parse(new TextDecoder().decode(this.retrained))) : client.loadModel()).then(() => undefined);
    }
    await this.ready;
    const { batch } = await this.client.tag(texts.map((text, i) => ({ key: String(i), text })), { signal });
    return texts.map((_, i) => batchTags(batch, i).map((t) => ({ themeId: t.themeId, score: t.score })));
  }

  close() {
    this.client?.terminate();
  }
}
