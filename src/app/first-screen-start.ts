/**
 * What the first screen needs, asked for as soon as the app's code runs and
 * all at once: the current view's code, the chart library when the view draws
 * charts, and the dataset's filter index file. Asked for from React's first
 * commit (or, for the charts, from the view's first chart) each waited on the
 * one before it: two extra round trips before the first filterable chart.
 *
 * And when the engine may start: DuckDB-WASM's start (a 33 MB module
 * compiled on background threads, its worker, the data streamed in through
 * Arrow) takes the machine's cores from the first screen while that screen
 * could already answer filters from the index. So once the index is in, the
 * engine waits until the first screen has drawn.
 *
 * Called from `src/start.ts`, which main.tsx imports first: the requests go out before React and the app
 * shell are evaluated. The precomputed first screen (summary.json) is not asked for here: it shows only
 * when the filter index will not (DatabaseProvider), so in the usual case it would only hold up a connection.
 */
import { fetchFilterIndexFile } from './filter-index-source.ts';
import { datasetBaseUrl } from './dataset-source.ts';
import { routeFor } from './routes.tsx';
import type { FilterIndexFile } from '../queries/filter-index-file.ts';

let prefetched: Promise<FilterIndexFile | null> | null = null;

/** Starts the first screen's downloads (once; later calls do nothing). */
export function startFirstScreen(): void {
  if (typeof window === 'undefined' || prefetched) return;
  const route = routeFor(window.location.pathname);
  void route.load().catch(() => undefined /* the view's own load reports it */);
  if (route.earlyCharts) void import('../charts/echarts.ts').catch(() => undefined /* the first chart's own load reports it */);
  // Fetched whether or not a saved workspace will make it unusable: checking first costs a round trip to storage.
  prefetched = fetchFilterIndexFile(datasetBaseUrl()).catch(() => null);
}

/**
 * The filter index file for the load just starting: the one fetched at start
 * for the first load, a new fetch for a retry. Null when the dataset has none.
 */
export function filterIndexFile(first: boolean, signal: AbortSignal): Promise<FilterIndexFile | null> {
  if (first && prefetched) return prefetched;
  return fetchFilterIndexFile(datasetBaseUrl(), signal);
}

/** Longest the engine waits for the first screen to draw. */
const MAX_WAIT_MS = 2_000;

/** The live view (not the precomputed first screen) shows its charts, every one drawn. */
function chartsDrawn(): boolean {
  const main = document.querySelector('main#main:not(.first-screen)');
  if (!main || main.querySelector('.status--loading')) return false;
  const charts = main.querySelectorAll<HTMLElement>('.echart');
  return charts.length > 0 && [...charts].every((c) => c.dataset.chartReady);
}

/**
 * Resolves when the first screen has drawn: for a view that draws its charts
 * from the filter index, once they are all drawn (EChart marks each with
 * `data-chart-ready`); for any other view (it needs the engine), after the
 * next frame. Never later than MAX_WAIT_MS.
 */
export function afterFirstScreenDrawn(): Promise<void> {
  const since = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const waiting = routeFor(window.location.pathname).earlyCharts && !chartsDrawn();
      if (!waiting || performance.now() - since > MAX_WAIT_MS) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
