import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchTags } from '../../classify/index.ts';
import type { TaggingRequest, TaggingResponse } from './protocol.ts';
import { TaggingClient } from './tagging-client.ts';
import { TaggingEngine } from './tagging-engine.ts';

const modelJson: unknown = JSON.parse(readFileSync('public/model/theme-model.json', 'utf8'));

/** A stand-in for the Worker object that runs the real engine in this thread, messages crossing as tasks. */
function inProcessWorker(seen: TaggingRequest[]) {
  const worker = { onmessage: null as ((e: { data: TaggingResponse }) => void) | null, onerror: null, terminate: () => undefined,
    postMessage: (msg: TaggingRequest) => (seen.push(msg), setTimeout(() => void engine.handle(structuredClone(msg)))) };
  const engine = new TaggingEngine((msg) => setTimeout(() => worker.onmessage?.({ data: msg })), async () => modelJson);
  return worker as unknown as Worker;
}

describe('TaggingClient', () => {
  it('sends a big batch in parts and gets every text tagged, in order', async () => {
    const seen: TaggingRequest[] = [];
    const client = new TaggingClient(inProcessWorker(seen));
    await client.loadModel('/model/theme-model.json');
    const texts = Array.from({ length: 4500 }, (_, i) => (i % 2 ? 'The baby was left hungry and unwashed: neglect.' : `Weather report ${i}.`));
    const { batch } = await client.tag(texts.map((text, i) => ({ key: String(i), text })));
    expect(batch.count).toBe(4500);
    const tag = seen.find((m) => m.type === 'tag');
    expect(tag).toMatchObject({ total: 4500 });
    expect(tag?.type === 'tag' && tag.texts.length).toBe(2000);
    expect(seen.filter((m) => m.type === 'tag-texts').map((m) => (m.type === 'tag-texts' ? m.texts.length : 0))).toEqual([2000, 500]);
    expect(batchTags(batch, 1).map((t) => t.themeId)).toContain('neglect');
    expect(batchTags(batch, 4499).map((t) => t.themeId)).toEqual(batchTags(batch, 1).map((t) => t.themeId));
  });
});
