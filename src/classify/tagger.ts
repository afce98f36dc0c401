/** The public tagging API: tagText for a passage-sized text, tagDocument for anything longer. */
import { analyseText, featuresOf } from './analyse.ts';
import { calibrate } from './calibration.ts';
import { evidenceForThemes, type Evidence, type EvidenceContext } from './evidence.ts';
import { compiledModel, WEIGHT_SCALE, type CompiledModel, type ThemeModel } from './model.ts';
import type { SparseVector } from './features.ts';
import { rollUpScore, splitPassages } from './passages.ts';

export interface TagResult {
  /** Theme ids whose score reaches the theme's threshold, best first. */
  themes: string[];
  /** Calibrated score in 0..1 for every theme id. */
  scores: Record<string, number>;
  /** Justifying sentences per theme (offsets into the input text), best first. */
  evidence: Record<string, Evidence[]>;
}

export interface DocumentTags extends TagResult {
  passages: Array<TagResult & { seq: number; start: number; end: number; text: string }>;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Calibrated probabilities for every theme (no evidence), for ranking and evaluation. */
export function scoreText(model: ThemeModel, text: string): Float64Array {
  return score(compiledModel(model), text).probs.slice();
}

/** Probabilities for every theme; the result and context use shared scratch until the next call. */
function score(c: CompiledModel, text: string): { probs: Float64Array; ctx: EvidenceContext } {
  const { lexScale, titleBoost, learningBoost } = c.model.options;
  const analysis = analyseText(text, c.lexicon, titleBoost, learningBoost, true);
  const { vec, tf } = featuresOf(analysis, c.vocab, lexScale, true);
  const probs = margins(c, vec);
  for (let t = 0; t < c.T; t++) probs[t] = calibrate(c.model.calibration[t]!, probs[t]!, analysis.strength[t]!, analysis.relative[t]!);
  return { probs, ctx: { c, text, analysis, vec, tf } };
}

/** w·x + b for every theme, into the model's scratch (weights are integers in 1/WEIGHT_SCALE). */
function margins(c: CompiledModel, x: SparseVector): Float64Array {
  const out = c.scratch.fill(0);
  const { T, W } = c;
  for (let k = 0; k < x.n; k++) {
    const base = x.idx[k]! * T;
    const v = x.val[k]!;
    for (let t = 0; t < T; t++) out[t]! += W[base + t]! * v;
  }
  for (let t = 0; t < T; t++) out[t] = c.b[t]! + out[t]! / WEIGHT_SCALE;
  return out;
}

/** Themes at or above `ratio` × their threshold, best first. */
function selected(c: CompiledModel, probs: Float64Array, ratio: number): number[] {
  const ts: number[] = [];
  for (let t = 0; t < c.T; t++) if (probs[t]! >= c.model.thresholds[t]! * ratio) ts.push(t);
  return ts.sort((x, y) => probs[y]! - probs[x]! || x - y);
}

function tagWith(c: CompiledModel, text: string, evidenceRatio: number): TagResult {
  const { probs, ctx } = score(c, text);
  // Cloning a template with every key already present is much faster than adding 31 keys.
  const scores: Record<string, number> = { ...c.scoreTemplate };
  for (let t = 0; t < c.T; t++) scores[c.ids[t]!] = round4(probs[t]!);
  const evidence: Record<string, Evidence[]> = {};
  const withEvidence = selected(c, probs, evidenceRatio);
  const lists = evidenceForThemes(ctx, withEvidence);
  const themes: string[] = [];
  for (let k = 0; k < withEvidence.length; k++) {
    const t = withEvidence[k]!;
    evidence[c.ids[t]!] = lists[k]!;
    // Tagged themes are the evidence themes at or above their own threshold (same order).
    if (probs[t]! >= c.model.thresholds[t]!) themes.push(c.ids[t]!);
  }
  return { themes, scores, evidence };
}

/** Tags one passage-sized text. */
export function tagText(model: ThemeModel, text: string): TagResult {
  return tagWith(compiledModel(model), text, 1);
}

/**
 * Tags a document of any length: splits it into passages, tags each, and rolls up (document
 * score = best passage raised a little by the second best; evidence = the best passages'
 * sentences, offsets relative to the whole document).
 */
export function tagDocument(model: ThemeModel, text: string, opts: { passageChars?: number } = {}): DocumentTags {
  const c = compiledModel(model);
  const parts = splitPassages(text, opts.passageChars ?? c.model.options.passageChars);
  // Passages keep evidence for near-threshold themes too: the roll-up may lift them over.
  const passages = parts.map((p) => ({ ...p, ...shift(tagWith(c, p.text, 0.5), p.start) }));
  const scores: Record<string, number> = {};
  const evidence: Record<string, Evidence[]> = {};
  const themes: string[] = [];
  c.model.themes.forEach((th, t) => {
    const s = round4(rollUpScore(passages.map((p) => p.scores[th.id]!)));
    scores[th.id] = s;
    if (s < c.model.thresholds[t]!) return;
    themes.push(th.id);
    const ranked = passages.flatMap((p) => (p.evidence[th.id] ?? []).map((e) => ({ e, key: e.weight * p.scores[th.id]! })));
    ranked.sort((x, y) => y.key - x.key || x.e.start - y.e.start);
    evidence[th.id] = ranked.slice(0, c.model.options.maxEvidence).map((r) => r.e);
  });
  themes.sort((x, y) => scores[y]! - scores[x]! || (x < y ? -1 : 1));
  return { themes, scores, evidence, passages };
}

function shift(r: TagResult, by: number): TagResult {
  const evidence: Record<string, Evidence[]> = {};
  for (const [id, list] of Object.entries(r.evidence)) evidence[id] = list.map((e) => ({ ...e, start: e.start + by, end: e.end + by }));
  return { ...r, evidence };
}
