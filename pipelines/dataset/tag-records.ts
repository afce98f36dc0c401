/**
 * Tags the bundled reviews and briefings with the trained theme model, so the
 * app opens with tags already in place (tagging in the browser on every load
 * would cost each user the same work again).
 */
import type { TagEvidence, ThemeTag } from '../../src/schema/records.ts';

interface Evidence { text: string; start: number; end: number; weight: number }
interface TagResult { themes: string[]; scores: Record<string, number>; evidence: Record<string, Evidence[]> }
interface Tagger {
  tagDocument(text: string): TagResult;
}

export interface TagInput {
  entity_type: 'review' | 'briefing';
  entity_id: string;
  text: string;
  /** Where `text` starts within the entity's full text, when only part of it is tagged. */
  offset?: number;
}

/** Rounds scores so rebuilt files are byte-identical across platforms. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Runs the tagger over every input and returns model tags with their evidence sentences. */
export function tagRecords(tagger: Tagger, inputs: readonly TagInput[], maxEvidence = 3): { tags: ThemeTag[]; evidence: TagEvidence[] } {
  const tags: ThemeTag[] = [];
  const evidence: TagEvidence[] = [];
  for (const input of inputs) {
    if (!input.text.trim()) continue;
    const result = tagger.tagDocument(input.text);
    for (const theme_id of result.themes) {
      const { entity_type, entity_id } = input;
      tags.push({ entity_type, entity_id, theme_id, score: round(result.scores[theme_id] ?? 0), source: 'model', accepted: true });
      (result.evidence[theme_id] ?? []).slice(0, maxEvidence).forEach((e, rank) => {
        const shift = input.offset ?? 0;
        evidence.push({
          entity_type, entity_id, theme_id, rank, start_offset: e.start + shift, end_offset: e.end + shift,
          sentence: input.text.slice(e.start, e.end), weight: round(e.weight),
        });
      });
    }
  }
  return { tags, evidence };
}

/** Loads the engine and model if both exist; null when the model has not been trained yet. */
export async function loadTagger(modelJson: unknown): Promise<Tagger> {
  const engine = (await import('../../src/classify/index.ts')) as unknown as {
    loadModel(json: unknown): unknown;
    tagDocument(model: unknown, text: string): TagResult;
  };
  const model = engine.loadModel(modelJson);
  return { tagDocument: (text) => engine.tagDocument(model, text) };
}
