/** Tagger results → `theme_tags` (source model) and `tag_evidence` rows. */
import type { DocumentTags } from '../classify/index.ts';
import type { EntityType, TagEvidence, ThemeTag } from '../schema/records.ts';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export interface TaggedItem {
  entity_type: EntityType;
  entity_id: string;
  text: string;
  result: DocumentTags;
}

/** One tag per theme the tagger selected, with up to `maxEvidence` sentences each. */
export function tagRows(items: readonly TaggedItem[], maxEvidence = 3): { tags: ThemeTag[]; evidence: TagEvidence[] } {
  const tags: ThemeTag[] = [];
  const evidence: TagEvidence[] = [];
  for (const { entity_type, entity_id, text, result } of items) {
    for (const theme_id of result.themes) {
      tags.push({ entity_type, entity_id, theme_id, score: round(result.scores[theme_id] ?? 0), source: 'model', accepted: true });
      (result.evidence[theme_id] ?? []).slice(0, maxEvidence).forEach((e, rank) => {
        evidence.push({
          entity_type, entity_id, theme_id, rank, start_offset: e.start, end_offset: e.end,
          sentence: text.slice(e.start, e.end), weight: round(e.weight),
        });
      });
    }
  }
  return { tags, evidence };
}
