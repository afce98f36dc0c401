import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/classify/index.ts';
import { serialiseModel, trainFromData } from './train.ts';

describe('npm run train', () => {
  it('builds a byte-identical, loadable, reasonably small model from data/ twice', () => {
    const a = serialiseModel(trainFromData(1));
    const b = serialiseModel(trainFromData(1));
    expect(a).toBe(b);
    // The vocabulary, and with it the weights, grows with the labelled data: 1.49 MB with 254 reviews,
    // 1.61 MB with 285 (more-reviews-g.jsonl).
    expect(a.length).toBeLessThan(1.75 * 1024 * 1024);
    const model = loadModel(JSON.parse(a));
    expect(model.themes).toHaveLength(31);
    // Every data/cases line keeps its out-of-fold tags.
    expect(model.outOfFold!.entries.length).toBeGreaterThan(200);
  }, 300_000); // twelve trainings: two models, each with five out-of-fold ones
});
