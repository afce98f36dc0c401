/**
 * From a review's texts to the rows of the recommendations table: extract,
 * classify the kind, guess the addressee, and give each a stable id (its
 * review and a hash of its words) so tracking survives re-extraction and the
 * same recommendation found in the catalogue and in the report is counted once.
 */
import { guessAddressee } from './addressee.ts';
import { extractRecommendations, type ExtractionVia } from './extract.ts';
import { predictKind, type KindModel } from './kind-model.ts';
import type { RecommendationKind } from './kinds.ts';

export interface RecommendationSource {
  source: 'catalogue' | 'document';
  review_id: string;
  source_id: string;
  field: 'recommendations' | 'summary' | 'findings' | 'document';
  text: string;
}

export interface RecommendationRow {
  id: string;
  review_id: string;
  source: RecommendationSource['source'];
  source_id: string;
  field: RecommendationSource['field'];
  /** Order within its source text. */
  seq: number;
  /** The recommendation with its white space collapsed. */
  text: string;
  /** Offsets in the source text (a document's passages joined by blank lines). */
  start_offset: number;
  end_offset: number;
  via: ExtractionVia;
  kind: RecommendationKind;
  kind_confidence: number;
  addressee: string | null;
  agency: string | null;
}

/** Lower-case words only: two wordings that differ in spacing, case or punctuation match. */
export function normaliseRecommendation(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** FNV-1a over the normalised words, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The id of a recommendation: its review and its words. */
export function recommendationId(reviewId: string, text: string): string {
  return `${reviewId}#${hash(normaliseRecommendation(text))}`;
}

/** Every recommendation in the sources, one row each (the first place a recommendation is found wins). */
export function recommendationRows(sources: readonly RecommendationSource[], model: KindModel): RecommendationRow[] {
  const seen = new Set<string>();
  const out: RecommendationRow[] = [];
  // The catalogue's own "Recommendations" field first, so its wording is the one kept.
  const order = [...sources].sort((a, b) => Number(b.field === 'recommendations') - Number(a.field === 'recommendations'));
  for (const s of order) {
    extractRecommendations(s.text, { allRecommendations: s.field === 'recommendations' }).forEach((r, seq) => {
      const text = r.text.replace(/\s+/g, ' ').trim();
      const id = recommendationId(s.review_id, text);
      if (seen.has(id)) return;
      seen.add(id);
      const kind = predictKind(model, text);
      const who = guessAddressee(text);
      out.push({
        id, review_id: s.review_id, source: s.source, source_id: s.source_id, field: s.field, seq, text,
        start_offset: r.start, end_offset: r.end, via: r.via, kind: kind.kind, kind_confidence: Math.round(kind.confidence * 1000) / 1000,
        addressee: who.addressee, agency: who.agency,
      });
    });
  }
  return out;
}
