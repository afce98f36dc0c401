/**
 * Evaluates the theme tagger on labelled JSONL files.
 *
 * Reads:  each FILE (lines with id, text, gold; briefings may add title, classified as
 *         title + "\n\n" + text), plus data/ (taxonomy, lexicon, examples, other case files).
 * Writes: a report on stdout: our model variants and baselines (literal labels, natural's
 *         Bayes, optionally natural's logistic regression), per-theme P/R/F1/κ for the kept
 *         variant, micro/macro F1, top-1/top-3 for single-topic files, and tagging speed.
 * Run:    npm run eval   (every data/cases file: the review files together, then the briefings)
 *         npm run eval -- FILE.jsonl [FILE ...] [--k 5] [--seed 1] [--natural-lr] [--only-kept]
 *         npm run eval -- --no-cv FILE.jsonl   (score the shipped public/model/theme-model.json)
 *         npm run eval -- --without-test-part   (k-fold without any test-part line: for choosing settings)
 *         npm run eval -- --set reviews|briefings   (only that set of data/cases)
 *         npm run eval -- --train NAME=NUMBER   (a training option, e.g. thresholdShrink=300, to compare settings)
 *         npm run eval -- --seeds 1,2,3   (also repeat the kept variant's k-fold with these fold seeds: mean ± half-range)
 *         npm run eval -- --by-file   (also the kept variant's P/R/F1 and themes per line by source file; with --seeds, over those seeds;
 *                                      the fixed test part too, by one model)
 *         npm run eval -- --catalogue   (the shipped model on the gathered catalogue entries, against the themes
 *                                        their sources' keyword lists name; pipelines/lib/catalogue-docs.ts)
 * With cross-validation no line is scored by a model trained on it: each fold trains on the
 * set's other folds + data/examples + every other data/cases file. Sets drawn from data/cases
 * are also scored on their fixed test part (pipelines/lib/test-part.ts) by one model trained
 * on everything except every file's test part.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadModel, parseTaxonomy, scoreText, tagDocument, trainModel, type ThemeModel, type TrainOptions, type Variant } from '../src/classify/index.ts';
import { seededFolds } from '../src/classify/random.ts';
import { literalLabels, naturalBayes, naturalLogistic, type Predictor } from './lib/baselines.ts';
import { multiLabel, topK } from './lib/metrics.ts';
import { DATA, jsonlFiles, loadLabelled, loadLexicon, loadTaxonomy, loadTrainingDocs, MODEL_PATH, type LabelledDoc } from './lib/training-data.ts';
import { isTestPart } from './lib/test-part.ts';
import { catalogueDocs } from './lib/catalogue-docs.ts';
import { printByFile, printMethods, printPerTheme, printSpeed, type MethodResult } from './lib/report.ts';

const KEPT: Variant = 'lr+lexicon';

interface Args {
  files: string[];
  k: number;
  seed: number;
  cv: boolean;
  naturalLr: boolean;
  onlyKept: boolean;
  /** Leave every data/cases test-part line out (for choosing settings without touching the test part). */
  withoutTestPart: boolean;
  /** With no files: only the review set or only the briefing set of data/cases. */
  set?: 'reviews' | 'briefings';
  /** Training options to try instead of the defaults (numbers only), for choosing settings. */
  train: TrainOptions;
  /** Fold seeds for a repeated k-fold of the kept variant (a gain smaller than its spread is noise). */
  seeds: number[];
  /** Also report the kept variant per source file (precision, recall, F1, themes per line). */
  byFile: boolean;
  /** Score the shipped model on the gathered catalogue entries' keyword lists instead. */
  catalogue: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { files: [], k: 5, seed: 1, cv: true, naturalLr: false, onlyKept: false, withoutTestPart: false, train: {}, seeds: [], byFile: false, catalogue: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--k') a.k = Number(argv[++i]);
    else if (x === '--seed') a.seed = Number(argv[++i]);
    else if (x === '--seeds') a.seeds = String(argv[++i]).split(',').map(Number).filter(Number.isFinite);
    else if (x === '--no-cv') a.cv = false;
    else if (x === '--natural-lr') a.naturalLr = true;
    else if (x === '--only-kept') a.onlyKept = true;
    else if (x === '--by-file') a.byFile = true;
    else if (x === '--catalogue') a.catalogue = true;
    else if (x === '--without-test-part') a.withoutTestPart = true;
    else if (x === '--set') a.set = argv[++i] === 'briefings' ? 'briefings' : 'reviews';
    else if (x === '--train') {
      const [name, value] = String(argv[++i]).split('=');
      if (!name || value === undefined || !Number.isFinite(Number(value))) throw new Error(`--train wants NAME=NUMBER (e.g. thresholdShrink=300), got "${argv[i]}"`);
      (a.train as Record<string, number>)[name] = Number(value);
    }
    else a.files.push(x);
  }
  return a;
}

function modelPredictor(model: ThemeModel): Predictor {
  const ids = model.themes.map((t) => t.id);
  const rank = (text: string): string[] => {
    const p = scoreText(model, text);
    return ids.map((id, t) => ({ id, p: p[t]! })).sort((x, y) => y.p - x.p).map((x) => x.id);
  };
  return { predict: (text) => tagDocument(model, text).themes, rank };
}

type Trainer = (train: LabelledDoc[]) => Predictor;

function crossValidate(docs: LabelledDoc[], base: LabelledDoc[], trainer: Trainer, a: Args): { predicted: string[][]; ranked: string[][] } {
  const fold = seededFolds(docs.length, a.k, a.seed);
  const predicted: string[][] = new Array(docs.length);
  const ranked: string[][] = new Array(docs.length);
  for (let f = 0; f < a.k; f++) {
    const test = docs.map((_, i) => i).filter((i) => fold[i] === f);
    if (test.length === 0) continue;
    const predictor = trainer([...base, ...docs.filter((_, i) => fold[i] !== f)]);
    for (const i of test) {
      predicted[i] = predictor.predict(docs[i]!.text);
      ranked[i] = predictor.rank(docs[i]!.text);
    }
  }
  return { predicted, ranked };
}

const CASES = join(DATA, 'cases');
const inCases = (file: string) => resolve(file).startsWith(resolve(CASES) + '/');
/** Single-topic sets (briefings: nearly every line has one gold id) are scored by ranking. */
const isSingleTopic = (docs: LabelledDoc[]) => docs.filter((d) => d.gold.length === 1).length >= 0.9 * docs.length;

/** Scores a set of labelled lines drawn from one or more files (k-fold, and its fixed test part when it comes from data/cases). */
function evaluateSet(label: string, files: string[], a: Args): void {
  const taxonomy = loadTaxonomy();
  const lexicon = loadLexicon();
  const themes = parseTaxonomy(taxonomy);
  const ids = themes.map((t) => t.id);
  const keep = (d: LabelledDoc) => !(a.withoutTestPart && inCases(d.source) && isTestPart(d.id));
  const docs = files.flatMap(loadLabelled).filter(keep);
  const gold = docs.map((d) => d.gold);
  // A line with two ids counts as a hit when either is in the top k.
  const single = isSingleTopic(docs);
  const scoreOn = (g: string[][]) => (name: string, r: { predicted: string[][]; ranked: string[][] }, seconds: number): MethodResult => ({
    name,
    seconds,
    summary: multiLabel(ids, g, r.predicted),
    top1: single ? topK(g, r.ranked, 1) : undefined,
    top3: single ? topK(g, r.ranked, 3) : undefined,
  });
  const score = scoreOn(gold);
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const v = f();
    return [v, (performance.now() - t0) / 1000];
  };
  console.log(`\n## ${label}: ${docs.length} lines, ${single ? 'single-topic (top-k scored; also multi-label F1)' : 'multi-label'}, ${a.cv ? `${a.k}-fold CV, seed ${a.seed}` : 'shipped model, no CV'}`);
  const results: MethodResult[] = [];
  let keptRun: { predicted: string[][]; ranked: string[][] } = { predicted: [], ranked: [] };
  let speedModel: ThemeModel;
  if (!a.cv) {
    speedModel = loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')));
    const p = modelPredictor(speedModel);
    const [r, s] = timed(() => ({ predicted: docs.map((d) => p.predict(d.text)), ranked: docs.map((d) => p.rank(d.text)) }));
    keptRun = r;
    results.push(score(`shipped model (${speedModel.training.variant})`, r, s));
  } else {
    const base = loadTrainingDocs(files.map((f) => resolve(f))).filter(keep);
    const variants: Variant[] = a.onlyKept ? [KEPT] : [KEPT, 'lr', 'lexicon'];
    for (const v of variants) {
      const trainer: Trainer = (train) => modelPredictor(trainModel(train, taxonomy, lexicon, { ...a.train, seed: a.seed, variant: v }));
      const [r, s] = timed(() => crossValidate(docs, base, trainer, a));
      if (v === KEPT) keptRun = r;
      results.push(score(v === KEPT ? `ours: ${v} (kept)` : `ours: ${v}`, r, s));
    }
    if (!a.onlyKept) {
      const [lit, s1] = timed(() => crossValidate(docs, base, () => literalLabels(themes), a));
      results.push(score('baseline: literal labels', lit, s1));
      const [bayes, s2] = timed(() => crossValidate(docs, base, naturalBayes, a));
      results.push(score('baseline: natural Bayes (top 3)', bayes, s2));
    }
    if (a.naturalLr) {
      const [lr, s3] = timed(() => crossValidate(docs, base, naturalLogistic, a));
      results.push(score('natural LogisticRegression (top 3)', lr, s3));
    }
    speedModel = trainModel([...base, ...docs], taxonomy, lexicon, { ...a.train, seed: a.seed });
  }
  printMethods(results, single);
  const runs = a.cv && a.seeds.length > 0 ? repeatedKFold(docs, loadTrainingDocs(files.map((f) => resolve(f))).filter(keep), a, (r) => score('', r, 0), keptRun) : [keptRun.predicted];
  printPerTheme(results[0]!.summary);
  if (a.byFile) printByFile(ids, docs, runs);
  if (a.cv && !a.withoutTestPart && files.every(inCases)) scoreTestPart(ids, docs, files, a, scoreOn, single);
  console.log(`kept variant: ${a.cv ? KEPT : speedModel.training.variant} (what npm run train ships)`);
  printSpeed(speedModel, docs.map((d) => d.text));
}

/**
 * The kept variant's k-fold repeated with each of --seeds: per seed, then mean ± half the range.
 * The run of --seed is the kept variant's own (`mainRun`), not trained again. Returns each seed's tags.
 */
function repeatedKFold(docs: LabelledDoc[], base: LabelledDoc[], a: Args, score: (r: { predicted: string[][]; ranked: string[][] }) => MethodResult, mainRun: { predicted: string[][]; ranked: string[][] }): string[][][] {
  const tagged = a.seeds.map((seed) => {
    if (seed === a.seed) return mainRun;
    const trainer: Trainer = (train) => modelPredictor(trainModel(train, loadTaxonomy(), loadLexicon(), { ...a.train, seed, variant: KEPT }));
    return crossValidate(docs, base, trainer, { ...a, seed });
  });
  const runs = tagged.map((r) => score(r).summary);
  const stat = (xs: number[]) => `${(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(3)} ± ${((Math.max(...xs) - Math.min(...xs)) / 2).toFixed(3)} (${xs.map((x) => x.toFixed(3)).join(' / ')})`;
  console.log(`\nrepeated ${a.k}-fold, kept variant, seeds ${a.seeds.join(', ')}: micro-F1 ${stat(runs.map((r) => r.microF1))}; macro-F1 ${stat(runs.map((r) => r.macroF1))}`);
  return tagged.map((r) => r.predicted);
}

/**
 * The fixed test part: one model (the kept variant) trained on data/examples plus every
 * data/cases line outside the test part, scoring this set's test-part lines.
 */
function scoreTestPart(ids: string[], docs: LabelledDoc[], files: string[], a: Args, scoreOn: (g: string[][]) => (name: string, r: { predicted: string[][]; ranked: string[][] }, s: number) => MethodResult, single: boolean): void {
  const test = docs.filter((d) => isTestPart(d.id));
  if (test.length === 0) return;
  const t0 = performance.now();
  const outsideTest = (d: LabelledDoc) => !(inCases(d.source) && isTestPart(d.id));
  const train = [...loadTrainingDocs(files.map((f) => resolve(f))), ...docs].filter(outsideTest);
  const p = modelPredictor(trainModel(train, loadTaxonomy(), loadLexicon(), { ...a.train, seed: a.seed, variant: KEPT }));
  const r = { predicted: test.map((d) => p.predict(d.text)), ranked: test.map((d) => p.rank(d.text)) };
  const result = scoreOn(test.map((d) => d.gold))(`ours: ${KEPT} on the fixed test part`, r, (performance.now() - t0) / 1000);
  console.log(`\n### fixed test part: ${test.length} lines (SHA-256 of the id below 64/256), trained on ${train.length} lines outside it`);
  printMethods([result], single);
  printPerTheme(result.summary);
  if (a.byFile) printByFile(ids, test, [r.predicted]);
}

/** With no files: the review files of data/cases together, then the single-topic (briefing) files together. */
function defaultSets(): Array<{ label: string; files: string[] }> {
  const all = jsonlFiles(CASES);
  const briefings = all.filter((f) => isSingleTopic(loadLabelled(f)));
  const reviews = all.filter((f) => !briefings.includes(f));
  const name = (fs: string[]) => fs.map((f) => f.replace(resolve(DATA, '..') + '/', '')).join(' + ');
  return [
    ...(reviews.length ? [{ label: `reviews (${name(reviews)})`, files: reviews }] : []),
    ...(briefings.length ? [{ label: `briefings (${name(briefings)})`, files: briefings }] : []),
  ];
}

/**
 * The shipped model on catalogue summaries it never trained on, against their sources' keyword
 * lists. The lists name part of each review's learning, so "tags right" is a lower bound; what
 * the figure says is how much of what librarians listed the tagger finds.
 */
function evaluateCatalogue(): void {
  const ids = parseTaxonomy(loadTaxonomy()).map((t) => t.id);
  const set = catalogueDocs();
  const model = loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')));
  const p = modelPredictor(model);
  const predicted = set.docs.map((d) => p.predict(d.text));
  const s = multiLabel(ids, set.docs.map((d) => d.gold), predicted);
  const firstListed = predicted.filter((t, i) => t.length > 0 && set.docs[i]!.gold.includes(t[0]!)).length;
  console.log(`\n## catalogue entries: ${set.docs.length} summaries with keyword-mapped themes (${set.alsoLabelled} left out as labelled case lines, ${set.noThemes} with no mapped theme or no summary); shipped model`);
  console.log(`themes per entry: listed ${s.meanGold.toFixed(2)}, tagged ${s.meanPredicted.toFixed(2)}`);
  console.log(`found (recall) ${s.microRecall.toFixed(3)}; tags listed (a lower bound on precision) ${s.microPrecision.toFixed(3)}; F1 against the lists ${s.microF1.toFixed(3)}; best tag listed ${(firstListed / Math.max(1, set.docs.length)).toFixed(3)}`);
  printPerTheme({ ...s, perTheme: s.perTheme.filter((t) => t.support > 0 || t.fp > 0) });
}

function main(): void {
  const a = parseArgs(process.argv.slice(2));
  if (a.catalogue) return evaluateCatalogue();
  const sets = a.files.length ? a.files.map((f) => ({ label: f, files: [f] })) : defaultSets().filter((s) => !a.set || s.label.startsWith(a.set));
  for (const set of sets) evaluateSet(set.label, set.files, a);
}

main();
