import { describe, expect, it } from 'vitest';
import { scoreText, tagText } from './tagger.ts';
import { trainModel } from './train-model.ts';
import { windowTexts } from './windows.ts';
import { TINY_EXAMPLES, TINY_LEXICON, TINY_TAXONOMY } from './tiny-lexicon.fixture.ts';

const sentence = (s: string) => `${s} `;
const LONG = [
  sentence('The review looked at the work of several agencies with the family over four years.'),
  sentence('The children often arrived at school hungry and dirty, and one had head lice for months.'),
  sentence('Staff recorded these things but did not put them together as a picture of neglect.'),
  sentence('Police were called to the home after incidents between the parents on several occasions.'),
  sentence('The mother later described coercive control by her partner over many years.'),
  sentence('Teachers noticed that attendance fell whenever there had been an incident at home.'),
].join('');

describe('window scores', () => {
  it('leave a passage within the window alone and split a longer one', () => {
    expect(windowTexts('Short text about neglect.', { windowChars: 500, windowMix: 0.5 })).toEqual([]);
    expect(windowTexts(LONG, { windowChars: 0, windowMix: 0.5 })).toEqual([]);
    expect(windowTexts(LONG, { windowChars: 250, windowMix: 0 })).toEqual([]);
    const parts = windowTexts(LONG, { windowChars: 250, windowMix: 0.5 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(250);
  });

  it('mix the whole passage with the noisy-OR of its windows, as trained', () => {
    const model = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 1, folds: 3, windowChars: 250, windowMix: 0.5 });
    expect(model.options.windowChars).toBe(250);
    const wholeOnly = { ...model, options: { ...model.options, windowMix: 0 } };
    const whole = scoreText(wholeOnly, LONG);
    const windows = windowTexts(LONG, model.options).map((w) => scoreText(wholeOnly, w));
    const mixed = scoreText(model, LONG);
    for (let t = 0; t < whole.length; t++) {
      const keep = windows.reduce((k, p) => k * (1 - p[t]!), 1);
      expect(mixed[t]).toBeCloseTo(0.5 * whole[t]! + 0.5 * (1 - keep), 10);
    }
    // A short passage is scored once: windows change nothing.
    const short = 'There was domestic violence and coercive control at home.';
    expect(Array.from(scoreText(model, short))).toEqual(Array.from(scoreText(wholeOnly, short)));
    // Evidence still comes from the whole passage, with offsets into it.
    const tags = tagText(model, LONG);
    for (const id of tags.themes) {
      const ev = tags.evidence[id]!;
      expect(ev.length).toBeGreaterThan(0);
      for (const e of ev) expect(LONG.slice(e.start, e.end)).toBe(e.text);
    }
  });
});
