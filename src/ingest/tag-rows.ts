/** Tagger results → `theme_tags` (source model) and `tag_evidence` rows. */
import { batchTags, type TagBatch } from '../classify/index.ts';
import type { EntityType, TagEvidence, ThemeTag } from '../schema/records.ts';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export interface TaggedEntity {
  entity_type: EntityType;
  entity_id: string;
  /** The text that was tagged (evidence offsets point into it). */
  text: string;
}

/**
 * One tag per theme the tagger selected for entities[i] (text i of the batch), with up to `maxEvidence` sentences each;
 * `from`/`to` limit it to a range of texts, so a big batch can be turned into rows a slice at a time.
 */
export function tagRows(
  batch: TagBatch, entities: readonly TaggedEntity[], maxEvidence = 3, from = 0, to = entities.length,
): { tags: ThemeTag[]; evidence: TagEvidence[] } {
  if (entities.length !== batch.count) throw new Error(`Tagging returned ${batch.count} results for ${entities.length} texts`);
  const tags: ThemeTag[] = [];
  const evidence: TagEvidence[] = [];
  for (let i = from; i < to; i++) {
    const { entity_type, entity_id, text } = entities[i]!;
    for (const tag of batchTags(batch, i)) {
      const theme_id = tag.themeId;
      tags.push({ entity_type, entity_id, theme_id, score: round(tag.score), source: 'model', accepted: true });
      tag.evidence.slice(0, maxEvidence).forEach((e, rank) => {
        evidence.push({
          entity_type, entity_id, theme_id, rank, start_offset: e.start, end_offset: e.end,
          sentence: text.slice(e.start, e.end), weight: round(e.weight),
        });
      });
    }
  }
  return { tags, evidence };
}
