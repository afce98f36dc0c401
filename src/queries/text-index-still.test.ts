import { describe, expect, it } from 'vitest';
import { noteNavigation, stillMoment } from './text-index.ts';

describe('the word index build waits for a still moment', () => {
  it('holds the next batch until no navigation for half a second, restarting the wait on each one', async () => {
    const started = performance.now();
    noteNavigation();
    setTimeout(noteNavigation, 300);
    await stillMoment(new AbortController().signal);
    // The second navigation, at 300 ms, pushed the still moment to about 800 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(790);
  });

  it('does not wait when nothing has moved lately, or when the build is stopped', async () => {
    const stopped = new AbortController();
    stopped.abort();
    noteNavigation();
    let t = performance.now();
    await stillMoment(stopped.signal);
    expect(performance.now() - t).toBeLessThan(50);
    // Stopped while waiting: it ends then, not when the wait would have.
    const stopping = new AbortController();
    noteNavigation();
    setTimeout(() => stopping.abort(), 50);
    t = performance.now();
    await stillMoment(stopping.signal);
    expect(performance.now() - t).toBeLessThan(300);
    await new Promise((done) => setTimeout(done, 520));
    t = performance.now();
    await stillMoment(new AbortController().signal);
    expect(performance.now() - t).toBeLessThan(50);
  });
});
