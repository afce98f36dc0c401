import { describe, expect, it } from 'vitest';
import type { TagJob } from './run-import.ts';
import { mergeBatches, replacedMessage, stoppedMessage, type QueuedImport } from './stopped-tagging.ts';

const jobs = (n: number, source: string): TagJob[] =>
  Array.from({ length: n }, (_, i) => ({ entity_type: 'review', entity_id: `${source}-${i}`, text: 'text', source }));
const batch = (label: string, ...parts: [number, string][]): QueuedImport => ({ label, jobs: parts.flatMap(([n, s]) => jobs(n, s)) });

describe('the message after tagging stops', () => {
  it('cancelling with an import waiting counts the waiting import’s texts and files too', () => {
    const stopped = [batch('a.csv', [5000, 'a.csv']), batch('b.csv', [500, 'b.csv'])];
    expect(stoppedMessage(stopped, 1, null)).toBe(
      'Tagging cancelled: 5,500 imported texts from 2 files were kept but not tagged (a.csv: 5,000 texts; b.csv: 500 texts), including 1 import that was waiting to be tagged.',
    );
  });

  it('one import alone: its texts and files, nothing about waiting imports', () => {
    expect(stoppedMessage([batch('2 documents', [40, 'x.pdf'], [1, 'y.docx'])], 0, null))
      .toBe('Tagging cancelled: 41 imported texts from 2 files were kept but not tagged.');
    expect(stoppedMessage([batch('c.csv', [1, 'c.csv'])], 0, 'the theme model could not be loaded (404)'))
      .toBe('Tagging failed: the theme model could not be loaded (404). 1 imported text from 1 file was kept but not tagged.');
  });

  it('“Tag them now” gets every affected import’s texts in one run', () => {
    const all = mergeBatches([batch('a.csv', [2, 'a.csv']), batch('b.csv', [3, 'b.csv']), batch('catalogue text', [1, 'catalogue'])]);
    expect(all.label).toBe('a.csv, b.csv and catalogue text');
    expect(all.jobs.map((j) => j.entity_id)).toEqual(['a.csv-0', 'a.csv-1', 'b.csv-0', 'b.csv-1', 'b.csv-2', 'catalogue-0']);
  });

  it('data deleted or replaced during tagging: says the entries are gone, and offers no retry', () => {
    const message = replacedMessage([batch('a.csv', [3, 'a.csv']), batch('b.pdf', [2, 'b.pdf'])]);
    expect(message).toBe('Tagging stopped: your data was deleted or replaced while a.csv and b.pdf were being tagged, so the imported entries and their tags are gone. Import the files again to tag them.');
  });
});
