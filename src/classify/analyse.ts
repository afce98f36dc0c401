/** One pass over a text shared by training and tagging: tokens, lexicon hits, features. */
import { vectorize, type SparseVector, type TokenFeatures, type Vocabulary } from './features.ts';
import { matchLexicon, type CompiledLexicon, type LexiconHit } from './lexicon.ts';
import { tokenize, type Tokens } from './tokens.ts';

export interface Analysis {
  tokens: Tokens;
  hits: LexiconHit[];
  /** Per theme: log(1 + summed hit weight), the lexicon strength. */
  strength: Float64Array;
}

/** A short first line followed by a blank line is a title (briefings are classified as title + "\n\n" + body). */
export function titleEnd(text: string): number {
  const nl = text.indexOf('\n');
  if (nl <= 0 || nl > 200) return 0;
  return /^\n[ \t]*\n/.test(text.slice(nl, nl + 8)) ? nl : 0;
}

/** Tokenises and matches the lexicon; title hits count titleBoost times. */
export function analyseText(text: string, lexicon: CompiledLexicon, titleBoost: number): Analysis {
  const tokens = tokenize(text);
  const hits = matchLexicon(lexicon, tokens, text);
  const raw = new Float64Array(lexicon.themeCount);
  const tEnd = titleEnd(text);
  for (const h of hits) raw[h.theme]! += h.start < tEnd ? h.weight * titleBoost : h.weight;
  const strength = raw.map((r) => (r > 0 ? Math.log1p(r) : 0));
  return { tokens, hits, strength };
}

/** Features of an analysed text for a vocabulary. */
export function featuresOf(a: Analysis, vocab: Vocabulary, lexScale: number): { vec: SparseVector; tf: TokenFeatures } {
  return vectorize(a.tokens, vocab, a.strength, lexScale);
}
