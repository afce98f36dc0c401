import { describe, expect, it } from 'vitest';
import { TINY_EXAMPLES, TINY_LEXICON, TINY_TAXONOMY } from './tiny-lexicon.fixture.ts';
import type { Example } from './labels.ts';
import { outOfFoldTags } from './out-of-fold.ts';
import { trainModel } from './train-model.ts';

const keyed: Example[] = TINY_EXAMPLES.map((e, i) => ({ ...e, key: `review:tiny-${i}` }));

describe('out-of-fold tags', () => {
  it('keeps one entry per keyed example, with its labels, and none for unkeyed ones', () => {
    const examples = [...keyed, { text: 'An unkeyed example about school.', gold: ['education-school'] }];
    const model = trainModel(examples, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3, outOfFold: true });
    expect(model.outOfFold!.entries.map((e) => e.key)).toEqual(keyed.map((e) => e.key));
    expect(model.outOfFold!.entries[0]!.gold).toEqual(keyed[0]!.gold);
    expect(model.outOfFold!.folds).toBe(3);
    expect(trainModel(examples, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3 }).outOfFold).toBeUndefined();
  });

  it('tags each entry with a model that never trained on it', () => {
    const trainedOn: string[][] = [];
    const oof = outOfFoldTags(keyed, (subset) => {
      trainedOn.push(subset.map((e) => e.key!));
      return trainModel(subset, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3 });
    }, 4, 1);
    expect(trainedOn).toHaveLength(4);
    // Every entry is left out of exactly one training, and that is the model that tagged it.
    for (const e of oof.entries) expect(trainedOn.filter((keys) => !keys.includes(e.key))).toHaveLength(1);
    expect(oof.entries.every((e) => Array.isArray(e.themes))).toBe(true);
  });
});
