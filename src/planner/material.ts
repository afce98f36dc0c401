/** Starting material for a briefing author: evidence rows grouped by review, with a summary fallback. */

/** A row of a theme's evidence (themeEvidenceSql in src/queries/planner.ts). */
export interface ThemeEvidenceRow {
  review_id: string;
  case_name: string;
  partnership: string;
  published: string | null;
  year: number;
  /** The tag's strongest sentences; null when the tag has none (e.g. a manual tag). */
  sentence: string | null;
  weight: number | null;
  /** The review summary, sent only when there is no evidence sentence to show. */
  summary: string | null;
  reviews_with_theme: number;
}


export interface ReviewMaterial {
  review_id: string;
  case_name: string;
  partnership: string;
  published: string | null;
  /** "evidence": the tagger's sentences for this theme; "summary": the review's opening (no evidence stored). */
  kind: 'evidence' | 'summary';
  sentences: string[];
}

// Split after . ! or ? followed by a space and a capital, digit or quote; keeps
// "e.g. the" and "Dr. Smith"-style abbreviations mostly together.
const SENTENCE_END = /(?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z0-9])/;
const ABBREVIATION = /\b(?:e\.g|i\.e|Dr|Mr|Mrs|Ms|St|No|vs|etc)\.$/i;

/** The first `count` sentences of a text (whole text when it has no sentence breaks). */
export function firstSentences(text: string, count = 2): string[] {
  const parts = text.trim().split(SENTENCE_END);
  const sentences: string[] = [];
  for (const part of parts) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last]!)) sentences[last] = `${sentences[last]} ${part}`;
    else sentences.push(part);
  }
  return sentences.filter((s) => s.trim() !== '').slice(0, count);
}

/** Groups evidence rows (already in display order) by review. */
export function groupEvidence(rows: readonly ThemeEvidenceRow[], summarySentences = 2): ReviewMaterial[] {
  const byReview = new Map<string, ReviewMaterial>();
  for (const r of rows) {
    let m = byReview.get(r.review_id);
    if (!m) {
      m = { review_id: r.review_id, case_name: r.case_name, partnership: r.partnership, published: r.published, kind: 'evidence', sentences: [] };
      byReview.set(r.review_id, m);
    }
    if (r.sentence) m.sentences.push(r.sentence);
    else if (r.summary && m.sentences.length === 0) {
      m.kind = 'summary';
      m.sentences = firstSentences(r.summary, summarySentences);
    }
  }
  return [...byReview.values()];
}

/** The explorer link for a review. */
export const reviewHref = (reviewId: string) => `/explorer?review=${encodeURIComponent(reviewId)}`;
