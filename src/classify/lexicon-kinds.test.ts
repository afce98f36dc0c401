import { describe, expect, it } from 'vitest';
import { analyseText, LEXICON_KINDS } from './analyse.ts';
import { compileLexicon } from './lexicon.ts';
import { parseLexicon, parseTaxonomy } from './lexicon-data.ts';
import { loadModel } from './model.ts';
import { tagText } from './tagger.ts';
import { trainModel } from './train-model.ts';
import { TINY_EXAMPLES, TINY_LEXICON, TINY_TAXONOMY } from './tiny-lexicon.fixture.ts';

const LEXICON = {
  ...TINY_LEXICON,
  themes: {
    ...TINY_LEXICON.themes,
    neglect: { ...TINY_LEXICON.themes.neglect, weak: ['untidy'], patterns: ['\\bno food in the (?:house|home)\\b'] },
  },
};

describe('lexicon inputs per cue kind', () => {
  const themes = parseTaxonomy(TINY_TAXONOMY);
  const lexicon = compileLexicon(parseLexicon(LEXICON), themes);
  const T = themes.length;
  const neglect = themes.findIndex((t) => t.id === 'neglect');

  it('sums strong phrases, phrases, patterns and weak cues apart; their total is the strength', () => {
    const a = analyseText('The baby had head lice, was hungry and the flat was untidy, with no food in the house.', lexicon, 1);
    const kind = (k: number) => a.kinds[k * T + neglect]!;
    expect(a.kinds.length).toBe(LEXICON_KINDS * T);
    expect(kind(0)).toBeCloseTo(Math.log1p(2)); // head lice
    expect(kind(1)).toBeCloseTo(Math.log1p(1)); // hungry
    expect(kind(2)).toBeCloseTo(Math.log1p(1)); // the pattern
    expect(kind(3)).toBeCloseTo(Math.log1p(0.35)); // untidy
    expect(a.strength[neglect]).toBeCloseTo(Math.log1p(2 + 1 + 1 + 0.35));
  });

  it('trains with four inputs per theme by default, and still reads a model with one (an older file)', () => {
    const kinds = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, LEXICON, { seed: 1, folds: 3 });
    expect(kinds.options.lexKinds).toBe(LEXICON_KINDS);
    const single = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, LEXICON, { seed: 1, folds: 3, lexKinds: 1, lexScale: 0.5 });
    const { lexKinds: _dropped, ...older } = single.options;
    const old = loadModel(JSON.parse(JSON.stringify({ ...single, options: older })));
    const text = 'There was domestic violence and coercive control at home.';
    expect(tagText(old, text)).toEqual(tagText(single, text));
    expect(tagText(kinds, text).themes[0]).toBe('domestic-abuse');
  });
});
