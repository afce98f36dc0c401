import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel, tagDocument, TagBatchWriter } from '../classify/index.ts';
import { tagRows, type TaggedEntity } from './tag-rows.ts';

const model = loadModel(JSON.parse(readFileSync('public/model/theme-model.json', 'utf8')));
const entities: TaggedEntity[] = readFileSync('data/cases/dev-reviews.jsonl', 'utf8').trim().split('\n').slice(0, 8)
  .map((l, i) => ({ entity_type: i % 2 ? 'review' : 'passage', entity_id: `e${i}`, text: String(JSON.parse(l).text) }));

function batchOf(items: readonly TaggedEntity[]) {
  const w = new TagBatchWriter(model, 2000);
  for (const e of items) w.add(e.text);
  return w.finish();
}

describe('tagRows', () => {
  it('stores each selected theme with its rounded score and its best evidence sentences', () => {
    const { tags, evidence } = tagRows(batchOf(entities), entities);
    entities.forEach((e) => {
      const want = tagDocument(model, e.text, { passageChars: 2000 });
      const mine = tags.filter((t) => t.entity_id === e.entity_id);
      expect(mine.map((t) => t.theme_id)).toEqual(want.themes);
      for (const t of mine) {
        expect(t).toMatchObject({ entity_type: e.entity_type, score: want.scores[t.theme_id], source: 'model', accepted: true });
        const rows = evidence.filter((x) => x.entity_id === e.entity_id && x.theme_id === t.theme_id);
        expect(rows.map((r) => r.rank)).toEqual(rows.map((_, k) => k));
        expect(rows.map((r) => [r.start_offset, r.end_offset, r.sentence])).toEqual(want.evidence[t.theme_id]!.slice(0, 3).map((x) => [x.start, x.end, x.text]));
      }
    });
    expect(tags.length).toBeGreaterThan(entities.length);
  });

  it('keeps at most maxEvidence sentences per tag', () => {
    const { evidence } = tagRows(batchOf(entities), entities, 1);
    expect(evidence.every((r) => r.rank === 0)).toBe(true);
  });

  it('refuses a batch that does not match the entities', () => {
    expect(() => tagRows(batchOf(entities.slice(0, 2)), entities)).toThrow('Tagging returned 2 results for 8 texts');
  });
});
