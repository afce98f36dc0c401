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

/** Trains on k−1 folds and predicts the held-back one, k times; scores every prediction against its label. */
export function crossValidate(examples: readonly LabelledRecommendation[], k = 5, seed = 1, opts: TrainOptions = DEFAULT_KIND_TRAINING): KindEvaluation {
  const fold = groupFolds(examples.map((e) => e.group), k, seed);
  const confusion = Object.fromEntries(RECOMMENDATION_KINDS.map((g) => [g, zeroRow()])) as KindEvaluation['confusion'];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (!train.length) continue;
    const model = trainKindModel(train, opts);
    examples.forEach((e, i) => {
      if (fold[i] !== f) return;
      const p = predictKind(model, e.text).kind;
      confusion[e.kind][p]++;
    });
  }
  return scoreConfusion(confusion, k, examples);
}

function scoreConfusion(confusion: KindEvaluation['confusion'], k: number, examples: readonly LabelledRecommendation[]): KindEvaluation {
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
    perKind[kind] = { precision, recall, f1, support };
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
  return { folds: k, examples: n, accuracy: n ? correct / n : 0, macroF1: kindsPresent ? f1Sum / kindsPresent : 0, majorityAccuracy: n ? majority / n : 0, perKind, confusion };
}
