/**
 * Training: out-of-fold margins (seeded k-fold) → calibrators and thresholds; then the
 * linear model refitted on every example. Pure and deterministic, so the browser worker can
 * retrain with user corrections and get what `npm run train` would.
 */
import { analyseText, featuresOf, LEXICON_KINDS, type Analysis } from './analyse.ts';
import { calibrate, chooseThresholds, fitCalibrators, type CalibrationData, type Calibrator } from './calibration.ts';
import { buildVocabulary } from './features.ts';
import { compileLexicon } from './lexicon.ts';
import { parseLexicon, parseTaxonomy } from './lexicon-data.ts';
import { margins, trainLinear, type LinearWeights } from './linear-model.ts';
import { MODEL_FORMAT, MODEL_VERSION, WEIGHT_SCALE, type ModelOptions, type ThemeModel } from './model.ts';
import { DEFAULT_PASSAGE_CHARS } from './passages.ts';
import { seededFolds } from './random.ts';
import { buildLabels, type Example } from './labels.ts';
import { outOfFoldTags } from './out-of-fold.ts';
import { mixWindows, windowTexts } from './windows.ts';

export type { Example } from './labels.ts';

export type Variant = 'lr+lexicon' | 'lr' | 'lexicon';

export interface TrainOptions {
  seed?: number;
  folds?: number;
  variant?: Variant;
  l2?: number;
  epochs?: number;
  learningRate?: number;
  optimizer?: 'sgd' | 'batch';
  learningBoost?: number;
  /** Calibration pull of each theme toward the pooled calibrator. */
  calibrationPull?: number;
  /** Threshold shrinkage toward the global cut, in pseudo-positives. */
  thresholdShrink?: number;
  /**
   * Also tag every keyed example with a model trained without it (k-fold, about k more
   * trainings) and keep those tags in the model (see out-of-fold.ts).
   */
  outOfFold?: boolean;
  /**
   * Which documents choose the thresholds: all of them, or only the exhaustively labelled
   * multi-label ones (review-like; short single-theme examples and briefings score differently).
   */
  thresholdsOn?: 'all' | 'multi-label';
  /** Weight of an exhaustively labelled multi-label document (a review) against a one-theme example. */
  multiLabelWeight?: number;
  /** Scale of the lexicon features in the linear model (default 1; 0.5 with lexKinds 1 before). */
  lexScale?: number;
  /** Weight of the unknown (negative) themes of a single-topic document. */
  partialNegativeWeight?: number;
  /** Cap on the up-weighting of a rare theme's positives. */
  maxPositiveWeight?: number;
  /** 1: fit the calibrators on the multi-label documents only (0: on every document). */
  calibrateOnMultiLabel?: number;
  /** Window size for scoring long passages in windows too (windows.ts; 0: whole passages only). */
  windowChars?: number;
  /** Weight of the windows' noisy-OR in a passage's score. */
  windowMix?: number;
  /** 1 (default): choose thresholds on the multi-label documents scored in windows (long ones) when there are enough; 0: on every multi-label document. */
  thresholdsOnWindowed?: number;
  /** Least number of training documents a word or bigram must occur in to be a feature. */
  minDf?: number;
  /** Exponent of a theme's positive up-weighting, (negatives / positives)^e capped at maxPositiveWeight. */
  positiveExponent?: number;
  /**
   * Lexicon inputs of the linear model per theme: 4 (default) one per cue kind (strong phrases,
   * phrases, patterns, weak cues; analyse.ts), 1 the theme's single strength (the earlier tagger,
   * with lexScale 0.5).
   */
  lexKinds?: number;
}

const DEFAULTS = { minDf: 2, seed: 1, folds: 5, variant: 'lr+lexicon' as Variant, l2: 1e-3, epochs: 12, learningRate: 0.1, optimizer: 'sgd' as 'sgd' | 'batch', calibrationPull: 20, thresholdShrink: 1000, thresholdsOn: 'multi-label' as 'all' | 'multi-label' };

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { lexScale: 1, lexKinds: LEXICON_KINDS, titleBoost: 3, learningBoost: 1.5, passageChars: DEFAULT_PASSAGE_CHARS, maxEvidence: 3, windowChars: 500, windowMix: 0.5 };

interface Prepared {
  analyses: Analysis[];
  /** Per document, the analyses of its windows (none when it fits one window). */
  windows: Analysis[][];
  Y: Uint8Array;
  S: Float64Array;
  Scal: Float64Array;
  T: number;
}

function fitLinear(p: Prepared, rows: number[], o: typeof DEFAULTS, lexScale: number, K: number) {
  const vocab = buildVocabulary(rows.map((i) => p.analyses[i]!.tokens), o.minDf);
  const X = rows.map((i) => featuresOf(p.analyses[i]!, vocab, lexScale, false, K).vec);
  const T = p.T;
  const Y = new Uint8Array(rows.length * T);
  const S = new Float64Array(rows.length * T);
  rows.forEach((i, r) => {
    Y.set(p.Y.subarray(i * T, (i + 1) * T), r * T);
    S.set(p.S.subarray(i * T, (i + 1) * T), r * T);
  });
  const dims = vocab.terms.length + T * K;
  const epochs = o.variant === 'lexicon' ? 0 : o.epochs;
  return { vocab, weights: trainLinear(X, Y, S, dims, T, { l2: o.l2, epochs, learningRate: o.learningRate, optimizer: o.optimizer, seed: o.seed }) };
}

/** Out-of-fold margins of every document (n × T) and of each document's windows (windows × T each). */
function outOfFold(p: Prepared, o: typeof DEFAULTS, lexScale: number, K: number): { whole: Float64Array; windows: Float64Array[] } {
  const n = p.analyses.length;
  const oof = new Float64Array(n * p.T);
  const windows = p.windows.map((w) => new Float64Array(w.length * p.T));
  const fold = seededFolds(n, Math.min(o.folds, n), o.seed);
  for (let f = 0; f < Math.min(o.folds, n); f++) {
    const train = [...fold.keys()].filter((i) => fold[i] !== f);
    const test = [...fold.keys()].filter((i) => fold[i] === f);
    const { vocab, weights } = fitLinear(p, train, o, lexScale, K);
    const z = new Float64Array(p.T);
    for (const i of test) {
      oof.set(margins(weights, featuresOf(p.analyses[i]!, vocab, lexScale, false, K).vec, z), i * p.T);
      p.windows[i]!.forEach((a, j) => windows[i]!.set(margins(weights, featuresOf(a, vocab, lexScale, false, K).vec, z), j * p.T));
    }
  }
  return { whole: oof, windows };
}

/** Calibrated out-of-fold probabilities, each long document's mixed with its windows' noisy-OR as the tagger does. */
function calibratedScores(p: Prepared, d: CalibrationData, windowMargins: Float64Array[], calibration: Calibrator[], mix: number): Float64Array {
  const T = p.T;
  const probs = new Float64Array(d.margin.length);
  for (let k = 0; k < probs.length; k++) probs[k] = calibrate(calibration[k % T]!, d.margin[k]!, d.lexicon[k]!, d.relative[k]!);
  const keep = new Float64Array(T);
  p.windows.forEach((ws, i) => {
    if (ws.length === 0) return;
    keep.fill(1);
    ws.forEach((a, j) => {
      for (let t = 0; t < T; t++) keep[t]! *= 1 - calibrate(calibration[t]!, windowMargins[i]![j * T + t]!, a.strength[t]!, a.relative[t]!);
    });
    mixWindows(probs.subarray(i * T, (i + 1) * T), keep, mix);
  });
  return probs;
}

/** Trains a theme model from labelled examples; pure and deterministic for a given seed. */
export function trainModel(examples: Example[], taxonomy: unknown, lexicon: unknown, opts: TrainOptions = {}): ThemeModel {
  const o = { ...DEFAULTS, ...opts };
  const themes = parseTaxonomy(taxonomy);
  const lexData = parseLexicon(lexicon);
  const options: ModelOptions = {
    ...DEFAULT_MODEL_OPTIONS,
    ...(o.learningBoost !== undefined ? { learningBoost: o.learningBoost } : {}),
    ...(o.windowChars !== undefined ? { windowChars: o.windowChars } : {}),
    ...(o.windowMix !== undefined ? { windowMix: o.windowMix } : {}),
    lexKinds: o.lexKinds === 1 ? 1 : LEXICON_KINDS,
    lexScale: o.variant === 'lr' ? 0 : (o.lexScale ?? DEFAULT_MODEL_OPTIONS.lexScale),
  };
  const compiled = compileLexicon(lexData, themes);
  const analyse = (text: string) => analyseText(text, compiled, options.titleBoost, options.learningBoost);
  const analyses = examples.map((e) => analyse(e.text));
  const windows = examples.map((e) => windowTexts(e.text, options).map(analyse));
  if (o.variant === 'lr') for (const a of [...analyses, ...windows.flat()]) (a.strength.fill(0), a.relative.fill(0), a.kinds.fill(0));
  const T = themes.length;
  const p: Prepared = { analyses, windows, T, ...buildLabels(examples, themes.map((t) => t.id), opts.multiLabelWeight, opts.partialNegativeWeight, opts.maxPositiveWeight, opts.positiveExponent) };
  const oofs = o.variant === 'lexicon' ? { whole: new Float64Array(analyses.length * T), windows: windows.map((w) => new Float64Array(w.length * T)) } : outOfFold(p, o, options.lexScale, options.lexKinds ?? 1);
  const oof = oofs.whole;
  const lex = new Float64Array(analyses.length * T);
  const rel = new Float64Array(analyses.length * T);
  analyses.forEach((a, i) => (lex.set(a.strength, i * T), rel.set(a.relative, i * T)));
  const d: CalibrationData = { margin: oof, lexicon: lex, relative: rel, y: p.Y, weight: p.Scal, n: analyses.length, T };
  const calibration = fitCalibrators(opts.calibrateOnMultiLabel ? multiLabelOnly(d, examples) : d, o.calibrationPull).map((c) => ({ a: r4(c.a), b: r4(c.b), c: r4(c.c), d: r4(c.d) }));
  const probs = calibratedScores(p, d, oofs.windows, calibration, options.windowMix ?? 0);
  const cuts = chooseThresholds(o.thresholdsOn === 'multi-label' ? multiLabelOnly(d, examples, thresholdDocs(examples, windows, opts.thresholdsOnWindowed ?? 1)) : d, probs, o.thresholdShrink, 0.15, 0.75);
  const all = [...analyses.keys()];
  const { vocab, weights } = fitLinear(p, all, o, options.lexScale, options.lexKinds ?? 1);
  const model: ThemeModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    themes,
    lexicon: lexData,
    options,
    vocabulary: vocab.terms,
    idf: Array.from(vocab.idf, r4),
    weights: sparseWeights(weights),
    calibration,
    thresholds: cuts.perTheme.map(r4),
    training: { documents: examples.length, seed: o.seed, variant: o.variant },
  };
  if (o.outOfFold) model.outOfFold = outOfFoldTags(examples, (subset) => trainModel(subset, taxonomy, lexicon, { ...opts, outOfFold: false }), o.folds, o.seed);
  return model;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000 || 0;

/**
 * Which multi-label documents choose the thresholds: with `windowed` set, those long enough to be
 * scored in windows (review summaries, scored as reviews will be), when there are enough of them.
 */
function thresholdDocs(examples: Example[], windows: Analysis[][], windowed: number): (i: number) => boolean {
  if (!windowed) return () => true;
  const long = examples.filter((e, i) => !e.partial && e.gold.length > 1 && windows[i]!.length > 0).length;
  return long >= MIN_THRESHOLD_DOCS ? (i) => windows[i]!.length > 0 : () => true;
}

const MIN_THRESHOLD_DOCS = 20;

/** The calibration data with every document that is not exhaustively multi-label left out. */
function multiLabelOnly(d: CalibrationData, examples: Example[], also: (i: number) => boolean = () => true): CalibrationData {
  const y = d.y.slice();
  const weight = d.weight.slice();
  examples.forEach((e, i) => {
    if (!e.partial && e.gold.length > 1 && also(i)) return;
    y.fill(0, i * d.T, (i + 1) * d.T);
    weight.fill(0, i * d.T, (i + 1) * d.T);
  });
  return { ...d, y, weight };
}

/**
 * Per-theme sparse weights, quantised to integers in thousandths (|w| < 0.005 dropped) with
 * delta-encoded feature ids: about half the bytes of plain ids and decimals. Pruning harder
 * costs accuracy (keeping only the largest 1,000 per theme: −0.03 micro-F1 on reviews).
 */
function sparseWeights(w: LinearWeights): ThemeModel['weights'] {
  const T = w.themes;
  return Array.from({ length: T }, (_, t) => {
    const ids: number[] = [];
    const values: number[] = [];
    let last = 0;
    for (let f = 0; f < w.dims; f++) {
      const q = Math.round(w.W[f * T + t]! * WEIGHT_SCALE);
      if (Math.abs(q) < 5) continue;
      ids.push(f - last);
      values.push(q);
      last = f;
    }
    return { bias: r4(w.b[t]!), ids, values };
  });
}
