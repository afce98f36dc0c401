import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseL2, crossValidate, groupFolds, L2_CHOICES, repeatedCrossValidate } from './kind-evaluation.ts';
import { loadKindModel, predictKind, trainKindModel } from './kind-model.ts';
import { RECOMMENDATION_KINDS } from './kinds.ts';

const TOY = [
  { text: 'Deliver multi-agency training on neglect to all staff', kind: 'training' as const },
  { text: 'Run a safer sleep awareness campaign for parents', kind: 'training' as const },
  { text: 'Revise the escalation protocol and publish guidance', kind: 'procedure' as const },
  { text: 'Write a pathway and checklist for bruising in babies', kind: 'procedure' as const },
  { text: 'The Government should change the law on home education', kind: 'national' as const },
  { text: 'Department for Education should create a national register', kind: 'national' as const },
];

describe('kind model', () => {
  it('trains deterministically and predicts unseen wording from cue words', () => {
    const a = trainKindModel(TOY, { l2: 0.01, epochs: 200, learningRate: 0.5, minCount: 1 });
    const b = trainKindModel(TOY, { l2: 0.01, epochs: 200, learningRate: 0.5, minCount: 1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(predictKind(a, 'Provide training sessions for health visitors').kind).toBe('training');
    expect(predictKind(a, 'Ask government to bring in new legislation').kind).toBe('national');
  });

  it('keeps every review in one fold', () => {
    const groups = ['a', 'a', 'b', 'c', 'c', 'c', 'd'];
    const folds = groupFolds(groups, 3, 1);
    for (const g of new Set(groups)) expect(new Set(folds.filter((_, i) => groups[i] === g)).size).toBe(1);
  });

  it('ships a model with its k-fold figures for every kind', () => {
    const model = loadKindModel(JSON.parse(readFileSync('public/model/recommendation-kinds.json', 'utf8')));
    expect(model.evaluation!.examples).toBeGreaterThanOrEqual(99);
    for (const k of RECOMMENDATION_KINDS) expect(model.evaluation!.perKind[k]).toBeDefined();
    expect(() => loadKindModel({ format: 'something else' })).toThrow(/Not a recommendation kind model/);
  });

  it('scores cross-validation against labels (a model that cannot learn does no better than chance)', () => {
    const shuffled = TOY.map((t, i) => ({ ...t, group: `g${i}` }));
    const e = crossValidate(shuffled, 3, 1, { l2: 0.01, epochs: 100, learningRate: 0.5, minCount: 1 });
    expect(e.examples).toBe(6);
    expect(e.accuracy).toBeGreaterThanOrEqual(0);
    expect(Object.values(e.perKind).reduce((s, r) => s + r.support, 0)).toBe(6);
  });

  it('pools repeated fold draws (every example scored once per draw) and picks L2 from the training part alone', () => {
    const grouped = [...TOY, ...TOY.map((t) => ({ ...t, text: `${t.text} now` }))].map((t, i) => ({ ...t, group: `g${i % 6}` }));
    const opts = { l2: 0.01, epochs: 60, learningRate: 0.5, minCount: 1 };
    const e = repeatedCrossValidate(grouped, 3, [1, 2], opts);
    expect(e.repeats).toBe(2);
    expect(Object.values(e.perKind).reduce((s, r) => s + r.support, 0)).toBe(grouped.length);
    expect(e.accuracy).toBeGreaterThanOrEqual(e.accuracyRange[0]);
    expect(e.accuracy).toBeLessThanOrEqual(e.accuracyRange[1]);
    const seen: number[] = [];
    repeatedCrossValidate(grouped, 3, [1], (train) => {
      seen.push(train.length);
      return { ...chooseL2(train, 2, opts) };
    });
    // Each outer training part leaves a fold out; the choice never sees the whole set.
    expect(seen.every((n) => n < grouped.length)).toBe(true);
    expect(L2_CHOICES).toContain(chooseL2(grouped, 2, opts).l2);
  });
});
