/**
 * Repeats "navigation → Overview answers a filter" (`measureInteractive`) on the bundled data, each run in a
 * fresh browser with a fresh profile and the HTTP cache off, and reports the spread with what happened in each
 * run: the app's performance marks and measures, and when each file was requested and arrived.
 * Optionally records a Chrome trace (main-thread tasks, script evaluation, layout, paint) of the first run.
 * Used by `npm run bench -- --only interactive --runs 7 [--trace FILE]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { openBrowser } from '../../tests/support/browser.ts';
import { NO_FILTERS } from '../../src/filters/filters.ts';
import { measureInteractive } from './measure-app.ts';
import { percentile, round } from './stats.ts';

export interface InteractiveRun {
  interactiveMs: number;
  engineReadyMs: number | null;
  /** Mark name → ms after navigation start (the first of each name). */
  marks: Record<string, number>;
  /** Measures that ended before the filter was answered: name, start, duration. */
  measures: Array<[string, number, number]>;
  /** Files fetched before the filter was answered: path, requested at, arrived at, bytes over the wire. */
  resources: Array<[string, number, number, number]>;
}

const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler',
].join(',');

async function startTrace(cdp: CDPSession): Promise<() => Promise<string>> {
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
  return async () => {
    const done = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream!)));
    await cdp.send('Tracing.end');
    const stream = await done;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    return text;
  };
}

/** One run in a fresh browser. */
async function oneRun(url: string, tracePath: string | null): Promise<InteractiveRun> {
  const profileDir = mkdtempSync(join(tmpdir(), 'lt-interactive-'));
  const browser = await openBrowser({ profileDir });
  try {
    const { page, context } = browser;
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const stopTrace = tracePath ? await startTrace(cdp) : null;
    const { interactiveMs, engineReadyMs } = await measureInteractive(page, url, '', { ...NO_FILTERS, yearFrom: 2020 });
    if (stopTrace) writeFileSync(tracePath!, await stopTrace());
    const seen = await page.evaluate((until) => ({
      marks: Object.fromEntries(performance.getEntriesByType('mark').reverse().map((m) => [m.name, Math.round(m.startTime)])),
      measures: performance.getEntriesByType('measure').filter((m) => m.startTime <= until)
        .map((m): [string, number, number] => [m.name, Math.round(m.startTime), Math.round(m.duration)]),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime <= until)
        .map((r): [string, number, number, number] => [new URL(r.name).pathname, Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize]),
    }), interactiveMs);
    if (browser.foreignRequests.length) throw new Error(`Requests to another origin: ${browser.foreignRequests.join(', ')}`);
    return { interactiveMs, engineReadyMs, ...seen };
  } finally {
    await browser.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** Main-thread time of the first draws (the live charts before the filter) and when the filter's answer began. */
function drawFigures(run: InteractiveRun) {
  const filterAt = Math.max(...run.measures.filter(([n]) => n === 'index:overview.totals').map(([, s]) => s));
  const first = run.measures.filter(([n, s]) => n.startsWith('chart:') && s < filterAt);
  return { firstDrawsMs: first.reduce((t, [, , d]) => t + d, 0), firstChartMs: first[0]?.[2] ?? NaN, filterAt };
}

/** `runs` fresh-browser runs; logs each and returns the figures with the medians of every mark. */
export async function interactiveRuns(url: string, runs: number, tracePath: string | null, log: (m: string) => void) {
  const all: InteractiveRun[] = [];
  const loadAtStart = loadavg().map((x) => round(x, 1));
  for (let i = 0; i < runs; i++) {
    const run = await oneRun(url, i === 0 ? tracePath : null);
    all.push(run);
    const draws = drawFigures(run);
    log(`run ${i + 1}: ${Math.round(run.interactiveMs)} ms (engine ready at ${Math.round(run.engineReadyMs ?? NaN)}; first draws ${draws.firstDrawsMs} ms, the first ${draws.firstChartMs}; filter applied at ${draws.filterAt}) load ${loadavg()[0]!.toFixed(1)}`);
  }
  const times = all.map((r) => r.interactiveMs);
  const draws = all.map(drawFigures);
  const names = [...new Set(all.flatMap((r) => Object.keys(r.marks)))];
  const markMedians = Object.fromEntries(names.map((n) => [n, percentile(all.map((r) => r.marks[n]).filter((x): x is number => x !== undefined), 50)]));
  return {
    runs: times.map((t) => round(t, 0)),
    interactive_ms_median: round(percentile(times, 50), 0),
    interactive_ms_p90: round(percentile(times, 90), 0),
    first_draws_ms_median: percentile(draws.map((d) => d.firstDrawsMs), 50),
    first_chart_draw_ms_median: percentile(draws.map((d) => d.firstChartMs), 50),
    filter_applied_at_median: percentile(draws.map((d) => d.filterAt), 50),
    load_average_at_start: loadAtStart,
    load_average_at_end: loadavg().map((x) => round(x, 1)),
    mark_medians: markMedians,
    // The median run's detail, to read where its time went.
    median_run: all.slice().sort((a, b) => a.interactiveMs - b.interactiveMs)[Math.floor((all.length - 1) / 2)],
  };
}
