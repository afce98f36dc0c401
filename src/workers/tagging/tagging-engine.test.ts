import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchTagResult, loadModel, tagDocument, type ThemeModel } from '../../classify/index.ts';
import type { TaggingResponse } from './protocol.ts';
import { TaggingEngine } from './tagging-engine.ts';

const modelJson: unknown = JSON.parse(readFileSync('public/model/theme-model.json', 'utf8'));
const reviews = readFileSync('data/cases/dev-reviews.jsonl', 'utf8').trim().split('\n').map((l) => String(JSON.parse(l).text));

async function engineWithModel(): Promise<{ engine: TaggingEngine; sent: Array<{ msg: TaggingResponse; transfer?: Transferable[] }> }> {
  const sent: Array<{ msg: TaggingResponse; transfer?: Transferable[] }> = [];
  const engine = new TaggingEngine((msg, transfer) => sent.push({ msg, transfer }), async () => modelJson);
  await engine.handle({ id: 1, type: 'load-model', url: '/model/theme-model.json' });
  expect(sent.pop()?.msg).toMatchObject({ type: 'model-loaded', themes: 31 });
  return { engine, sent };
}

describe('TaggingEngine', () => {
  it('tags every text as tagDocument does and transfers the result arrays', async () => {
    const { engine, sent } = await engineWithModel();
    const texts = reviews.slice(0, 20);
    await engine.handle({ id: 2, type: 'tag', texts, passageChars: 1500 });
    const last = sent[sent.length - 1]!;
    if (last.msg.type !== 'tagged') throw new Error(`expected a result, got ${last.msg.type}`);
    const { batch } = last.msg;
    const model: ThemeModel = loadModel(modelJson);
    texts.forEach((text, i) => {
      const { passages, ...want } = tagDocument(model, text, { passageChars: 1500 });
      expect(passages.length).toBeGreaterThan(0);
      expect(batchTagResult(batch, i, text)).toEqual(want);
    });
    expect(last.transfer?.length).toBe(7);
    const progress = sent.filter((s) => s.msg.type === 'progress').map((s) => (s.msg.type === 'progress' ? s.msg.progress : null));
    expect(progress[progress.length - 1]).toMatchObject({ done: 20, total: 20, passages: batch.passages });
  });

  it('takes texts in parts (the page sends big batches a slice at a time) and gives the same batch as one message', async () => {
    const { engine, sent } = await engineWithModel();
    const texts = reviews.slice(0, 12);
    await engine.handle({ id: 2, type: 'tag', texts, passageChars: 1500 });
    const whole = sent.pop()!.msg;
    const running = engine.handle({ id: 3, type: 'tag', texts: texts.slice(0, 5), total: 12, passageChars: 1500 });
    await new Promise((r) => setTimeout(r, 20)); // the run waits for the rest
    expect(sent.some((s) => s.msg.type === 'tagged' && s.msg.id === 3)).toBe(false);
    await engine.handle({ id: 4, type: 'tag-texts', target: 3, texts: texts.slice(5, 9) });
    await engine.handle({ id: 5, type: 'tag-texts', target: 3, texts: texts.slice(9) });
    await running;
    const parted = sent.pop()!.msg;
    if (whole.type !== 'tagged' || parted.type !== 'tagged') throw new Error('expected two results');
    expect(parted.batch).toEqual(whole.batch);

    // Cancelled while waiting for its remaining texts: it stops at once, and late parts are dropped.
    const waiting = engine.handle({ id: 6, type: 'tag', texts: texts.slice(0, 2), total: 12 });
    await engine.handle({ id: 7, type: 'cancel', target: 6 });
    await waiting;
    expect(sent.pop()?.msg).toMatchObject({ id: 6, type: 'error', error: { name: 'AbortError' } });
    await engine.handle({ id: 8, type: 'tag-texts', target: 6, texts: texts.slice(2) });
    expect(sent.some((s) => s.msg.id === 6 && s.msg.type === 'tagged')).toBe(false);
  });

  it('reports progress while it works and stops at a cancel', async () => {
    const { engine, sent } = await engineWithModel();
    // Long enough to need several time slices.
    const texts = Array.from({ length: 600 }, (_, i) => reviews[i % reviews.length]!);
    const running = engine.handle({ id: 7, type: 'tag', texts });
    // handle runs synchronously up to its first yield; the cancel lands in that gap.
    await engine.handle({ id: 8, type: 'cancel', target: 7 });
    await running;
    const last = sent[sent.length - 1]!.msg;
    expect(last).toMatchObject({ id: 7, type: 'error', error: { name: 'AbortError' } });
    expect(sent.some((s) => s.msg.type === 'tagged')).toBe(false);
  });

  it('reports progress about every 100 ms on a long run', async () => {
    const { engine, sent } = await engineWithModel();
    const texts = Array.from({ length: 300 }, (_, i) => reviews[i % reviews.length]!);
    const started = performance.now();
    await engine.handle({ id: 3, type: 'tag', texts });
    const elapsed = performance.now() - started;
    const progress = sent.flatMap((s) => (s.msg.type === 'progress' ? [s.msg.progress] : []));
    expect(progress.length).toBeGreaterThanOrEqual(Math.min(3, Math.floor(elapsed / 150)));
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress[progress.length - 1]!.done).toBe(300);
  });

  it('says what to do when no model is loaded', async () => {
    const sent: TaggingResponse[] = [];
    const engine = new TaggingEngine((msg) => sent.push(msg), async () => modelJson);
    await engine.handle({ id: 1, type: 'tag', texts: ['Neglect.'] });
    expect(sent).toEqual([{ id: 1, type: 'error', error: { name: 'Error', message: 'No theme model loaded: load one before tagging.' } }]);
  });
});
