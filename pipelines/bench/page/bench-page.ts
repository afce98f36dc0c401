/**
 * The benchmark's own page (built separately from the app): exposes
 * `window.__bench` for the Node driver to call with page.evaluate. It runs the
 * app's tagging worker and, in the same page, the naive baselines.
 */
import { TaggingClient } from '../../../src/workers/tagging/tagging-client.ts';
import { naiveAggregates, type NaiveFilters } from './naive-aggregates.ts';
import { naiveBayes } from './naive-bayes.ts';

export interface TaggingFigures {
  passages: number;
  workerMs: number;
  /** The worker's own time tagging (workerMs less messaging to and from it). */
  workerBusyMs: number;
  workerPassagesPerS: number;
  naiveTrainMs: number;
  naiveMs: number;
  naivePassagesPerS: number;
}

/** Tags the passages in the worker (one passage per item), then classifies them one by one with natural's Bayes. */
async function tagging(passages: string[], training: Array<{ text: string; gold: string[] }>, modelUrl: string): Promise<TaggingFigures> {
  const client = new TaggingClient();
  try {
    await client.loadModel(modelUrl);
    // Warm-up: compiles the model and lets V8 optimise the tagger, as after the first document of a bulk
    // job (a national re-tag is a million passages; a 100-page report is ~200).
    await client.tag(passages.slice(0, 1_000).map((text, i) => ({ key: String(i), text })), { passageChars: 100_000 });
    const started = performance.now();
    const { passages: tagged, elapsedMs: workerBusyMs } = await client.tag(passages.map((text, i) => ({ key: String(i), text })), { passageChars: 100_000 });
    const workerMs = performance.now() - started;
    const bayes = naiveBayes(training);
    const naiveStarted = performance.now();
    for (const p of passages) bayes.classify(p);
    const naiveMs = performance.now() - naiveStarted;
    return {
      passages: tagged, workerMs, workerBusyMs, workerPassagesPerS: (tagged / workerMs) * 1000,
      naiveTrainMs: bayes.trainMs, naiveMs, naivePassagesPerS: (passages.length / naiveMs) * 1000,
    };
  } finally {
    client.terminate();
  }
}

declare global {
  interface Window {
    __bench: {
      tagging: typeof tagging;
      naiveAggregates: (datasetBase: string, filterSets: NaiveFilters[]) => ReturnType<typeof naiveAggregates>;
    };
  }
}

window.__bench = { tagging, naiveAggregates };
document.getElementById('status')!.textContent = 'Ready.';
