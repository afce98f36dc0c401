/** The text shown for an item and what to mark in it: evidence sentences and search hits. */
import type { Highlight } from '../../components/HighlightedText.tsx';
import type { EvidenceRow, ItemDetail } from '../../queries/explorer.ts';
import { findHits } from '../../queries/search.ts';
import { briefingText, reviewText } from '../../schema/records.ts';

/** The text the tagger read, so evidence offsets index into it. */
export function itemText(item: ItemDetail): string {
  return item.kind === 'review' ? reviewText(item) : briefingText(item);
}

/**
 * Evidence ranges (checked against the stored sentence, so stale offsets after
 * a text edit mark nothing rather than the wrong words) and search hits.
 */
export function itemHighlights(text: string, evidence: readonly EvidenceRow[], themeLabel: (id: string) => string, q: string): Highlight[] {
  const marks: Highlight[] = evidence
    .filter((e) => e.passage_id === null)
    .filter((e) => text.slice(e.start_offset, e.end_offset).trim() === e.sentence.trim())
    .map((e) => ({ start: e.start_offset, end: e.end_offset, className: 'explorer-evidence', title: `Evidence for ${themeLabel(e.theme_id)}` }));
  for (const h of findHits(text, q)) marks.push({ ...h, className: 'explorer-hit', title: 'Search match' });
  return marks;
}

/** Evidence marks and search hits within one passage of an imported document. */
export function passageHighlights(passageId: string, text: string, evidence: readonly EvidenceRow[], themeLabel: (id: string) => string, q: string): Highlight[] {
  const own = evidence.filter((e) => e.passage_id === passageId).map((e) => ({ ...e, passage_id: null }));
  return itemHighlights(text, own, themeLabel, q);
}
