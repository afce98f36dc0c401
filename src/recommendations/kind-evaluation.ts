/**
 * k-fold evaluation of the kind model. Folds are drawn by review (every
 * recommendation of one review falls in the same fold), so a fold's model has
 * never seen the wording of the review it is scored on.
 */
import { mulberry32 } from '../classify/random.ts';
import { predictKind, trainKindModel, DEFAULT_KIND_TRAINING, type KindReliability, type TrainOptions } from './kind-model.ts';
import { RECOMMENDATION_KINDS, type RecommendationKind } from './kinds.ts';

export interface LabelledRecommendation {
  text: string;
  kind: RecommendationKind;
  /** What groups examples into folds: the review (its source address). */
  group: string;
}

export interface KindEvaluation {
  folds: number;
  examples: number;
  accuracy: number;
  macroF1: number;
  /** Accuracy of always answering the most common kind, for comparison. */
  majorityAccuracy: number;
  perKind: Record<RecommendationKind, KindReliability>;
  /** confusion[gold][predicted] counts. */
  confusion: Record<RecommendationKind, Record<RecommendationKind, number>>;
}

/** Fold number per example: groups shuffled with a seed, then dealt round-robin by size (largest first). */
export function groupFolds(groups: readonly string[], k: number, seed: number): number[] {
  const sizes = new Map<string, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const rand = mulberry32(seed);
  const names = [...sizes.keys()].sort().map((g) => ({ g, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.g);
  names.sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const g of names) {
    let best = 0;
    for (let f = 1; f < k; f++) if (load[f]! < load[best]!) best = f;
    foldOf.set(g, best);
    load[best] = load[best]! + sizes.get(g)!;
  }
  return groups.map((g) => foldOf.get(g)!);
}

const zeroRow = () => Object.fromEntries(RECOMMENDATION_KINDS.map((k) => [k, 0])) as Record<RecommendationKind, number>;

const emptyConfusion = () => Object.fromEntries(RECOMMENDATION_KINDS.map((g) => [g, zeroRow()])) as KindEvaluation['confusion'];

/** How training options are settled for one training set: fixed, or chosen from that set alone. */
export type TrainingChoice = TrainOptions | ((train: readonly LabelledRecommendation[]) => TrainOptions);

/** Adds the held-back predictions of one k-fold pass (folds drawn with `seed`) to `confusion`. */
function foldPass(examples: readonly LabelledRecommendation[], k: number, seed: number, choice: TrainingChoice, confusion: KindEvaluation['confusion']): void {
  const fold = groupFolds(examples.map((e) => e.group), k, seed);
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (!train.length) continue;
    // The options are settled on the training part only: the held-back fold plays no part in them.
    const model = trainKindModel(train, typeof choice === 'function' ? choice(train) : choice);
    examples.forEach((e, i) => {
      if (fold[i] !== f) return;
      const p = predictKind(model, e.text).kind;
      confusion[e.kind][p]++;
    });
  }
}

/** Trains on k−1 folds and predicts the held-back one, k times; scores every prediction against its label. */
export function crossValidate(examples: readonly LabelledRecommendation[], k = 5, seed = 1, choice: TrainingChoice = DEFAULT_KIND_TRAINING): KindEvaluation {
  const confusion = emptyConfusion();
  foldPass(examples, k, seed, choice, confusion);
  return scoreConfusion(confusion, k, examples);
}

/**
 * k-fold repeated with several fold draws (seeds): one split of 49 reviews
 * swings accuracy by several points, so the figures are pooled over every
 * repeat's held-back predictions. `accuracyRange` gives the lowest and
 * highest single repeat.
 */
export function repeatedCrossValidate(
  examples: readonly LabelledRecommendation[], k: number, seeds: readonly number[], choice: TrainingChoice = DEFAULT_KIND_TRAINING,
): KindEvaluation & { repeats: number; accuracyRange: [number, number] } {
  const pooled = emptyConfusion();
  const accuracies: number[] = [];
  for (const seed of seeds) {
    const one = emptyConfusion();
    foldPass(examples, k, seed, choice, one);
    let correct = 0;
    for (const g of RECOMMENDATION_KINDS) for (const p of RECOMMENDATION_KINDS) {
      pooled[g][p] += one[g][p];
      if (g === p) correct += one[g][p];
    }
    accuracies.push(examples.length ? correct / examples.length : 0);
  }
  const scored = scoreConfusion(pooled, k, examples, seeds.length);
  return { ...scored, repeats: seeds.length, accuracyRange: [Math.min(...accuracies), Math.max(...accuracies)] };
}

/** L2 strengths the inner selection may pick from. */
export const L2_CHOICES = [0.003, 0.01, 0.03] as const;

/**
 * Picks the L2 strength by an inner k-fold over the given training set alone
 * (macro F1 of its held-back predictions; ties go to the stronger penalty).
 * Used inside every outer training fold, and on the whole set for the shipped model.
 */
export function chooseL2(train: readonly LabelledRecommendation[], innerFolds = 4, base: TrainOptions = DEFAULT_KIND_TRAINING): TrainOptions {
  let best = { ...base, l2: L2_CHOICES[L2_CHOICES.length - 1]! };
  let bestF1 = -1;
  for (const l2 of [...L2_CHOICES].reverse()) {
    const f1 = crossValidate(train, innerFolds, 1, { ...base, l2 }).macroF1;
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = { ...base, l2 };
    }
  }
  return best;
}

/** Scores a confusion table holding `repeats` predictions of every example. */
function scoreConfusion(confusion: KindEvaluation['confusion'], k: number, examples: readonly LabelledRecommendation[], repeats = 1): KindEvaluation {
  const perKind = {} as Record<RecommendationKind, KindReliability>;
  let correct = 0;
  let f1Sum = 0;
  let kindsPresent = 0;
  for (const kind of RECOMMENDATION_KINDS) {
    const tp = confusion[kind][kind];
    const support = RECOMMENDATION_KINDS.reduce((s, p) => s + confusion[kind][p], 0);
    const predicted = RECOMMENDATION_KINDS.reduce((s, g) => s + confusion[g][kind], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perKind[kind] = { precision, recall, f1, support: support / repeats };
    correct += tp;
    if (support) {
      f1Sum += f1;
      kindsPresent++;
    }
  }
  const counts = zeroRow();
  for (const e of examples) counts[e.kind]++;
  const majority = Math.max(...Object.values(counts));
  const n = examples.length;
  return { folds: k, examples: n, accuracy: n ? correct / (n * repeats) : 0, macroF1: kindsPresent ? f1Sum / kindsPresent : 0, majorityAccuracy: n ? majority / n : 0, perKind, confusion };
}
