/**
 * A review known only from its partnership's page has no text of its own, but
 * the 7-minute briefings published from it name its learning. Such a review
 * takes the themes of its briefings as rule tags, with the briefing title (as
 * it appears in the review's summary) as the evidence.
 */
import type { Briefing, Review, TagEvidence, ThemeTag } from '../../src/schema/records.ts';
import { reviewText } from '../../src/schema/records.ts';

export function briefingRuleTags(
  reviews: readonly Review[],
  briefings: readonly Briefing[],
  briefingTags: readonly ThemeTag[],
): { tags: ThemeTag[]; evidence: TagEvidence[] } {
  const tagsByBriefing = new Map<string, ThemeTag[]>();
  for (const t of briefingTags) {
    if (t.entity_type === 'briefing') tagsByBriefing.set(t.entity_id, [...(tagsByBriefing.get(t.entity_id) ?? []), t]);
  }
  const tags: ThemeTag[] = [];
  const evidence: TagEvidence[] = [];
  for (const review of reviews) {
    const text = reviewText(review);
    const best = new Map<string, { score: number; title: string }>();
    for (const b of briefings) {
      if (b.review_id !== review.id || b.briefing_kind !== '7-minute-briefing') continue;
      for (const t of tagsByBriefing.get(b.id) ?? []) {
        if ((best.get(t.theme_id)?.score ?? -1) < t.score) best.set(t.theme_id, { score: t.score, title: b.title });
      }
    }
    for (const [theme_id, { score, title }] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
      tags.push({ entity_type: 'review', entity_id: review.id, theme_id, score, source: 'rule', accepted: true });
      const start = text.indexOf(title);
      if (start >= 0) {
        evidence.push({
          entity_type: 'review', entity_id: review.id, theme_id, rank: 0, start_offset: start,
          end_offset: start + title.length, sentence: title, weight: score,
        });
      }
    }
  }
  return { tags, evidence };
}
