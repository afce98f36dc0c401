/**
 * Builds the recommendation kind model the app fetches, and prints its k-fold figures.
 *
 * Reads:  data/recommendations/labelled.jsonl (one labelled recommendation a line: text, kind,
 *         review, source_url, read_on), written in our own words from public reviews.
 * Writes: public/model/recommendation-kinds.json (the model, with its k-fold evaluation;
 *         byte-identical for identical inputs).
 * Prints: the k-fold table (accuracy, macro F1, per-kind precision, recall, F1, support),
 *         pooled over --repeats fold draws (seeds 1…N). The L2 strength is chosen by an inner
 *         k-fold inside each training part, never on the fold being scored.
 * Run:    npx tsx pipelines/train-recommendation-kinds.ts [--folds 5] [--repeats 5]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chooseL2, repeatedCrossValidate, type KindEvaluation, type LabelledRecommendation } from '../src/recommendations/kind-evaluation.ts';
import { trainKindModel } from '../src/recommendations/kind-model.ts';
import { isRecommendationKind, KIND_LABELS, RECOMMENDATION_KINDS } from '../src/recommendations/kinds.ts';

export const LABELLED_PATH = 'data/recommendations/labelled.jsonl';
export const KIND_MODEL_PATH = 'public/model/recommendation-kinds.json';

/** The labelled set; throws naming the line that is not usable. */
export function loadLabelled(path = LABELLED_PATH): LabelledRecommendation[] {
  return readFileSync(path, 'utf8').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    const r = JSON.parse(line) as { text?: string; kind?: string; source_url?: string };
    if (!r.text || !isRecommendationKind(r.kind) || !r.source_url) throw new Error(`${path}, line ${i + 1}: needs text, a known kind and source_url`);
    return [{ text: r.text, kind: r.kind, group: r.source_url }];
  });
}

const pct = (v: number) => (v * 100).toFixed(1);

/** The k-fold table as Markdown (the README carries the same). */
export function evaluationTable(e: KindEvaluation & { repeats: number; accuracyRange: [number, number] }): string {
  const rows = RECOMMENDATION_KINDS.map((k) => {
    const r = e.perKind[k];
    return `| ${KIND_LABELS[k]} | ${r.support} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} |`;
  });
  return [
    `${e.folds}-fold by review repeated ${e.repeats} times, ${e.examples} recommendations: accuracy ${pct(e.accuracy)}% ` +
      `(single repeats ${pct(e.accuracyRange[0])}–${pct(e.accuracyRange[1])}%), macro F1 ${pct(e.macroF1)}% (always the commonest kind: ${pct(e.majorityAccuracy)}%)`,
    '',
    '| Kind | Examples | Precision % | Recall % | F1 % |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function main(): void {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const folds = arg('--folds', 5);
  const repeats = arg('--repeats', 5);
  const examples = loadLabelled();
  const seeds = Array.from({ length: repeats }, (_, i) => i + 1);
  const evaluation = repeatedCrossValidate(examples, folds, seeds, (train) => chooseL2(train));
  const options = chooseL2(examples);
  const model = trainKindModel(examples, options);
  model.evaluation = { folds, repeats, examples: evaluation.examples, accuracy: evaluation.accuracy, macroF1: evaluation.macroF1, perKind: evaluation.perKind };
  writeFileSync(KIND_MODEL_PATH, JSON.stringify(model) + '\n');
  process.stdout.write(evaluationTable(evaluation) + '\n');
  process.stderr.write(`recommendation kinds: ${model.features.length} features, L2 ${options.l2} → ${KIND_MODEL_PATH}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) main();
