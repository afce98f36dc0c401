/**
 * The serialisable theme model (public/model/theme-model.json) and its compiled, ready-to-run
 * form. Compiled forms are cached per model object, so tagText can take the plain JSON.
 */
import type { Calibrator } from './calibration.ts';
import type { DocumentCore } from './tagger.ts';
import type { OutOfFold } from './out-of-fold.ts';
import { vocabularyFrom, type Vocabulary } from './features.ts';
import { compileLexicon, type CompiledLexicon } from './lexicon.ts';
import { parseLexicon, parseTaxonomy, type LexiconData, type ThemeDef } from './lexicon-data.ts';

export const MODEL_FORMAT = 'learning-themes/theme-model';
export const MODEL_VERSION = 1;
export const WEIGHT_SCALE = 1000;

export interface ModelOptions {
  /** Multiplier for lexicon strengths as linear-model features. */
  lexScale: number;
  /** Lexicon hits in a short first line (a briefing title) count this many times. */
  titleBoost: number;
  /** Lexicon hits in sentences that state learning count this many times. */
  learningBoost: number;
  /** Default passage size for tagDocument. */
  passageChars: number;
  /** Most evidence sentences kept per theme. */
  maxEvidence: number;
  /** A longer passage is also scored in windows of at most this many characters (windows.ts; absent: never). */
  windowChars?: number;
  /** Weight of the windows' noisy-OR in a passage's score. */
  windowMix?: number;
  /** Lexicon inputs of the linear model per theme: 1 (absent) the theme's strength, 3 one per cue kind (analyse.ts). */
  lexKinds?: number;
}

export interface ThemeModel {
  format: typeof MODEL_FORMAT;
  version: number;
  themes: ThemeDef[];
  lexicon: LexiconData;
  options: ModelOptions;
  vocabulary: string[];
  /** idf per vocabulary term, rounded. */
  idf: number[];
  /**
   * Per theme: bias and sparse weights as parallel arrays: feature ids delta-encoded (each is
   * the gap from the previous id) and values as integers in units of 1/WEIGHT_SCALE.
   */
  weights: Array<{ bias: number; ids: number[]; values: number[] }>;
  calibration: Calibrator[];
  thresholds: number[];
  training: { documents: number; seed: number; variant: string };
  /** Out-of-fold tags of the keyed training entries (absent in models trained without them). */
  outOfFold?: OutOfFold;
}

export interface CompiledModel {
  model: ThemeModel;
  lexicon: CompiledLexicon;
  vocab: Vocabulary;
  /**
   * Feature-major dense weights (dims × T) as stored: integers in units of 1/WEIGHT_SCALE.
   * Int16 keeps a feature's row for all themes in one cache line (a quarter of Float64's
   * bytes): scoring is bound by memory reads, not arithmetic.
   */
  W: Int16Array;
  b: Float64Array;
  dims: number;
  T: number;
  /** Per-theme thresholds and calibrator parameters as arrays (read for every passage). */
  thresholds: Float64Array;
  cal: { a: Float64Array; b: Float64Array; c: Float64Array; d: Float64Array };
  /** Per-theme scratch for scoring (valid until the next call). */
  scratch: Float64Array;
  /** Per-theme scratch for the windows' noisy-OR (product of 1 − p). */
  windowKeep: Float64Array;
  /** Per-theme scratch for a document's roll-up: best and second-best passage scores, document scores. */
  roll: { best1: Float64Array; best2: Float64Array; scores: Float64Array; core: DocumentCore };
  ids: string[];
  /** {themeId: 0} for every theme, in model order. */
  scoreTemplate: Record<string, number>;
}

const compiled = new WeakMap<ThemeModel, CompiledModel>();

/** Builds (once per model object) the runtime structures: lexicon trie, vocabulary map, dense weights. */
export function compiledModel(model: ThemeModel): CompiledModel {
  let c = compiled.get(model);
  if (!c) {
    c = compile(model);
    compiled.set(model, c);
  }
  return c;
}

function compile(model: ThemeModel): CompiledModel {
  const T = model.themes.length;
  const vocab = vocabularyFrom(model.vocabulary, model.idf);
  const dims = vocab.terms.length + T * (model.options.lexKinds ?? 1);
  const W = new Int16Array(dims * T);
  const b = new Float64Array(T);
  model.weights.forEach((w, t) => {
    b[t] = w.bias;
    let id = 0;
    w.ids.forEach((gap, k) => {
      id += gap;
      if (id >= dims) throw new Error(`Theme model: weight id ${id} out of range for theme ${model.themes[t]!.id}`);
      const q = w.values[k]!;
      if (!Number.isInteger(q) || Math.abs(q) > 32767) throw new Error(`Theme model: weight ${q} of theme ${model.themes[t]!.id} is not a 16-bit integer`);
      W[id * T + t] = q;
    });
  });
  return { model, lexicon: compileLexicon(model.lexicon, model.themes), vocab, W, b, dims, T, thresholds: Float64Array.from(model.thresholds), cal: calibratorArrays(model), scratch: new Float64Array(T), windowKeep: new Float64Array(T), roll: rollScratch(T, model.options.maxEvidence), ids: model.themes.map((t) => t.id), scoreTemplate: Object.fromEntries(model.themes.map((t) => [t.id, 0])) };
}

function rollScratch(T: number, maxEvidence: number): CompiledModel['roll'] {
  const rows = T * Math.max(1, maxEvidence);
  const scores = new Float64Array(T);
  const core: DocumentCore = { scores, themes: [], passages: 0, evidenceFrom: new Int32Array(T + 1), evidenceStart: new Int32Array(rows), evidenceEnd: new Int32Array(rows), evidenceWeight: new Float64Array(rows) };
  return { best1: new Float64Array(T), best2: new Float64Array(T), scores, core };
}

function calibratorArrays(model: ThemeModel): CompiledModel['cal'] {
  const col = (k: 'a' | 'b' | 'c' | 'd') => Float64Array.from(model.calibration, (cal) => cal[k]);
  return { a: col('a'), b: col('b'), c: col('c'), d: col('d') };
}

/** Validates a parsed theme-model JSON and prepares it for tagging; throws a clear Error otherwise. */
export function loadModel(json: unknown): ThemeModel {
  if (typeof json !== 'object' || json === null) throw new Error('Theme model: expected a JSON object');
  const m = json as Partial<ThemeModel>;
  if (m.format !== MODEL_FORMAT) throw new Error(`Theme model: not a theme model (format ${JSON.stringify(m.format)}, expected "${MODEL_FORMAT}")`);
  if (m.version !== MODEL_VERSION) {
    throw new Error(`Theme model: unsupported version ${JSON.stringify(m.version)} (this app reads version ${MODEL_VERSION}); retrain with npm run train`);
  }
  const themes = parseTaxonomy({ themes: m.themes });
  const T = themes.length;
  if (!Array.isArray(m.vocabulary) || !Array.isArray(m.idf) || m.idf.length !== m.vocabulary.length) throw new Error('Theme model: vocabulary and idf are missing or differ in length');
  for (const key of ['weights', 'calibration', 'thresholds'] as const) {
    if (!Array.isArray(m[key]) || m[key].length !== T) throw new Error(`Theme model: "${key}" must have one entry per theme (${T})`);
  }
  const model = { ...(m as ThemeModel), themes, lexicon: parseLexicon(m.lexicon) };
  compiledModel(model);
  return model;
}
