/**
 * Builds the theme model the app fetches.
 *
 * Reads:  data/taxonomy.json, data/themes/lexicon.json (+ data/themes/<id>.json),
 *         data/examples/*.jsonl and data/cases/*.jsonl (lines with text, gold; title optional).
 *         Missing example or case files are skipped.
 * Writes: public/model/theme-model.json (versioned; byte-identical for identical inputs), with
 *         the out-of-fold tags of every data/cases line (5-fold; about six trainings in all), and
 *         those tags alone in public/model/theme-model-out-of-fold.json (what the reliability
 *         footnotes read: 6% of the model's size, so the first screen does not parse the whole model).
 * Run:    npm run train [-- --seed 1]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { trainModel, type ThemeModel } from '../src/classify/index.ts';
import { bundledKey, loadLexicon, loadTaxonomy, loadTrainingDocs, MODEL_PATH, OUT_OF_FOLD_PATH } from './lib/training-data.ts';

/**
 * Trains on everything in data/ (deterministic for a seed), keeping out-of-fold tags of every
 * bundled case line: the app's agreement and reliability figures are counted from them.
 */
export function trainFromData(seed = 1): ThemeModel {
  const docs = loadTrainingDocs();
  const examples = docs.map((d) => {
    const key = bundledKey(d);
    return { text: d.text, gold: d.gold, partial: d.partial, ...(key ? { key } : {}) };
  });
  return trainModel(examples, loadTaxonomy(), loadLexicon(), { seed, outOfFold: true });
}

/** The artefact's bytes: keys in a fixed order (the model is built in that order), no whitespace. */
export function serialiseModel(model: ThemeModel): string {
  return JSON.stringify(model) + '\n';
}

/** The out-of-fold part alone, shaped like the model file so one reader takes either. */
export function serialiseOutOfFold(model: ThemeModel): string {
  return JSON.stringify({ outOfFold: model.outOfFold ?? null }) + '\n';
}

function main(): void {
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 1;
  const started = performance.now();
  const model = trainFromData(seed);
  const bytes = serialiseModel(model);
  mkdirSync(dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, bytes);
  writeFileSync(OUT_OF_FOLD_PATH, serialiseOutOfFold(model));
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`theme model: ${model.training.documents} documents, ${model.vocabulary.length} terms, ${(bytes.length / 1024).toFixed(0)} KB → ${MODEL_PATH} (${secs} s)\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) main();
