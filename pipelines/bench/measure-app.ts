/** The app half of the benchmark: first chart, load stages, and every view under filter changes. */
import type { Page } from 'playwright-core';
import { searchFromFilters } from '../../src/filters/url.ts';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { firstChart, navigateAndSettle, sqlMeasures, viewPaths } from './app-run.ts';
import { SEARCH_TERMS } from './filter-sets.ts';
import type { MemorySampler } from './memory.ts';
import { percentile } from './stats.ts';
import { fromRoot } from '../lib/files.ts';

export interface ViewFigures {
  path: string;
  label: string;
  charts: number;
  redrawMs: number[];
  /** The same changes until every chart had drawn, off-screen ones too (they wait for an idle moment). */
  allChartsMs: number[];
  filterDriven: boolean;
  /** Main-thread JS heap and tab memory (MB) when the view was left. */
  heapMbAfter: number | null;
  tabMbAfter: number | null;
}

/** First chart on the bundled data, `runs` navigations with the HTTP cache off; the first is the cold one. */
export async function measureBundled(page: Page, url: string, runs: number): Promise<{ cold: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await firstChart(page, `${url}/`, false)).firstChartMs);
  return { cold: times[0]!, median: percentile(times, 50) };
}

/**
 * Navigation → the Overview responds to a filter: loads `url`, waits for the
 * first live (not precomputed) Overview chart, applies `f` at once and times
 * until the view has redrawn, from navigation start. Also when the engine
 * reported ready (the `app:engine-ready` mark), to show whether the filter
 * was answered before it.
 */
export async function measureInteractive(page: Page, url: string, dataset: string, f: Filters): Promise<{ interactiveMs: number; engineReadyMs: number | null }> {
  const query = dataset ? `?dataset=${dataset}` : '';
  await page.goto(`${url}/${query}`);
  // Checked every frame in the page, as a user sees it: Playwright's waitForSelector re-checks on a backoff
  // (up to 500 ms apart), which put a varying wait between the drawn chart and the filter.
  await page.waitForFunction(() => document.querySelector('main#main:not(.first-screen) .echart[data-chart-ready]:not([data-chart-ready=""])') !== null, undefined, { timeout: 600_000, polling: 'raf' });
  const { endedAt } = await navigateAndSettle(page, '/' + searchFromFilters(f, query), 400, 600_000);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 600_000 });
  const engineReadyMs = await page.evaluate(() => performance.getEntriesByName('app:engine-ready')[0]?.startTime ?? null);
  return { interactiveMs: endedAt, engineReadyMs };
}

/** Opens the preset and waits for the live (DuckDB) chart; reads the load marks. */
export async function measurePresetLoad(page: Page, url: string, preset: string) {
  const { firstChartMs, liveChartMs, marks } = await firstChart(page, `${url}/?dataset=${preset}`, true);
  return {
    summaryChartMs: firstChartMs,
    liveChartMs: liveChartMs!,
    engineMs: marks['db:engine-ready'] ?? null,
    dataLoadedMs: marks['db:data-loaded'] ?? null,
    firstScreenTablesMs: marks['db:first-tables-loaded'] ?? null,
  };
}

/** Every view in the navigation: open it, then apply each filter set; also text searches on the first view. */
export async function measureViews(page: Page, preset: string, sets: Filters[], log: (m: string) => void, memory?: MemorySampler, searchTimeoutMs = 60_000) {
  const base = `?dataset=${preset}`;
  const views: ViewFigures[] = [];
  const failures: Array<{ view: string; error: string; screenshot: string }> = [];
  const measures: Record<string, number[]> = {};
  const keep = (m: Record<string, number[]>) => Object.entries(m).forEach(([k, v]) => (measures[k] ??= []).push(...v));
  for (const [i, view] of (await viewPaths(page)).entries()) {
    memory?.during(`view: ${view.label}`);
    let opened: { charts: number };
    const redrawMs: number[] = [];
    const allChartsMs: number[] = [];
    try {
      opened = await navigateAndSettle(page, view.path + searchFromFilters(NO_FILTERS, base));
      await sqlMeasures(page); // view-opening queries are not filter changes
      // Each view gets the list rotated, so no view replays another's cached answers first.
      const rotated = [...sets.slice(i % sets.length), ...sets.slice(0, i % sets.length)];
      for (const f of rotated) {
        const settled = await navigateAndSettle(page, view.path + searchFromFilters(f, base));
        redrawMs.push(settled.ms);
        allChartsMs.push(settled.allMs);
      }
    } catch (err) {
      // One broken view must not hide the figures of the others; the screenshot shows what it was doing.
      const shot = fromRoot('.bench/results', `${preset}-${view.label.toLowerCase().replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined /* best effort */);
      failures.push({ view: view.label, error: err instanceof Error ? err.message : String(err), screenshot: shot });
      log(`  ${view.label.padEnd(16)} FAILED: ${failures.at(-1)!.error} (screenshot ${shot})`);
      await sqlMeasures(page);
      continue;
    }
    const viewMeasures = await sqlMeasures(page);
    keep(viewMeasures);
    // Views that run no query on a filter change (import, settings) are listed but not counted as redraws.
    // Memory as the view is left: which view grows the tab, if one does.
    const mb = memory?.latest();
    views.push({ path: view.path, label: view.label, charts: opened.charts, redrawMs, allChartsMs, filterDriven: Object.keys(viewMeasures).length > 0, heapMbAfter: mb ? Math.round(mb.jsHeapMb) : null, tabMbAfter: mb ? Math.round(mb.tabMb) : null });
    log(`  ${view.label.padEnd(16)} ${opened.charts} charts, redraw p50 ${percentile(redrawMs, 50).toFixed(0)} ms, p95 ${percentile(redrawMs, 95).toFixed(0)} ms`);
  }
  // Text search last: a search that does not settle leaves queries queued behind it, so nothing is measured after it.
  const searchMs: number[] = [];
  memory?.during('waiting for the word index, then searching');
  let searchTimedOut: string | null = null;
  // Search answers from the word index once it is built (in the background after the load); time that, then search.
  await page.waitForFunction(() => document.documentElement.dataset.textIndex === 'ready', undefined, { timeout: 600_000 }).catch(() => log('  the word index was not ready within 10 minutes; searching without it'));
  const textIndex = await page.evaluate(() => {
    const [readyMs, buildMs] = (document.documentElement.dataset.textIndexTimes ?? '').split(',').map(Number);
    return readyMs ? { readyMs, buildMs: buildMs! } : null;
  });
  // Open the Overview first, so the first term's time is the search's, not the view change's.
  await navigateAndSettle(page, '/' + searchFromFilters(NO_FILTERS, base), 400, searchTimeoutMs).catch(() => undefined /* measured below */);
  for (const q of SEARCH_TERMS) {
    try {
      searchMs.push((await navigateAndSettle(page, '/' + searchFromFilters({ ...NO_FILTERS, q }, base), 400, searchTimeoutMs)).ms);
    } catch {
      searchTimedOut = q;
      log(`  text search "${q}" did not settle within ${searchTimeoutMs / 1000} s; stopping the search runs`);
      break;
    }
  }
  const searchMeasures = await sqlMeasures(page);
  return { views, measures, searchMs, searchMeasures, searchTimedOut, textIndex, failures };
}
