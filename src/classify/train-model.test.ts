import { describe, expect, it } from 'vitest';
import { loadModel, MODEL_VERSION } from './model.ts';
import { tagText } from './tagger.ts';
import { trainModel } from './train-model.ts';
import { TINY_EXAMPLES, TINY_LEXICON, TINY_TAXONOMY } from './tiny-lexicon.fixture.ts';

describe('trainModel', () => {
  it('is deterministic: training twice gives identical JSON', () => {
    const a = JSON.stringify(trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 7, folds: 3 }));
    const b = JSON.stringify(trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 7, folds: 3 }));
    expect(a).toBe(b);
  });

  it('produces a model that round-trips through JSON and tags with scores for every theme', () => {
    const model = loadModel(JSON.parse(JSON.stringify(trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3 }))));
    const r = tagText(model, 'There was domestic violence and coercive control at home.');
    expect(Object.keys(r.scores).sort()).toEqual(['domestic-abuse', 'education-school', 'neglect']);
    for (const s of Object.values(r.scores)) expect(s >= 0 && s <= 1).toBe(true);
    expect(r.themes[0]).toBe('domestic-abuse');
    expect(r.evidence['domestic-abuse']![0]!.text).toContain('domestic violence');
  });

  it('rejects a negated harm that its lexicon would otherwise flag', () => {
    const model = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3 });
    const yes = tagText(model, 'Poor hygiene and head lice showed neglect.').scores['neglect']!;
    const no = tagText(model, 'There were no concerns about neglect.').scores['neglect']!;
    expect(yes).toBeGreaterThan(no);
  });
});

describe('loadModel', () => {
  const good = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3 });

  it('rejects another version with a clear message', () => {
    expect(() => loadModel({ ...good, version: MODEL_VERSION + 1 })).toThrow(/unsupported version/);
  });

  it('rejects something that is not a theme model', () => {
    expect(() => loadModel({ hello: 'world' })).toThrow(/not a theme model/);
    expect(() => loadModel(null)).toThrow(/expected a JSON object/);
    expect(() => loadModel({ ...good, thresholds: [0.5] })).toThrow(/one entry per theme/);
  });
});
