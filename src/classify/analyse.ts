/** One pass over a text shared by training and tagging: tokens, lexicon hits, features. */
import { vectorize, type SparseVector, type TokenFeatures, type Vocabulary } from './features.ts';
import { matchLexicon, type CompiledLexicon, type LexiconHit } from './lexicon.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { tokenize, tokenizeShared, type Tokens } from './tokens.ts';

export interface Analysis {
  tokens: Tokens;
  hits: LexiconHit[];
  /** Per theme: log(1 + summed hit weight), the lexicon strength. */
  strength: Float64Array;
  /** Sentences of the text (shared with evidence). */
  sentences: Sentence[];
  /** Per theme: summed hit weight relative to the document's strongest theme (0..1), length-free. */
  relative: Float64Array;
  /**
   * Per cue kind and theme (kind-major, T each: strong phrases, phrases, patterns, weak cues):
   * log(1 + summed hit weight) of that kind's hits alone. A model with lexKinds 4 reads these
   * instead of strength, so it learns how far each kind of cue counts for each theme.
   */
  kinds: Float64Array;
}

/** Lexicon inputs per theme of a model that reads the cue kinds apart (ModelOptions.lexKinds). */
export const LEXICON_KINDS = 4;

/** A hit's cue kind: 0 strong (weight 2, or a negative pattern), 1 phrase, 2 pattern, 3 weak. */
export function lexiconKind(h: LexiconHit): number {
  if (h.weight >= 1.5 || h.weight < 0) return 0;
  if (h.pattern) return 2;
  return h.weight >= 0.9 ? 1 : 3;
}

/** A short first line followed by a blank line is a title (briefings are classified as title + "\n\n" + body). */
export function titleEnd(text: string): number {
  const nl = text.indexOf('\n');
  if (nl <= 0 || nl > 200) return 0;
  return /^\n[ \t]*\n/.test(text.slice(nl, nl + 8)) ? nl : 0;
}

/**
 * Hit multipliers per character range: sentences that state learning ("the review found",
 * "practitioners should") weigh learningBoost; the rest weigh 1.
 */
function learningSentences(sentences: Sentence[], tokens: Tokens, lexicon: CompiledLexicon): Array<{ start: number; end: number }> {
  if (lexicon.learningCues.size === 0) return [];
  const out: Array<{ start: number; end: number }> = [];
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.n && tokens.starts[k]! < s.start) k++;
    for (let q = k; q < tokens.n && tokens.starts[q]! < s.end; q++) {
      const id = tokens.ids[q]!;
      if (id < lexicon.learningFlags.length && lexicon.learningFlags[id] === 1) {
        out.push({ start: s.start, end: s.end });
        break;
      }
    }
  }
  return out;
}

function inRanges(ranges: Array<{ start: number; end: number }>, at: number): boolean {
  for (const r of ranges) if (at >= r.start && at < r.end) return true;
  return false;
}

// Per-theme scratch for analyseText's shared mode.
let themeBuf = { raw: new Float64Array(0), strength: new Float64Array(0), relative: new Float64Array(0), kinds: new Float64Array(0) };

/**
 * Tokenises and matches the lexicon; title hits count titleBoost times, learning-sentence hits
 * learningBoost. shared: tokens and per-theme arrays live in scratch buffers until the next
 * shared call (tagging); otherwise the analysis owns its arrays (training keeps many).
 */
export function analyseText(text: string, lexicon: CompiledLexicon, titleBoost: number, learningBoost = 1, shared = false): Analysis {
  const T = lexicon.themeCount;
  if (shared && themeBuf.raw.length !== T) themeBuf = { raw: new Float64Array(T), strength: new Float64Array(T), relative: new Float64Array(T), kinds: new Float64Array(T * LEXICON_KINDS) };
  const tokens = shared ? tokenizeShared(text) : tokenize(text);
  const hits = matchLexicon(lexicon, tokens, text);
  const raw = shared ? themeBuf.raw.fill(0) : new Float64Array(T);
  const strength = shared ? themeBuf.strength : new Float64Array(T);
  const relative = shared ? themeBuf.relative : new Float64Array(T);
  const kinds = shared ? themeBuf.kinds.fill(0) : new Float64Array(T * LEXICON_KINDS);
  const tEnd = titleEnd(text);
  const sentences = splitSentences(text);
  const learning = learningBoost !== 1 && hits.length > 0 ? learningSentences(sentences, tokens, lexicon) : [];
  for (const h of hits) {
    const boost = h.start < tEnd ? titleBoost : inRanges(learning, h.start) ? learningBoost : 1;
    raw[h.theme]! += h.weight * boost;
    kinds[lexiconKind(h) * T + h.theme]! += h.weight * boost;
  }
  for (let k = 0; k < kinds.length; k++) kinds[k] = kinds[k]! > 0 ? Math.log1p(kinds[k]!) : 0;
  let max = 0;
  for (let t = 0; t < T; t++) if (raw[t]! > max) max = raw[t]!;
  for (let t = 0; t < T; t++) {
    const r = raw[t]!;
    strength[t] = r > 0 ? Math.log1p(r) : 0;
    relative[t] = max > 0 && r > 0 ? r / max : 0;
  }
  return { tokens, hits, strength, relative, sentences, kinds };
}

/** Features of an analysed text for a vocabulary (shared: in the vocabulary's scratch buffers); lexKinds as in ModelOptions. */
export function featuresOf(a: Analysis, vocab: Vocabulary, lexScale: number, shared = false, lexKinds = 1): { vec: SparseVector; tf: TokenFeatures } {
  return vectorize(a.tokens, vocab, lexKinds === LEXICON_KINDS ? a.kinds : a.strength, lexScale, shared);
}
