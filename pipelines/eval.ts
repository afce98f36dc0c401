/**
 * Evaluates the theme tagger on labelled JSONL files.
 *
 * Reads:  each FILE (lines with id, text, gold; briefings may add title, classified as
 *         title + "\n\n" + text), plus data/ (taxonomy, lexicon, examples, other case files).
 * Writes: a report on stdout: our model variants and baselines (literal labels, natural's
 *         Bayes, optionally natural's logistic regression), per-theme P/R/F1/κ for the kept
 *         variant, micro/macro F1, top-1/top-3 for single-topic files, and tagging speed.
 * Run:    npm run eval -- FILE.jsonl [FILE ...] [--k 5] [--seed 1] [--natural-lr] [--only-kept]
 *         npm run eval -- --no-cv FILE.jsonl   (score the shipped public/model/theme-model.json)
 * With cross-validation no line is scored by a model trained on it: each fold trains on the
 * file's other folds + data/examples + every other data/cases file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadModel, parseTaxonomy, scoreText, tagDocument, trainModel, type ThemeModel, type Variant } from '../src/classify/index.ts';
import { seededFolds } from '../src/classify/random.ts';
import { literalLabels, naturalBayes, naturalLogistic, type Predictor } from './lib/baselines.ts';
import { multiLabel, topK } from './lib/metrics.ts';
import { loadLabelled, loadLexicon, loadTaxonomy, loadTrainingDocs, MODEL_PATH, type LabelledDoc } from './lib/training-data.ts';
import { printMethods, printPerTheme, printSpeed, type MethodResult } from './lib/report.ts';

const KEPT: Variant = 'lr+lexicon';

interface Args {
  files: string[];
  k: number;
  seed: number;
  cv: boolean;
  naturalLr: boolean;
  onlyKept: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { files: [], k: 5, seed: 1, cv: true, naturalLr: false, onlyKept: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--k') a.k = Number(argv[++i]);
    else if (x === '--seed') a.seed = Number(argv[++i]);
    else if (x === '--no-cv') a.cv = false;
    else if (x === '--natural-lr') a.naturalLr = true;
    else if (x === '--only-kept') a.onlyKept = true;
    else a.files.push(x);
  }
  if (a.files.length === 0) throw new Error('usage: npm run eval -- FILE.jsonl [FILE ...] [--k 5] [--seed 1] [--no-cv] [--natural-lr] [--only-kept]');
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

function evaluateFile(file: string, a: Args): void {
  const taxonomy = loadTaxonomy();
  const lexicon = loadLexicon();
  const themes = parseTaxonomy(taxonomy);
  const ids = themes.map((t) => t.id);
  const docs = loadLabelled(file);
  const gold = docs.map((d) => d.gold);
  // Single-topic sets (briefings: nearly every line has one gold id) are scored by ranking;
  // a line with two ids counts as a hit when either is in the top k.
  const single = gold.filter((g) => g.length === 1).length >= 0.9 * gold.length;
  const score = (name: string, r: { predicted: string[][]; ranked: string[][] }, seconds: number): MethodResult => ({
    name,
    seconds,
    summary: multiLabel(ids, gold, r.predicted),
    top1: single ? topK(gold, r.ranked, 1) : undefined,
    top3: single ? topK(gold, r.ranked, 3) : undefined,
  });
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const v = f();
    return [v, (performance.now() - t0) / 1000];
  };
  console.log(`\n## ${file}: ${docs.length} lines, ${single ? 'single-topic (top-k scored; also multi-label F1)' : 'multi-label'}, ${a.cv ? `${a.k}-fold CV, seed ${a.seed}` : 'shipped model, no CV'}`);
  const results: MethodResult[] = [];
  let speedModel: ThemeModel;
  if (!a.cv) {
    speedModel = loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')));
    const p = modelPredictor(speedModel);
    const [r, s] = timed(() => ({ predicted: docs.map((d) => p.predict(d.text)), ranked: docs.map((d) => p.rank(d.text)) }));
    results.push(score(`shipped model (${speedModel.training.variant})`, r, s));
  } else {
    const base = loadTrainingDocs([resolve(file)]);
    const variants: Variant[] = a.onlyKept ? [KEPT] : [KEPT, 'lr', 'lexicon'];
    for (const v of variants) {
      const trainer: Trainer = (train) => modelPredictor(trainModel(train, taxonomy, lexicon, { seed: a.seed, variant: v }));
      const [r, s] = timed(() => crossValidate(docs, base, trainer, a));
      results.push(score(v === KEPT ? `ours: ${v} (kept)` : `ours: ${v}`, r, s));
    }
    const [lit, s1] = timed(() => crossValidate(docs, base, () => literalLabels(themes), a));
    results.push(score('baseline: literal labels', lit, s1));
    const [bayes, s2] = timed(() => crossValidate(docs, base, naturalBayes, a));
    results.push(score('baseline: natural Bayes (top 3)', bayes, s2));
    if (a.naturalLr) {
      const [lr, s3] = timed(() => crossValidate(docs, base, naturalLogistic, a));
      results.push(score('natural LogisticRegression (top 3)', lr, s3));
    }
    speedModel = trainModel([...base, ...docs], taxonomy, lexicon, { seed: a.seed });
  }
  printMethods(results, single);
  printPerTheme(results[0]!.summary);
  console.log(`kept variant: ${a.cv ? KEPT : speedModel.training.variant} (what npm run train ships)`);
  printSpeed(speedModel, docs.map((d) => d.text));
}

function main(): void {
  const a = parseArgs(process.argv.slice(2));
  for (const f of a.files) evaluateFile(f, a);
}

main();
