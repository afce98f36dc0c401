/**
 * Retraining the tagger in the tagging worker on the shipped examples, the expert labels and
 * the user's corrections together; scoring the model in use and the new one on the same
 * judgments by their out-of-fold tags; re-tagging the user's own entries with the new model
 * (or, to go back, with the previous one) and storing the tags through the write path.
 */
import type { QueryRunner } from '../../queries/runner.ts';
import { outOfFoldAgreement, overallScore, type CorrectionCell, type OverallScore, type ThemeAgreement } from '../../agreement/out-of-fold.ts';
import type { OutOfFold } from '../../classify/index.ts';
import { tagRows } from '../../ingest/tag-rows.ts';
import { correctionCellsSql, expertKeysSql } from '../../queries/agreement.ts';
import { trainingExamplesSql, userEntriesToTagSql, type TrainingExampleRow } from '../../queries/corrections.ts';
import { loadCodebook } from '../../queries/themes-admin.ts';
import { storeModelTags } from '../../workspace/changes.ts';
import type { WriteChange } from '../../workspace/write.ts';
import { TaggingClient } from '../../workers/tagging/tagging-client.ts';
import { loadOutOfFold, outOfFoldOf } from '../agreement/model-out-of-fold.ts';
import { loadShippedExamples } from './shipped-examples.ts';

export type RetrainStage = 'examples' | 'training' | 'tagging' | 'saving';
export interface RetrainProgress {
  stage: RetrainStage;
  message: string;
  fraction: number;
}

/** A model's out-of-fold figures on the judgments in force. */
export interface ModelScore {
  overall: OverallScore;
  perTheme: ThemeAgreement[];
  /** The model keeps out-of-fold tags (older models do not: no honest figures). */
  available: boolean;
}

export interface RetrainResult {
  judged: number;
  shipped: number;
  retagged: number;
  tags: number;
  trainMs: number;
  modelJson: string;
  before: ModelScore;
  after: ModelScore;
}

/** Scores a model's out-of-fold tags on the judgments in force (expert labels and corrections). */
export function scoreModel(oof: OutOfFold | null, themeIds: string[], expertKeys: Set<string>, corrections: CorrectionCell[]): ModelScore {
  const perTheme = outOfFoldAgreement({ outOfFold: oof, themeIds, expertKeys, corrections, basis: 'all' });
  return { overall: overallScore(perTheme), perTheme, available: oof !== null };
}

/** Retrains (the signal stops the worker at once: training cannot pause half-way) and re-tags the user's entries. */
export async function retrainWithCorrections(db: QueryRunner, change: WriteChange, current: Uint8Array | null, onProgress: (p: RetrainProgress) => void, signal: AbortSignal): Promise<RetrainResult> {
  onProgress({ stage: 'examples', message: 'Collecting the shipped examples, the expert labels and your corrections…', fraction: 0.02 });
  const judged = await db.query<TrainingExampleRow>(trainingExamplesSql, { signal, label: 'corrections.trainingExamples' });
  if (judged.length < 10) throw new Error(`Only ${judged.length} entries have been judged: correct at least 10 before retraining.`);
  const shipped = await loadShippedExamples();
  const book = await loadCodebook(db);
  // The user's theme set (new themes included), not the bundled taxonomy: retraining is how new themes get a model.
  const active = book.themes.filter((t) => !t.retired);
  const taxonomy = { groups: book.groups, themes: active.map((t) => ({ id: t.id, group: t.group_id, label: t.label, description: t.description })) };
  const lexicon = (await import('../../../data/themes/lexicon.json')).default;
  const [keys, corrections, beforeOof] = await Promise.all([
    db.query<{ key: string }>(expertKeysSql, { signal }),
    db.query<CorrectionCell>(correctionCellsSql, { signal }),
    loadOutOfFold(current, signal),
  ]);
  const expertKeys = new Set(keys.map((k) => k.key));
  const themeIds = active.map((t) => t.id);
  const examples = [
    ...shipped,
    ...judged.map((e) => ({ text: e.text, gold: e.gold, partial: e.partial, key: `${e.entity_type}:${e.entity_id}` })),
  ];
  const client = new TaggingClient();
  const stop = () => client.terminate();
  signal.addEventListener('abort', stop, { once: true });
  try {
    onProgress({ stage: 'training', message: `Training on ${shipped.length} shipped examples and ${judged.length} judged entries, then checking it on entries it has not seen (this takes a while)…`, fraction: 0.1 });
    const trained = await client.retrain(examples, taxonomy, lexicon, signal);
    const before = scoreModel(beforeOof, themeIds, expertKeys, corrections);
    const after = scoreModel(outOfFoldOf(trained.model), themeIds, expertKeys, corrections);
    const { retagged, tags } = await retagUserEntries(db, change, client, onProgress, signal);
    return { judged: judged.length, shipped: shipped.length, retagged, tags, trainMs: trained.elapsedMs, modelJson: JSON.stringify(trained.model), before, after };
  } finally {
    signal.removeEventListener('abort', stop);
    client.terminate();
  }
}

/** Puts a model back in charge of the user's entries: re-tags them with it (null = the bundled model). */
export async function retagWithModel(db: QueryRunner, change: WriteChange, modelJson: string | null, onProgress: (p: RetrainProgress) => void, signal: AbortSignal): Promise<{ retagged: number; tags: number }> {
  const client = new TaggingClient();
  const stop = () => client.terminate();
  signal.addEventListener('abort', stop, { once: true });
  try {
    onProgress({ stage: 'examples', message: 'Loading the previous tagger…', fraction: 0.05 });
    await (modelJson === null ? client.loadModel() : client.useModel(JSON.parse(modelJson)));
    return await retagUserEntries(db, change, client, onProgress, signal);
  } finally {
    signal.removeEventListener('abort', stop);
    client.terminate();
  }
}

async function retagUserEntries(db: QueryRunner, change: WriteChange, client: TaggingClient, onProgress: (p: RetrainProgress) => void, signal: AbortSignal): Promise<{ retagged: number; tags: number }> {
  const entries = await db.query<{ entity_type: 'review' | 'briefing'; entity_id: string; text: string }>(userEntriesToTagSql, { signal });
  onProgress({ stage: 'tagging', message: `Re-tagging your ${entries.length} entries…`, fraction: 0.7 });
  const { batch } = await client.tag(entries.map((e) => ({ key: e.entity_id, text: e.text })), {
    signal,
    onProgress: (p) => onProgress({ stage: 'tagging', message: `Re-tagged ${p.done} of ${p.total} entries…`, fraction: 0.7 + 0.2 * (p.done / Math.max(1, p.total)) }),
  });
  const { tags, evidence } = tagRows(batch, entries);
  onProgress({ stage: 'saving', message: 'Storing the new tags…', fraction: 0.92 });
  // Phrase-rule tags go too: the model in charge re-tags everything the tagger gave these entries.
  await change(storeModelTags(entries, { theme_tags: tags, tag_evidence: evidence }, { rules: true }));
  return { retagged: entries.length, tags: tags.length };
}
