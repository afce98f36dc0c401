/**
 * Retraining the tagger with the user's corrections, in the tagging worker:
 * examples from every judged entry, the user's current theme set, then the
 * user's own entries re-tagged with the new model and its tags stored.
 */
import type { QueryRunner } from '../../queries/runner.ts';
import { rowsToArrowIPC } from '../../schema/arrow.ts';
import type { TagEvidence, ThemeTag } from '../../schema/records.ts';
import { tagRows } from '../../ingest/tag-rows.ts';
import { REPLACE_MODEL_TAGS_SQL, trainingExamplesSql, userEntriesToTagSql, type TrainingExampleRow } from '../../queries/corrections.ts';
import { loadCodebook } from '../../queries/themes-admin.ts';
import { createStagingSql, dropStagingSql } from '../../queries/workspace.ts';
import { str } from '../../queries/sql.ts';
import { TaggingClient } from '../../workers/tagging/tagging-client.ts';

export type RetrainStage = 'examples' | 'training' | 'tagging' | 'saving';
export interface RetrainProgress {
  stage: RetrainStage;
  message: string;
  fraction: number;
}

export interface RetrainResult {
  examples: number;
  retagged: number;
  tags: number;
  trainMs: number;
  modelJson: string;
}

/** Retrains and re-tags; the signal stops the worker at once (training cannot pause half-way). */
export async function retrainWithCorrections(db: QueryRunner, onProgress: (p: RetrainProgress) => void, signal: AbortSignal): Promise<RetrainResult> {
  onProgress({ stage: 'examples', message: 'Collecting your corrections and the expert labels…', fraction: 0.02 });
  const examples = await db.query<TrainingExampleRow>(trainingExamplesSql, { signal, label: 'corrections.trainingExamples' });
  if (examples.length < 10) throw new Error(`Only ${examples.length} entries have been judged: correct at least 10 before retraining.`);
  const book = await loadCodebook(db);
  // The user's theme set (new themes included), not the bundled taxonomy: retraining is how new themes get a model.
  const taxonomy = { groups: book.groups, themes: book.themes.filter((t) => !t.retired).map((t) => ({ id: t.id, group: t.group_id, label: t.label, description: t.description })) };
  const lexicon = (await import('../../../data/themes/lexicon.json')).default;
  const client = new TaggingClient();
  const stop = () => client.terminate();
  signal.addEventListener('abort', stop, { once: true });
  try {
    onProgress({ stage: 'training', message: `Training on ${examples.length} judged entries (this takes a while)…`, fraction: 0.1 });
    const trained = await client.retrain(examples.map((e) => ({ text: e.text, gold: e.gold, partial: e.partial })), taxonomy, lexicon, signal);
    const entries = await db.query<{ entity_type: 'review' | 'briefing'; entity_id: string; text: string }>(userEntriesToTagSql, { signal });
    onProgress({ stage: 'tagging', message: `Re-tagging your ${entries.length} entries…`, fraction: 0.7 });
    const { batch } = await client.tag(entries.map((e) => ({ key: e.entity_id, text: e.text })), {
      signal,
      onProgress: (p) => onProgress({ stage: 'tagging', message: `Re-tagged ${p.done} of ${p.total} entries…`, fraction: 0.7 + 0.2 * (p.done / Math.max(1, p.total)) }),
    });
    const { tags, evidence } = tagRows(batch, entries);
    onProgress({ stage: 'saving', message: 'Storing the new tags…', fraction: 0.92 });
    await storeModelTags(db, entries, tags, evidence);
    return { examples: examples.length, retagged: entries.length, tags: tags.length, trainMs: trained.elapsedMs, modelJson: JSON.stringify(trained.model) };
  } finally {
    signal.removeEventListener('abort', stop);
    client.terminate();
  }
}

async function storeModelTags(db: QueryRunner, entries: { entity_type: string; entity_id: string }[], tags: ThemeTag[], evidence: TagEvidence[]): Promise<void> {
  const staged = ['theme_tags', 'tag_evidence'] as const;
  await db.exec(createStagingSql(staged));
  try {
    await db.exec(`CREATE OR REPLACE TEMP TABLE ws_in_entries (entity_type VARCHAR, entity_id VARCHAR)`);
    if (entries.length) await db.exec(`INSERT INTO ws_in_entries VALUES ${entries.map((e) => `(${str(e.entity_type)}, ${str(e.entity_id)})`).join(', ')}`);
    if (tags.length) await db.insertArrow('ws_in_theme_tags', rowsToArrowIPC('theme_tags', tags));
    if (evidence.length) await db.insertArrow('ws_in_tag_evidence', rowsToArrowIPC('tag_evidence', evidence));
    try {
      await db.exec(REPLACE_MODEL_TAGS_SQL);
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined /* nothing was open */);
      throw err;
    }
  } finally {
    await db.exec(`${dropStagingSql(staged)}; DROP TABLE IF EXISTS ws_in_entries`).catch(() => undefined /* temp tables go with the session */);
  }
}
