import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShippedExamples, parseExampleLines } from './shipped-examples.ts';

describe('shipped training examples', () => {
  it('reads text and gold, puts a title first, and skips lines it cannot use', () => {
    const raw = [
      '{"id": "a", "text": "Fathers were not seen.", "gold": ["fathers-and-men"]}',
      '{"title": "Neglect", "text": "Cumulative harm.", "gold": ["neglect"]}',
      'not json',
      '{"text": "no gold"}',
      '',
    ].join('\n');
    expect(parseExampleLines(raw)).toEqual([
      { text: 'Fathers were not seen.', gold: ['fathers-and-men'], partial: false },
      { text: 'Neglect\n\nCumulative harm.', gold: ['neglect'], partial: true },
    ]);
  });

  it('bundles every line of data/examples', async () => {
    const examples = await loadShippedExamples();
    const dir = join(import.meta.dirname, '../../../data/examples');
    const lines = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()));
    expect(examples.length).toBe(lines.length);
    expect(examples.every((e) => e.text.length > 0 && e.gold.length > 0)).toBe(true);
  });
});
