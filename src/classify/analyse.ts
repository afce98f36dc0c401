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
let themeBuf = { raw: new Float64Array(0), strength: new Float64Array(0), relative: new Float64Array(0) };

/**
 * Tokenises and matches the lexicon; title hits count titleBoost times, learning-sentence hits
 * learningBoost. shared: tokens and per-theme arrays live in scratch buffers until the next
 * shared call (tagging); otherwise the analysis owns its arrays (training keeps many).
 */
export function analyseText(text: string, lexicon: CompiledLexicon, titleBoost: number, learningBoost = 1, shared = false): Analysis {
  const T = lexicon.themeCount;
  if (shared && themeBuf.raw.length !== T) themeBuf = { raw: new Float64Array(T), strength: new Float64Array(T), relative: new Float64Array(T) };
  const tokens = shared ? tokenizeShared(text) : tokenize(text);
  const hits = matchLexicon(lexicon, tokens, text);
  const raw = shared ? themeBuf.raw.fill(0) : new Float64Array(T);
  const strength = shared ? themeBuf.strength : new Float64Array(T);
  const relative = shared ? themeBuf.relative : new Float64Array(T);
  const tEnd = titleEnd(text);
  const sentences = splitSentences(text);
  const learning = learningBoost !== 1 && hits.length > 0 ? learningSentences(sentences, tokens, lexicon) : [];
  for (const h of hits) {
    const boost = h.start < tEnd ? titleBoost : inRanges(learning, h.start) ? learningBoost : 1;
    raw[h.theme]! += h.weight * boost;
  }
  let max = 0;
  for (let t = 0; t < T; t++) if (raw[t]! > max) max = raw[t]!;
  for (let t = 0; t < T; t++) {
    const r = raw[t]!;
    strength[t] = r > 0 ? Math.log1p(r) : 0;
    relative[t] = max > 0 && r > 0 ? r / max : 0;
  }
  return { tokens, hits, strength, relative, sentences };
}

/** Features of an analysed text for a vocabulary (shared: in the vocabulary's scratch buffers). */
export function featuresOf(a: Analysis, vocab: Vocabulary, lexScale: number, shared = false): { vec: SparseVector; tf: TokenFeatures } {
  return vectorize(a.tokens, vocab, a.strength, lexScale, shared);
}
