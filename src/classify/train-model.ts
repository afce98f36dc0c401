/**
 * Training: out-of-fold margins (seeded k-fold) → calibrators and thresholds; then the
 * linear model refitted on every example. Pure and deterministic, so the browser worker can
 * retrain with user corrections and get what `npm run train` would.
 */
import { analyseText, featuresOf, type Analysis } from './analyse.ts';
import { calibrate, chooseThresholds, fitCalibrators, type CalibrationData } from './calibration.ts';
import { buildVocabulary } from './features.ts';
import { compileLexicon } from './lexicon.ts';
import { parseLexicon, parseTaxonomy } from './lexicon-data.ts';
import { margins, trainLinear, type LinearWeights } from './linear-model.ts';
import { MODEL_FORMAT, MODEL_VERSION, WEIGHT_SCALE, type ModelOptions, type ThemeModel } from './model.ts';
import { DEFAULT_PASSAGE_CHARS } from './passages.ts';
import { seededFolds } from './random.ts';
import { buildLabels, type Example } from './labels.ts';
import { outOfFoldTags } from './out-of-fold.ts';

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
}

const DEFAULTS = { seed: 1, folds: 5, variant: 'lr+lexicon' as Variant, l2: 1e-3, epochs: 12, learningRate: 0.1, optimizer: 'sgd' as 'sgd' | 'batch', calibrationPull: 20, thresholdShrink: 1000, thresholdsOn: 'multi-label' as 'all' | 'multi-label' };

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { lexScale: 0.5, titleBoost: 3, learningBoost: 1.5, passageChars: DEFAULT_PASSAGE_CHARS, maxEvidence: 3 };

interface Prepared {
  analyses: Analysis[];
  Y: Uint8Array;
  S: Float64Array;
  Scal: Float64Array;
  T: number;
}

function fitLinear(p: Prepared, rows: number[], o: typeof DEFAULTS, lexScale: number) {
  const vocab = buildVocabulary(rows.map((i) => p.analyses[i]!.tokens));
  const X = rows.map((i) => featuresOf(p.analyses[i]!, vocab, lexScale).vec);
  const T = p.T;
  const Y = new Uint8Array(rows.length * T);
  const S = new Float64Array(rows.length * T);
  rows.forEach((i, r) => {
    Y.set(p.Y.subarray(i * T, (i + 1) * T), r * T);
    S.set(p.S.subarray(i * T, (i + 1) * T), r * T);
  });
  const dims = vocab.terms.length + T;
  const epochs = o.variant === 'lexicon' ? 0 : o.epochs;
  return { vocab, weights: trainLinear(X, Y, S, dims, T, { l2: o.l2, epochs, learningRate: o.learningRate, optimizer: o.optimizer, seed: o.seed }) };
}

function outOfFold(p: Prepared, o: typeof DEFAULTS, lexScale: number): Float64Array {
  const n = p.analyses.length;
  const oof = new Float64Array(n * p.T);
  const fold = seededFolds(n, Math.min(o.folds, n), o.seed);
  for (let f = 0; f < Math.min(o.folds, n); f++) {
    const train = [...fold.keys()].filter((i) => fold[i] !== f);
    const test = [...fold.keys()].filter((i) => fold[i] === f);
    const { vocab, weights } = fitLinear(p, train, o, lexScale);
    const z = new Float64Array(p.T);
    for (const i of test) oof.set(margins(weights, featuresOf(p.analyses[i]!, vocab, lexScale).vec, z), i * p.T);
  }
  return oof;
}

/** Trains a theme model from labelled examples; pure and deterministic for a given seed. */
export function trainModel(examples: Example[], taxonomy: unknown, lexicon: unknown, opts: TrainOptions = {}): ThemeModel {
  const o = { ...DEFAULTS, ...opts };
  const themes = parseTaxonomy(taxonomy);
  const lexData = parseLexicon(lexicon);
  const options = { ...DEFAULT_MODEL_OPTIONS, ...(o.learningBoost !== undefined ? { learningBoost: o.learningBoost } : {}), lexScale: o.variant === 'lr' ? 0 : DEFAULT_MODEL_OPTIONS.lexScale };
  const compiled = compileLexicon(lexData, themes);
  const analyses = examples.map((e) => analyseText(e.text, compiled, options.titleBoost, options.learningBoost));
  if (o.variant === 'lr') for (const a of analyses) (a.strength.fill(0), a.relative.fill(0));
  const T = themes.length;
  const p: Prepared = { analyses, T, ...buildLabels(examples, themes.map((t) => t.id), opts.multiLabelWeight) };
  const oof = o.variant === 'lexicon' ? new Float64Array(analyses.length * T) : outOfFold(p, o, options.lexScale);
  const lex = new Float64Array(analyses.length * T);
  const rel = new Float64Array(analyses.length * T);
  analyses.forEach((a, i) => (lex.set(a.strength, i * T), rel.set(a.relative, i * T)));
  const d: CalibrationData = { margin: oof, lexicon: lex, relative: rel, y: p.Y, weight: p.Scal, n: analyses.length, T };
  const calibration = fitCalibrators(d, o.calibrationPull).map((c) => ({ a: r4(c.a), b: r4(c.b), c: r4(c.c), d: r4(c.d) }));
  const probs = new Float64Array(oof.length);
  for (let k = 0; k < probs.length; k++) probs[k] = calibrate(calibration[k % T]!, oof[k]!, lex[k]!, rel[k]!);
  const cuts = chooseThresholds(o.thresholdsOn === 'multi-label' ? multiLabelOnly(d, examples) : d, probs, o.thresholdShrink, 0.15, 0.75);
  const all = [...analyses.keys()];
  const { vocab, weights } = fitLinear(p, all, o, options.lexScale);
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

/** The calibration data with every document that is not exhaustively multi-label left out. */
function multiLabelOnly(d: CalibrationData, examples: Example[]): CalibrationData {
  const y = d.y.slice();
  const weight = d.weight.slice();
  examples.forEach((e, i) => {
    if (!e.partial && e.gold.length > 1) return;
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
