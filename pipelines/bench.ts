/**
 * The performance benchmark: the production app on a synthetic corpus in headless Chromium.
 *
 * Reads:  .bench/datasets/<preset>/ (generated first if missing: pipelines/build-synthetic.ts),
 *         public/model/theme-model.json (served by the build), data/cases/*.jsonl (naive Bayes training).
 * Writes: .bench/dist/ (the production build and, under bench/, the benchmark page),
 *         .bench/results/<preset>.json (the figures), and prints a table then one JSON line.
 * Run:    npm run bench -- --preset small|national|x10 [--changes 24] [--skip-build] [--seed 1]
 *           [--only tagging] [--dist DIR]   (the tagging comparison alone; build and serve from DIR)
 *           [--only interactive --runs 7 [--trace FILE]]   (bundled navigation → filter answered, each run in a
 *           fresh browser; median, p90, marks and file timings; a Chrome trace of the first run)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { openBrowser } from '../tests/support/browser.ts';
import { buildApps } from './bench/build-apps.ts';
import { filterSets, SEARCH_TERMS } from './bench/filter-sets.ts';
import { initialJs } from './bench/initial-js.ts';
import { interactiveRuns } from './bench/interactive-runs.ts';
import { navigateAndSettle } from './bench/app-run.ts';
import { measureBundled, measureInteractive, measurePresetLoad, measureViews } from './bench/measure-app.ts';
import { NO_FILTERS } from '../src/filters/filters.ts';
import { sampleMemory } from './bench/memory.ts';
import { checkTargets, table } from './bench/report.ts';
import { serveStatic } from './bench/static-server.ts';
import { percentile, round } from './bench/stats.ts';
import { labelledCases, samplePassages } from './bench/tagging-run.ts';
import { fromRoot, writeFile } from './lib/files.ts';
import { presetScale } from './synth/presets.ts';
import { writeCorpus } from './synth/write-corpus.ts';
import type { NaiveFilters } from './bench/page/naive-aggregates.ts';
import type { TaggingFigures } from './bench/page/bench-page.ts';

const log = (m: string) => console.error(m);
const mb = (bytes: number) => bytes / 2 ** 20;

async function main() {
  const { values } = parseArgs({ options: { preset: { type: 'string', default: 'small' }, changes: { type: 'string', default: '24' }, 'skip-build': { type: 'boolean', default: false }, seed: { type: 'string', default: '1' }, passages: { type: 'string', default: '20000' }, only: { type: 'string', default: 'all' }, runs: { type: 'string', default: '7' }, trace: { type: 'string' }, dist: { type: 'string', default: '.bench/dist' } } });
  const preset = values.preset!;
  const scale = presetScale(preset);
  const [seed, changes, passageCount] = (['seed', 'changes', 'passages'] as const).map((k) => {
    const n = Number(values[k]);
    if (!Number.isInteger(n) || n < (k === 'seed' ? 0 : 1)) throw new Error(`--${k} must be a ${k === 'seed' ? 'non-negative' : 'positive'} integer, got "${values[k]}"`);
    return n;
  }) as [number, number, number];
  const datasetDir = fromRoot('.bench/datasets', preset);
  const distDir = fromRoot(values.dist!);
  const only = values.only!;
  if (!['all', 'tagging', 'interactive'].includes(only)) throw new Error(`--only must be tagging or interactive, got "${only}"`);
  if (!existsSync(join(datasetDir, 'manifest.json'))) {
    log(`Generating the ${preset} corpus into ${datasetDir}…`);
    await writeCorpus({ scale, seed, outDir: datasetDir, preset, onProgress: log });
  }
  if (!values['skip-build'] || !existsSync(join(distDir, 'index.html'))) {
    log('Building the app and the benchmark page into .bench/dist…');
    await buildApps(distDir);
  }
  if (only === 'interactive') return interactiveOnly(distDir, Number(values.runs), values.trace ?? null);
  const seen = new Set<string>();
  const sets = filterSets(datasetDir, changes * 2, seed).filter((f) => !seen.has(JSON.stringify(f)) && !!seen.add(JSON.stringify(f))).slice(0, changes);
  const server = await serveStatic(distDir, fromRoot('.bench/datasets'));
  const profileDir = mkdtempSync(join(tmpdir(), 'lt-bench-'));
  const browser = await openBrowser({ profileDir });
  const { page, context } = browser;
  page.setDefaultTimeout(600_000);
  // tsx compiles the page.evaluate callbacks with esbuild's keepNames, which calls a `__name` helper the page lacks.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const memory = await sampleMemory(context, page, profileDir);
  const figures: Record<string, unknown> = { preset, scale, machine: { cores: cpus().length, load_average_at_start: loadavg().map((x) => round(x, 1)) } };
  try {
    if (only === 'tagging') {
      const tagging = await measureTagging(page, server.url, datasetDir, passageCount);
      console.log(JSON.stringify({ preset, ...tagging, speedup: round(tagging.workerPassagesPerS / tagging.naivePassagesPerS, 2) }));
      return;
    }
    log('Bundled data: first chart…');
    const bundled = await measureBundled(page, server.url, 3);
    log('Bundled data: navigation → Overview answers a filter…');
    const bundledInteractive = await measureInteractive(page, server.url, '', { ...NO_FILTERS, yearFrom: 2020 });
    server.resetCounts();
    memory.reset();
    memory.during('loading the preset');
    log(`Preset ${preset}: loading…`);
    const load = await measurePresetLoad(page, server.url, preset);
    const downloaded = { ...server.sent };
    log(`Preset ${preset}: navigation → Overview answers a filter…`);
    memory.during('navigation → Overview answers a filter');
    const presetInteractive = await measureInteractive(page, server.url, preset, sets[0] ?? { ...NO_FILTERS, yearFrom: 2020 });
    log(`Views under ${sets.length} filter changes each:`);
    const app = await measureViews(page, preset, sets, log, memory);
    const appPeaks = memory.peaks();
    // What the user saw at this scale, for a human to check the charts are real.
    await navigateAndSettle(page, `/?dataset=${preset}`).catch(() => undefined /* the search runs may still be queued */);
    await page.screenshot({ path: fromRoot('.bench/results', `${preset}-overview.png`), fullPage: true });

    log('Tagging: worker vs natural Bayes; aggregates: DuckDB vs plain JavaScript…');
    memory.reset();
    const tagging = await measureTagging(page, server.url, datasetDir, passageCount);
    const naive = await page.evaluate(([base, f]) => window.__bench.naiveAggregates(base, f), [`/datasets/${preset}/`, sets as NaiveFilters[]] as const);
    const naivePeaks = memory.peaks();

    const redraws = app.views.filter((v) => v.filterDriven).map((v) => ({ view: v.label, path: v.path, charts: v.charts, p50: percentile(v.redrawMs, 50), p95: percentile(v.redrawMs, 95), max: Math.max(...v.redrawMs), all_charts_p95: percentile(v.allChartsMs, 95), redraw_ms: v.redrawMs.map((ms) => Math.round(ms)) }));
    const allQueries = Object.entries(app.measures).map(([label, d]) => ({ label, n: d.length, p50: percentile(d, 50), p95: percentile(d, 95) })).sort((a, b) => b.p95 - a.p95);
    // Dashboard queries answer filter changes; one-off queries (a view's set-up) are reported apart.
    const queries = allQueries.filter((q) => q.n >= Math.min(5, sets.length));
    const oneOff = allQueries.filter((q) => !queries.includes(q));
    // The app answers some aggregates from its filter index (index:<label>), the rest in DuckDB.
    const appTimes = (l: string) => app.measures[l] ?? app.measures[`index:${l}`];
    const compared = Object.keys(naive.timings).filter((l) => appTimes(l));
    const naiveMs = compared.reduce((s, l) => s + percentile(naive.timings[l]!, 50), 0);
    const sqlMs = compared.reduce((s, l) => s + percentile(appTimes(l)!, 50), 0);
    const js = initialJs(distDir);
    Object.assign(figures, {
      first_chart_ms: round(bundled.median, 0), first_chart_cold_ms: round(bundled.cold, 0),
      preset_summary_chart_ms: round(load.summaryChartMs, 0), preset_live_chart_ms: round(load.liveChartMs, 0),
      duckdb_start_ms: round(load.engineMs ?? NaN, 0), data_load_ms: round((load.dataLoadedMs ?? NaN) - (load.engineMs ?? NaN), 0),
      first_tables_loaded_ms: round(load.firstScreenTablesMs ?? NaN, 0),
      interactive_ms: round(bundledInteractive.interactiveMs, 0), interactive_engine_ready_ms: round(bundledInteractive.engineReadyMs ?? NaN, 0),
      preset_interactive_ms: round(presetInteractive.interactiveMs, 0), preset_interactive_engine_ready_ms: round(presetInteractive.engineReadyMs ?? NaN, 0),
      filter_changes: sets.length,
      filter_redraw_p50_ms: round(Math.max(...redraws.map((r) => r.p50)), 0),
      filter_redraw_p95_ms: round(Math.max(...redraws.map((r) => r.p95)), 0),
      filter_redraw_all_charts_p95_ms: round(Math.max(...redraws.map((r) => r.all_charts_p95)), 0),
      search_redraw_p95_ms: app.searchTimedOut ? null : round(percentile(app.searchMs, 95), 0), search_timed_out_on: app.searchTimedOut,
      search_redraw_p50_ms: app.searchTimedOut ? null : round(percentile(app.searchMs, 50), 0),
      search_redraw_ms_by_term: Object.fromEntries(app.searchMs.map((ms, i) => [SEARCH_TERMS[i]!, round(ms, 0)])),
      text_index_ready_ms: app.textIndex?.readyMs ?? null, text_index_build_ms: app.textIndex?.buildMs ?? null,
      view_failures: app.failures,
      views_not_filter_driven: app.views.filter((v) => !v.filterDriven).map((v) => v.label),
      memory_after_view_mb: Object.fromEntries(app.views.map((v) => [v.label, { heap: v.heapMbAfter, tab: v.tabMbAfter }])),
      query_p95_ms: round(queries[0]?.p95 ?? NaN, 1), query_p95_label: queries[0]?.label ?? null,
      tag_passages_per_s: round(tagging.workerPassagesPerS, 0), naive_bayes_passages_per_s: round(tagging.naivePassagesPerS, 0),
      tag_speedup_vs_naive: round(tagging.workerPassagesPerS / tagging.naivePassagesPerS, 2), tag_sample_passages: tagging.passages,
      query_speedup_vs_naive: round(naiveMs / sqlMs, 2), naive_compared_queries: compared,
      naive_aggregates_ms_p50: round(naiveMs, 1), sql_same_aggregates_ms_p50: round(sqlMs, 1), naive_load_ms: round(naive.loadMs, 0),
      initial_js_gz_kb: round(js.gzKb, 1), initial_js_files: js.files.length,
      downloaded_mb: Object.fromEntries(Object.entries(downloaded).map(([k, v]) => [k, round(mb(v), 1)])),
      peak_heap_mb: round(appPeaks.jsHeapMb, 0), peak_tab_mb: round(appPeaks.tabMb, 0), peak_tab_during: appPeaks.tabPeakDuring,
      naive_peak_heap_mb: round(naivePeaks.jsHeapMb, 0), naive_peak_tab_mb: round(naivePeaks.tabMb, 0),
      views: redraws.map((r) => ({ ...r, p50: round(r.p50, 0), p95: round(r.p95, 0), max: round(r.max, 0), all_charts_p95: round(r.all_charts_p95, 0) })),
      queries: queries.map((q) => ({ ...q, p50: round(q.p50, 1), p95: round(q.p95, 1) })),
      one_off_queries: oneOff.map((q) => ({ ...q, p50: round(q.p50, 1), p95: round(q.p95, 1) })),
      foreign_requests: browser.foreignRequests.length, console_errors: browser.errors.slice(0, 5),
    });
    figures.targets = checkTargets(figures);
    (figures.machine as Record<string, unknown>).load_average_at_end = loadavg().map((x) => round(x, 1));
  } finally {
    await memory.stop();
    await browser.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  printReport(figures);
  writeFile(fromRoot('.bench/results', `${preset}.json`), JSON.stringify(figures, null, 1) + '\n');
  console.log(JSON.stringify(figures));
}

/** `--only interactive`: repeated fresh-browser runs of the bundled interactive time, printed as one JSON line. */
async function interactiveOnly(distDir: string, runs: number, trace: string | null) {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${runs}"`);
  const server = await serveStatic(distDir, fromRoot('.bench/datasets'));
  try {
    console.log(JSON.stringify(await interactiveRuns(server.url, runs, trace, log)));
  } finally {
    await server.close();
  }
}

/** Opens the bench page and tags a sample of the corpus in the worker, then with natural's Bayes. */
async function measureTagging(page: Page, url: string, datasetDir: string, passageCount: number): Promise<TaggingFigures> {
  await page.goto(`${url}/bench/`);
  await page.waitForFunction(() => 'Ready.' === document.getElementById('status')?.textContent);
  const passages = samplePassages(datasetDir, passageCount);
  return page.evaluate(([p, t]) => window.__bench.tagging(p, t, '/model/theme-model.json'), [passages, labelledCases()] as const);
}

function printReport(f: Record<string, unknown>) {
  const v = (k: string, unit = '') => (f[k] === null || f[k] === undefined ? '—' : `${String(f[k])}${unit}`);
  const rows: Array<[string, string]> = [
    ['preset', `${v('preset')} (${JSON.stringify(f.scale)})`],
    ['first chart, bundled data (median of 3 / cold)', `${v('first_chart_ms')} / ${v('first_chart_cold_ms')} ms`],
    ['first chart, preset (precomputed summary)', v('preset_summary_chart_ms', ' ms')],
    ['DuckDB started / data loaded after it', `${v('duckdb_start_ms')} / ${v('data_load_ms')} ms`],
    ['first live chart (DuckDB), preset', v('preset_live_chart_ms', ' ms')],
    ['navigation → Overview answers a filter, bundled (engine ready at)', `${v('interactive_ms')} ms (${v('interactive_engine_ready_ms')} ms)`],
    ['navigation → Overview answers a filter, preset (engine ready at)', `${v('preset_interactive_ms')} ms (${v('preset_interactive_engine_ready_ms')} ms)`],
    ['load average at start / end', `${JSON.stringify((f.machine as { load_average_at_start?: number[] }).load_average_at_start)} / ${JSON.stringify((f.machine as { load_average_at_end?: number[] }).load_average_at_end)}`],
    ...((f.views as Array<{ view: string; charts: number; p50: number; p95: number; all_charts_p95: number }>) ?? []).map((r): [string, string] => [`filter change → ${r.view} redrawn (${r.charts} charts)`, `p50 ${r.p50} ms, p95 ${r.p95} ms; every chart p95 ${r.all_charts_p95} ms`]),
    ['word index for search built (ms after navigation / building)', `${v('text_index_ready_ms', ' ms')} / ${v('text_index_build_ms', ' ms')}`],
    ['text search → Overview redrawn, p50 / p95', `${v('search_redraw_p50_ms', ' ms')} / ${v('search_redraw_p95_ms', ' ms')}`],
    ...((f.queries as Array<{ label: string; n: number; p50: number; p95: number }>) ?? []).map((q): [string, string] => [`  ${q.label.startsWith('index:') ? '' : 'sql:'}${q.label} (n=${q.n})`, `p50 ${q.p50} ms, p95 ${q.p95} ms`]),
    ...((f.one_off_queries as Array<{ label: string; n: number; p95: number }>) ?? []).map((q): [string, string] => [`  one-off ${q.label.startsWith('index:') ? '' : 'sql:'}${q.label} (n=${q.n})`, `max ${q.p95} ms`]),
    ['same aggregates: plain JS over row objects / the app (p50 sums)', `${v('naive_aggregates_ms_p50')} / ${v('sql_same_aggregates_ms_p50')} ms → ×${v('query_speedup_vs_naive')}`],
    ['tagging in the worker / natural Bayes', `${v('tag_passages_per_s')} / ${v('naive_bayes_passages_per_s')} passages/s → ×${v('tag_speedup_vs_naive')}`],
    ['initial JS (gzipped)', v('initial_js_gz_kb', ' KB')],
    ['downloaded for the preset (MB)', JSON.stringify(f.downloaded_mb)],
    ['peak JS heap, main thread / tab (renderer RSS)', `${v('peak_heap_mb')} / ${v('peak_tab_mb')} MB (tab's peak: ${v('peak_tab_during')})`],
    ['naive way: JS heap / tab', `${v('naive_peak_heap_mb')} / ${v('naive_peak_tab_mb')} MB`],
    ...((f.view_failures as Array<{ view: string; error: string }>) ?? []).map((x): [string, string] => [`FAILED: ${x.view}`, x.error]),
    ['targets met', JSON.stringify(f.targets)],
  ];
  console.log(table(rows));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (process.env.BENCH_DEBUG ? err.stack : err.message) : err);
  process.exit(1);
});
