import { describe, expect, it } from 'vitest';
import type { OutOfFold } from '../classify/index.ts';
import { outOfFoldAgreement, overallScore } from './out-of-fold.ts';

const themes = ['neglect', 'fathers-and-men', 'online-harm'];
const oof: OutOfFold = {
  folds: 5,
  seed: 1,
  entries: [
    { key: 'review:a', gold: ['neglect', 'fathers-and-men'], themes: ['neglect'] },
    { key: 'review:b', gold: ['neglect'], themes: ['neglect', 'fathers-and-men'] },
    { key: 'briefing:c', gold: ['online-harm'], partial: true, themes: ['online-harm', 'neglect'] },
    { key: 'review:user-1', gold: ['fathers-and-men'], themes: [] },
  ],
};
const expertKeys = new Set(['review:a', 'review:b', 'briefing:c']);
const byTheme = (rows: ReturnType<typeof outOfFoldAgreement>) => Object.fromEntries(rows.map((r) => [r.theme_id, r]));

describe('out-of-fold agreement', () => {
  it('scores expert entries by their out-of-fold tags, and a single-topic briefing on its topic only', () => {
    const r = byTheme(outOfFoldAgreement({ outOfFold: oof, themeIds: themes, expertKeys, corrections: [], basis: 'all' }));
    expect(r['neglect']).toMatchObject({ tp: 2, fp: 0, fn: 0, tn: 0, n: 2 });
    expect(r['fathers-and-men']).toMatchObject({ tp: 0, fp: 1, fn: 1, tn: 0 });
    expect(r['online-harm']).toMatchObject({ tp: 1, fp: 0, fn: 0, tn: 2, n: 3 });
  });

  it('scores a correction against the out-of-fold tags when the model learned from the entry, else the tags in force', () => {
    const corrections = [
      // The retrained model learned from user-1: its out-of-fold tags (none) are what counts, not the tag in force.
      { key: 'review:user-1', theme_id: 'fathers-and-men', truth: true, tagged: true },
      // An entry the model never saw: the tags in force are an honest prediction.
      { key: 'review:user-2', theme_id: 'neglect', truth: false, tagged: true },
      // A correction of an expert entry replaces the expert label for that theme.
      { key: 'review:a', theme_id: 'fathers-and-men', truth: false, tagged: true },
    ];
    const mine = byTheme(outOfFoldAgreement({ outOfFold: oof, themeIds: themes, expertKeys, corrections, basis: 'corrections' }));
    expect(mine['fathers-and-men']).toMatchObject({ tp: 0, fp: 0, fn: 1, tn: 1, corrections: 2 });
    expect(mine['neglect']).toMatchObject({ fp: 1, corrections: 1 });
    const all = byTheme(outOfFoldAgreement({ outOfFold: oof, themeIds: themes, expertKeys, corrections, basis: 'all' }));
    // review:a's fathers-and-men now counts once, as the user's judgment (no, and not tagged out of fold).
    expect(all['fathers-and-men']).toMatchObject({ tp: 0, fp: 1, fn: 1, tn: 1, n: 3 });
  });

  it('sums micro and macro figures', () => {
    const s = overallScore(outOfFoldAgreement({ outOfFold: oof, themeIds: themes, expertKeys, corrections: [], basis: 'all' }));
    expect(s).toMatchObject({ n: 7, precision: 3 / 4, recall: 3 / 4 });
    expect(s.microF1).toBeCloseTo(0.75);
    expect(s.macroF1).toBeCloseTo((1 + 0 + 1) / 3);
  });
});
