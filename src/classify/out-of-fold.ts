/**
 * Out-of-fold tags for the training entries that carry a key (bundled expert-labelled entries,
 * the user's corrected entries). Each keyed entry is tagged by a complete model (weights,
 * calibration and thresholds) trained on the other folds, so agreement figures never score an
 * entry with a model that learned from it. Kept in the model file; the app's reliability
 * figures are counted from it.
 */
import type { Example } from './labels.ts';
import type { ThemeModel } from './model.ts';
import { seededFolds } from './random.ts';
import { tagDocument } from './tagger.ts';

export interface OutOfFoldEntry {
  /** The entry's key, `<entity type>:<entity id>` (e.g. `review:rev-0001`). */
  key: string;
  /** The labels the model learned from. */
  gold: string[];
  /** Only the gold themes are known (a single-topic briefing, a partial correction). */
  partial?: boolean;
  /** Themes tagged by the model of the fold that left this entry out. */
  themes: string[];
}

export interface OutOfFold {
  folds: number;
  seed: number;
  entries: OutOfFoldEntry[];
}

/** Seed offset so the outer folds differ from the calibration folds inside each training. */
const OUTER_SEED_OFFSET = 7919;

/** Tags every keyed example with a model trained without its fold (`train` builds one model). */
export function outOfFoldTags(examples: readonly Example[], train: (subset: Example[]) => ThemeModel, folds: number, seed: number): OutOfFold {
  const k = Math.min(folds, examples.length);
  const fold = seededFolds(examples.length, k, seed + OUTER_SEED_OFFSET);
  const themes = new Array<string[] | undefined>(examples.length);
  for (let f = 0; f < k; f++) {
    const held = examples.flatMap((e, i) => (fold[i] === f && e.key ? [i] : []));
    if (held.length === 0) continue;
    const model = train(examples.filter((_, i) => fold[i] !== f));
    for (const i of held) themes[i] = tagDocument(model, examples[i]!.text).themes;
  }
  const entries = examples.flatMap((e, i) => (e.key ? [{ key: e.key, gold: [...e.gold], ...(e.partial ? { partial: true } : {}), themes: themes[i] ?? [] }] : []));
  return { folds: k, seed, entries };
}
