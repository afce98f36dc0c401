/**
 * The passages of one synthetic document, and the evidence sentences that
 * justify its themes (offsets index into the passages joined by blank lines,
 * the way the tagger reads a document).
 */
import type { Random } from './random.ts';
import { neutralSentence, themeSentence } from './templates.ts';

export interface DocumentText {
  passages: string[];
  /** Per theme, the first sentences written for it, with offsets into the whole document. */
  evidence: Map<string, Array<{ start: number; end: number; sentence: string }>>;
  chars: number;
}

/** Share of sentences that speak to one of the document's themes; the rest are about the review itself. */
const THEME_SHARE = 0.45;

/** Writes `count` passages of 2–4 sentences, themed sentences drawn mostly from the leading themes. */
export function documentText(themes: readonly string[], count: number, rng: Random, maxEvidence = 2): DocumentText {
  const passages: string[] = [];
  const evidence = new Map<string, Array<{ start: number; end: number; sentence: string }>>();
  let offset = 0;
  // Earlier themes are the document's main ones: they get more sentences.
  const weights = themes.map((_, i) => 1 / (i + 1));
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    let local = 0;
    const n = rng.int(2, 4);
    for (let s = 0; s < n; s++) {
      const theme = themes.length && rng.chance(THEME_SHARE) ? themes[rng.weighted(weights)]! : null;
      const sentence = theme ? themeSentence(theme, rng) : neutralSentence(rng);
      if (s > 0) local += 1;
      if (theme) {
        const list = evidence.get(theme) ?? [];
        if (list.length < maxEvidence) list.push({ start: offset + local, end: offset + local + sentence.length, sentence });
        evidence.set(theme, list);
      }
      sentences.push(sentence);
      local += sentence.length;
    }
    const text = sentences.join(' ');
    passages.push(text);
    offset += text.length + 2;
  }
  return { passages, evidence, chars: Math.max(0, offset - 2) };
}

/** A short paragraph: one sentence per theme (up to `max`), then a neutral one. */
export function paragraph(themes: readonly string[], rng: Random, max: number): string {
  const parts = themes.slice(0, max).map((t) => themeSentence(t, rng));
  parts.push(neutralSentence(rng));
  return parts.join(' ');
}
