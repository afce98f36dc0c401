/**
 * The public tagging API: tagText for a passage-sized text, tagDocument for anything longer.
 * Longer than most modules because the bulk path (tagDocumentCore and its single-passage fast
 * path) lives beside tagDocument, whose results it must reproduce exactly.
 */
import { analyseText, featuresOf } from './analyse.ts';
import { sigmoid } from './calibration.ts';
import { evidenceForThemes, rankEvidence, type Evidence, type EvidenceContext } from './evidence.ts';
import { compiledModel, WEIGHT_SCALE, type CompiledModel, type ThemeModel } from './model.ts';
import type { SparseVector } from './features.ts';
import { splitPassages } from './passages.ts';
import { mixWindows, windowTexts } from './windows.ts';

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

/**
 * A document's tags by theme index: what tagDocument returns, minus the per-passage detail.
 * Its arrays are the model's scratch, valid until the next call.
 */
export interface DocumentCore {
  /** Rounded score per theme in model order. */
  scores: Float64Array;
  /** Tagged theme indices, best first. */
  themes: number[];
  /**
   * Evidence of themes[k], best first: rows evidenceFrom[k] … evidenceFrom[k + 1] - 1 of
   * evidenceStart / evidenceEnd (offsets into the whole document) and evidenceWeight.
   */
  evidenceFrom: Int32Array;
  evidenceStart: Int32Array;
  evidenceEnd: Int32Array;
  evidenceWeight: Float64Array;
  /** Passages the document was split into. */
  passages: number;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Calibrated probabilities for every theme (no evidence), for ranking and evaluation. */
export function scoreText(model: ThemeModel, text: string): Float64Array {
  return score(compiledModel(model), text).probs.slice();
}

/**
 * Probabilities for every theme; the result and context use shared scratch until the next call.
 * A passage longer than the model's window mixes in its windows' noisy-OR (windows.ts); the
 * windows are scored first, since the whole passage's analysis must be the one left in scratch.
 */
function score(c: CompiledModel, text: string): { probs: Float64Array; ctx: EvidenceContext } {
  const windows = windowTexts(text, c.model.options);
  if (windows.length === 0) return scoreOnce(c, text);
  const keep = c.windowKeep.fill(1);
  for (const w of windows) {
    const p = scoreOnce(c, w).probs;
    for (let t = 0; t < c.T; t++) keep[t]! *= 1 - p[t]!;
  }
  const whole = scoreOnce(c, text);
  mixWindows(whole.probs, keep, c.model.options.windowMix ?? 0);
  return whole;
}

/** Probabilities of one text as a whole (no windows). */
function scoreOnce(c: CompiledModel, text: string): { probs: Float64Array; ctx: EvidenceContext } {
  const { lexScale, titleBoost, learningBoost, lexKinds } = c.model.options;
  const analysis = analyseText(text, c.lexicon, titleBoost, learningBoost, true);
  const { vec, tf } = featuresOf(analysis, c.vocab, lexScale, true, lexKinds);
  const probs = margins(c, vec);
  const { a, b, d } = c.cal;
  const bias = c.cal.c;
  const { strength, relative } = analysis;
  // calibrate() inlined over per-theme arrays (same arithmetic, same order).
  for (let t = 0; t < c.T; t++) probs[t] = sigmoid(a[t]! * probs[t]! + b[t]! * strength[t]! + d[t]! * relative[t]! + bias[t]!);
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
  for (let t = 0; t < c.T; t++) if (probs[t]! >= c.thresholds[t]! * ratio) ts.push(t);
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
  const passages: DocumentTags['passages'] = [];
  const core = documentCore(c, text, opts.passageChars ?? c.model.options.passageChars, passages);
  const scores: Record<string, number> = { ...c.scoreTemplate };
  for (let t = 0; t < c.T; t++) scores[c.ids[t]!] = core.scores[t]!;
  // Evidence keys in model order, themes best first.
  const evidence: Record<string, Evidence[]> = {};
  const byTheme = new Map(core.themes.map((t, k) => [t, k]));
  for (let t = 0; t < c.T; t++) {
    const k = byTheme.get(t);
    if (k === undefined) continue;
    const list: Evidence[] = [];
    for (let r = core.evidenceFrom[k]!; r < core.evidenceFrom[k + 1]!; r++) {
      const start = core.evidenceStart[r]!;
      const end = core.evidenceEnd[r]!;
      list.push({ text: text.slice(start, end), start, end, weight: core.evidenceWeight[r]! });
    }
    evidence[c.ids[t]!] = list;
  }
  return { themes: core.themes.map((t) => c.ids[t]!), scores, evidence, passages };
}

/** tagDocument by theme index, without building per-passage results (for tagging many texts). */
export function tagDocumentCore(model: ThemeModel, text: string, passageChars?: number): DocumentCore {
  const c = compiledModel(model);
  return documentCore(c, text, passageChars ?? c.model.options.passageChars);
}

/** An evidence sentence that may rise to the document: its theme and rank key (weight × passage score). */
interface Candidate {
  t: number;
  key: number;
  e: Evidence;
}

/**
 * The roll-up behind tagDocument. Passages keep evidence for near-threshold themes too (the
 * roll-up may lift them over), except that a single-passage document without `detail` needs
 * evidence only for the themes it is tagged with (its document scores are its passage scores).
 */
function documentCore(c: CompiledModel, text: string, passageChars: number, detail?: DocumentTags['passages']): DocumentCore {
  const parts = splitPassages(text, passageChars);
  if (parts.length === 1 && !detail) return singlePassage(c, parts[0]!.text, parts[0]!.start);
  const { T, roll, thresholds } = c;
  const { best1, best2, scores } = roll;
  best1.fill(0);
  best2.fill(0);
  const cands: Candidate[] = [];
  for (const p of parts) {
    const { probs, ctx } = score(c, p.text);
    for (let t = 0; t < T; t++) {
      // Running best and second best rounded passage scores (as rollUpScore keeps them).
      const r = round4(probs[t]!);
      if (r > best1[t]!) (best2[t] = best1[t]!), (best1[t] = r);
      else if (r > best2[t]!) best2[t] = r;
    }
    const ev = selected(c, probs, 0.5);
    const lists = evidenceForThemes(ctx, ev);
    const from = cands.length;
    for (let k = 0; k < ev.length; k++) {
      const t = ev[k]!;
      const r = round4(probs[t]!);
      for (const e of lists[k]!) {
        const shifted = p.start === 0 ? e : { ...e, start: e.start + p.start, end: e.end + p.start };
        cands.push({ t, key: shifted.weight * r, e: shifted });
      }
    }
    if (detail) detail.push({ ...p, ...passageResult(c, probs, ev, cands, from) });
  }
  const themes: number[] = [];
  for (let t = 0; t < T; t++) {
    scores[t] = rolledUp(best1[t]!, best2[t]!);
    if (scores[t]! >= thresholds[t]!) themes.push(t);
  }
  sortThemes(c, themes, scores);
  const max = c.model.options.maxEvidence;
  const out = coreOf(c, themes, parts.length);
  let row = 0;
  themes.forEach((t, k) => {
    const ranked = cands.filter((x) => x.t === t);
    ranked.sort((x, y) => y.key - x.key || x.e.start - y.e.start);
    for (const x of ranked.slice(0, max)) (out.evidenceStart[row] = x.e.start), (out.evidenceEnd[row] = x.e.end), (out.evidenceWeight[row++] = x.e.weight);
    out.evidenceFrom[k + 1] = row;
  });
  return out;
}

/** The model's DocumentCore scratch for these themes, evidence rows not yet written. */
function coreOf(c: CompiledModel, themes: number[], passages: number): DocumentCore {
  const core = c.roll.core;
  core.themes = themes;
  core.passages = passages;
  core.evidenceFrom[0] = 0;
  return core;
}

/** Tagged themes best first, ties by id (insertion sort: a text has a handful). */
function sortThemes(c: CompiledModel, themes: number[], scores: Float64Array): void {
  const before = (x: number, y: number): boolean => scores[x]! > scores[y]! || (scores[x] === scores[y] && c.ids[x]! < c.ids[y]!);
  for (let a = 1; a < themes.length; a++) {
    const x = themes[a]!;
    let r = a;
    for (; r > 0 && before(x, themes[r - 1]!); r--) themes[r] = themes[r - 1]!;
    themes[r] = x;
  }
}

/**
 * documentCore for a text that is one passage (most texts tagged in bulk): document scores
 * are the passage's own, rolled up alone, and evidence is ranked only for the tagged themes,
 * straight into typed scratch (no objects per sentence).
 */
function singlePassage(c: CompiledModel, text: string, by: number): DocumentCore {
  const { probs, ctx } = score(c, text);
  const { T, thresholds } = c;
  const scores = c.roll.scores;
  const themes: number[] = [];
  for (let t = 0; t < T; t++) {
    scores[t] = rolledUp(round4(probs[t]!), 0);
    if (scores[t]! >= thresholds[t]!) themes.push(t);
  }
  sortThemes(c, themes, scores);
  // Evidence as the general roll-up ranks it: from passages where the theme was within half its threshold.
  const withEvidence: number[] = [];
  for (const t of themes) if (probs[t]! >= thresholds[t]! * 0.5) withEvidence.push(t);
  const ranks = rankEvidence(ctx, withEvidence);
  const sentences = ctx.analysis.sentences;
  const out = coreOf(c, themes, 1);
  const { evidenceStart: start, evidenceEnd: end, evidenceWeight: weight } = out;
  let row = 0;
  for (let q = 0; q < themes.length; q++) {
    const t = themes[q]!;
    const k = withEvidence.indexOf(t);
    const n = k < 0 ? 0 : ranks.count[k]!;
    const r = round4(probs[t]!);
    for (let j = 0; j < n; j++) {
      const sen = sentences[ranks.sentence[k * ranks.max + j]!]!;
      const w = ranks.weight[k * ranks.max + j]!;
      // Best first by unrounded weight already; re-ranked by the rounded key as the roll-up does.
      let at = row + j;
      while (at > row && (weight[at - 1]! * r < w * r || (weight[at - 1]! * r === w * r && start[at - 1]! > sen.start + by))) {
        start[at] = start[at - 1]!;
        end[at] = end[at - 1]!;
        weight[at] = weight[at - 1]!;
        at--;
      }
      start[at] = sen.start + by;
      end[at] = sen.end + by;
      weight[at] = w;
    }
    row += n;
    out.evidenceFrom[q + 1] = row;
  }
  return out;
}

/** Document score from the best and second-best passage scores (see rollUpScore), rounded. */
function rolledUp(s1: number, s2: number): number {
  return round4(1 - (1 - s1) * (1 - s2 / 2));
}

/** One passage's TagResult (tagDocument's detail): its probabilities and its candidates, cands[from..]. */
function passageResult(c: CompiledModel, probs: Float64Array, ev: number[], cands: Candidate[], from: number): TagResult {
  const scores: Record<string, number> = { ...c.scoreTemplate };
  for (let t = 0; t < c.T; t++) scores[c.ids[t]!] = round4(probs[t]!);
  const evidence: Record<string, Evidence[]> = {};
  const themes: string[] = [];
  for (const t of ev) {
    evidence[c.ids[t]!] = [];
    if (probs[t]! >= c.model.thresholds[t]!) themes.push(c.ids[t]!);
  }
  for (let k = from; k < cands.length; k++) evidence[c.ids[cands[k]!.t]!]!.push(cands[k]!.e);
  return { themes, scores, evidence };
}
