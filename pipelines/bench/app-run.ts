/**
 * Drives the built app in the browser: first chart, then every view in the
 * main navigation under a series of filter changes, timing each full redraw
 * and collecting the per-query `sql:<label>` measures the runner records.
 */
import type { Page } from 'playwright-core';

/**
 * Navigates in-app (pushState + popstate, as the app's own links do) and
 * resolves with the ms until the view shows the new answer: no loading message,
 * and every chart on screen redrawn (`ms`; a chart off screen draws when the
 * browser is idle or it scrolls into view, marked `data-chart-pending` meanwhile,
 * and a part of a view off screen may render after the rest, marked `aria-busy`),
 * and until every chart, off screen too, has drawn (`allMs`). A chart whose data
 * did not change is not redrawn: then the view counts as settled once nothing
 * has drawn or queried for `quietMs`, and the time is that of the last draw or
 * query.
 */
export async function navigateAndSettle(page: Page, to: string, quietMs = 400, timeoutMs = 120_000): Promise<Settled> {
  return page.evaluate(
    ({ to, quietMs, timeoutMs }) =>
      new Promise<Settled>((resolve, reject) => {
        const since = performance.now();
        let seenAt: number | null = null;
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
        const lastEvent = () => {
          let last = 0;
          for (const m of performance.getEntriesByType('measure')) if (/^(sql|index):/.test(m.name) && m.startTime >= since) last = Math.max(last, m.startTime + m.duration);
          for (const el of document.querySelectorAll<HTMLElement>('main .echart')) last = Math.max(last, Number(el.dataset.chartReady) || 0);
          return last;
        };
        const check = () => {
          const now = performance.now();
          if (now - since > timeoutMs) return reject(new Error(`${to}: the view did not settle within ${timeoutMs} ms`));
          const main = document.querySelector('main#main:not(.first-screen)');
          const loading = !main || main.querySelector('.status--loading') !== null;
          const charts = [...(main?.querySelectorAll<HTMLElement>('.echart') ?? [])];
          const empty = main?.querySelector('.status--empty, .status--error') !== null;
          const drawn = (c: HTMLElement) => (Number(c.dataset.chartReady) || 0) >= since;
          // A part still showing the previous answer says so (aria-busy): on screen, the view is not redrawn yet.
          const busy = [...(main?.querySelectorAll<HTMLElement>('[aria-busy="true"]') ?? [])];
          const onScreen = (el: HTMLElement) => { const box = el.getBoundingClientRect(); return box.top < innerHeight && box.bottom > 0; };
          const busyOnScreen = busy.some(onScreen);
          const fresh = charts.length > 0 && charts.every(drawn) && busy.length === 0;
          // Off screen, a chart may wait: for an idle moment to draw (data-chart-pending), or inside a part still
          // showing the previous answer (aria-busy) while the part the user sees is already current.
          const waitsOffScreen = (c: HTMLElement) => c.dataset.chartPending === 'offscreen' || (c.closest('[aria-busy="true"]') !== null && !onScreen(c));
          const seenFresh = charts.length > 0 && charts.every((c) => drawn(c) || waitsOffScreen(c)) && !busyOnScreen;
          if (!loading && seenFresh && seenAt === null) seenAt = now;
          const last = lastEvent();
          if (!loading && fresh) return resolve({ ms: (seenAt ?? now) - since, allMs: now - since, charts: charts.length, empty, endedAt: seenAt ?? now });
          if (!loading && busy.length === 0 && !charts.some((c) => c.dataset.chartPending) && now - Math.max(last, since) >= quietMs) {
            const end = Math.max(last, since);
            return resolve({ ms: end - since, allMs: end - since, charts: charts.length, empty, endedAt: end });
          }
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { to, quietMs, timeoutMs },
  );
}

export interface Settled {
  /** Until the charts on screen show the new answer. */
  ms: number;
  /** Until every chart has, off-screen ones too. */
  allMs: number;
  charts: number;
  empty: boolean;
  /** When the view was settled (`ms`), on the page's clock. */
  endedAt: number;
}

/** The paths of the views in the main navigation, as the app lists them now. */
export async function viewPaths(page: Page): Promise<Array<{ path: string; label: string }>> {
  await page.waitForSelector('nav[aria-label="Main"] a');
  return page.$$eval('nav[aria-label="Main"] a', (links) =>
    links.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, label: a.textContent?.trim() ?? '' })),
  );
}

/**
 * Query measures since the last clear, as label → durations: `sql:<label>` (DuckDB) under its
 * label, `index:<label>` (answered from the filter index, src/filter-index/) as `index:<label>`.
 */
export async function sqlMeasures(page: Page, clear = true): Promise<Record<string, number[]>> {
  return page.evaluate((clear) => {
    const out: Record<string, number[]> = {};
    for (const m of performance.getEntriesByType('measure')) {
      if (m.name.startsWith('sql:')) (out[m.name.slice(4)] ??= []).push(m.duration);
      else if (m.name.startsWith('index:')) (out[m.name] ??= []).push(m.duration);
    }
    if (clear) performance.clearMeasures();
    return out;
  }, clear);
}

/** Loads a URL and waits for the first drawn chart; returns its draw time after navigation start and the load marks. */
export async function firstChart(page: Page, url: string, live: boolean): Promise<{ firstChartMs: number; liveChartMs: number | null; marks: Record<string, number> }> {
  await page.goto(url);
  const drawn = '.echart[data-chart-ready]:not([data-chart-ready=""])';
  await page.waitForSelector(drawn, { timeout: 300_000 });
  const firstChartMs = Number(await page.getAttribute(drawn, 'data-chart-ready'));
  let liveChartMs: number | null = null;
  if (live) {
    const liveSel = `main:not(.first-screen) ${drawn}`;
    await page.waitForSelector(liveSel, { timeout: 600_000 });
    liveChartMs = Number(await page.getAttribute(liveSel, 'data-chart-ready'));
    // The live view may come from the filter index file before DuckDB is up: the load marks come later.
    await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 600_000 });
  }
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  return { firstChartMs, liveChartMs, marks };
}
