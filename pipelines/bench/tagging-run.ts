/** Inputs for the tagging comparison: a sample of the corpus's passages and the labelled cases to train the naive classifier on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { fromRoot } from '../lib/files.ts';
import { readJsonl } from '../lib/jsonl.ts';
import { jsonlValues } from '../../src/lib/jsonl.ts';

/** `count` passages spread evenly through the corpus (reviews and briefings alike). */
export function samplePassages(datasetDir: string, count: number): string[] {
  const texts = tableFromIPC(readFileSync(join(datasetDir, 'passages.arrows'))).getChild('text');
  if (!texts || texts.length === 0) throw new Error(`${datasetDir}/passages.arrows has no passages`);
  const step = Math.max(1, Math.floor(texts.length / count));
  const out: string[] = [];
  for (let i = 0; i < texts.length && out.length < count; i += step) out.push(String(texts.get(i)));
  return out;
}

/** The labelled catalogue entries (text + gold theme ids). */
export function labelledCases(): Array<{ text: string; gold: string[] }> {
  return ['dev-reviews.jsonl', 'dev-briefings.jsonl']
    .flatMap((f) => jsonlValues<{ text?: string; title?: string; gold?: string[] }>(readJsonl(fromRoot('data/cases', f)), f))
    .filter((c) => c.text && c.gold?.length)
    .map((c) => ({ text: [c.title, c.text].filter(Boolean).join('\n\n'), gold: c.gold! }));
}
