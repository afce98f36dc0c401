import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from './model.ts';
import { batchBuffers, batchTagResult, batchTags, TagBatchWriter } from './tag-batch.ts';
import { tagDocument } from './tagger.ts';
import { trainModel } from './train-model.ts';
import { TINY_EXAMPLES, TINY_LEXICON, TINY_TAXONOMY } from './tiny-lexicon.fixture.ts';

const shipped = loadModel(JSON.parse(readFileSync('public/model/theme-model.json', 'utf8')));
const tiny = trainModel(TINY_EXAMPLES, TINY_TAXONOMY, TINY_LEXICON, { seed: 3, folds: 3 });
const cases = readFileSync('data/cases/dev-reviews.jsonl', 'utf8').trim().split('\n').slice(0, 12).map((l) => String(JSON.parse(l).text));
const filler = 'The family moved house twice that year and the review describes the timeline. '.repeat(12);
const texts = [
  ...cases,
  'The children arrived at school hungry and dirty, with head lice.',
  `${filler}\n\nThe school noticed falling attendance and a teacher raised it.\n\n${filler}\n\nThe children had head lice and poor hygiene, a sign of neglect.`,
  '  \n\n  Indented after blank lines: police call-outs for domestic violence.  ',
  '',
  '   \n ',
];

describe('TagBatchWriter', () => {
  for (const [name, model] of [['shipped', shipped], ['tiny', tiny]] as const) {
    for (const passageChars of [undefined, 400, 100_000]) {
      it(`gives tagDocument's themes, scores and evidence (${name} model, passages of ${passageChars ?? 'default'} chars)`, () => {
        const w = new TagBatchWriter(model, passageChars, 2);
        for (const t of texts) w.add(t);
        const batch = w.finish();
        expect(batch.count).toBe(texts.length);
        let passages = 0;
        texts.forEach((text, i) => {
          const { passages: ps, ...want } = tagDocument(model, text, passageChars ? { passageChars } : {});
          passages += Math.max(1, ps.length);
          // Same keys in the same order, so JSON output built from either is byte-identical.
          expect(JSON.stringify(batchTagResult(batch, i, text))).toBe(JSON.stringify(want));
          expect(batchTags(batch, i).map((t) => t.themeId)).toEqual(want.themes);
        });
        expect(batch.passages).toBe(passages);
        expect(w.passages).toBe(passages);
      });
    }
  }

  it('hands over arrays with buffers of their own, exactly sized', () => {
    const w = new TagBatchWriter(tiny);
    w.add(texts[12]!);
    const batch = w.finish();
    const buffers = batchBuffers(batch);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(batch.scores.length).toBe(tiny.themes.length);
    expect(batch.tagFrom.length).toBe(2);
  });
});
