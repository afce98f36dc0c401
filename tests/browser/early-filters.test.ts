/**
 * Filters answer before DuckDB is ready: the test holds back the engine's
 * wasm, filters the Overview from the filter index file, checks the numbers
 * against the same SQL in Node, then lets the engine start and checks again,
 * along with a text search that only DuckDB can answer.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { totalsSql, reviewsPerYearByPartnershipSql, type TotalsRow } from '../../src/queries/overview.ts';
import { ensureSearchHits } from '../../src/queries/search-hits.ts';
import type { AppServer } from '../support/app-server.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';

const SHOTS = 'test-results/screenshots';
type Db = Awaited<ReturnType<typeof openBundledDataset>>;

/** The "From" or "To" year select of the filter bar (its label also holds the options' text). */
const yearSelect = (page: Page, which: 'From' | 'To') => page.locator('label.year-select', { hasText: new RegExp(`^${which}`) }).locator('select');

const kpis = async (page: Page) => ({
  reviews: await page.getByTestId('kpi-reviews').textContent(),
  briefings: await page.getByTestId('kpi-briefings').textContent(),
  partnerships: await page.getByTestId('kpi-partnerships').textContent(),
});

async function expected(db: Db, f: Filters) {
  await ensureSearchHits(db, f.q);
  const [t] = await db.query<TotalsRow>(totalsSql(f));
  const perYear = await db.query(reviewsPerYearByPartnershipSql(f));
  return { kpis: { reviews: String(t!.reviews), briefings: String(t!.briefings), partnerships: String(t!.partnerships) }, points: perYear.length };
}

/** Waits until the Overview's KPIs read `want` and its first chart plots `points` bars. */
async function overviewShows(page: Page, want: { kpis: Record<string, string>; points: number }) {
  await page.waitForFunction(([k, points]) => {
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;
    const chart = document.querySelector<HTMLElement>('main#main:not(.first-screen) [data-chart-id="reviews-per-year"] .echart');
    return text('kpi-reviews') === k.reviews && text('kpi-briefings') === k.briefings && text('kpi-partnerships') === k.partnerships &&
      chart?.dataset.points === String(points) && !document.querySelector('main .status--loading');
  }, [want.kpis, want.points] as const, { timeout: 30_000 }).catch(async (err: unknown) => {
    throw new Error(`Overview shows ${JSON.stringify(await kpis(page))}, expected ${JSON.stringify(want)}: ${String(err)}`);
  });
}

describe('filters before DuckDB is ready', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let db: Db;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await openBundledDataset();
    ({ server, browser } = await openApp());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
  });

  it('filters the Overview from the filter index, and the numbers match SQL before and after the engine is up', async () => {
    const { page, context } = browser;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    // Holds DuckDB's wasm (the engine cannot start without it) until the early checks are done.
    await context.route(/duckdb-(eh|mvp)[^/]*\.wasm/, async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    });

    const byYear: Filters = { ...NO_FILTERS, yearFrom: 2020 };
    const byYearAndType: Filters = { ...byYear, yearTo: 2023 };
    await page.goto(server.url + '/');
    await overviewShows(page, await expected(db, NO_FILTERS));
    await yearSelect(page, 'From').selectOption('2020');
    await overviewShows(page, await expected(db, byYear));
    await yearSelect(page, 'To').selectOption('2023');
    await overviewShows(page, await expected(db, byYearAndType));
    // All of this happened with the engine held back: it starts once the first screen has drawn, and waits for its wasm.
    await expect.poll(() => held.length, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.engine)).toBe('starting');
    expect(await page.getByRole('status').filter({ hasText: 'Filters already answer' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/early-filters.png`, fullPage: true });

    release();
    await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 120_000 });
    await overviewShows(page, await expected(db, byYearAndType));
    await yearSelect(page, 'From').selectOption('2018');
    await overviewShows(page, await expected(db, { ...byYearAndType, yearFrom: 2018 }));
    // A text search needs DuckDB: it answers now, the same as SQL.
    await page.getByLabel('Search review text').fill('neglect');
    await overviewShows(page, await expected(db, { ...byYearAndType, yearFrom: 2018, q: 'neglect' }));
    expect(await page.getByRole('status').filter({ hasText: 'Filters already answer' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/early-filters-ready.png`, fullPage: true });
    // Once the word index is built, a two-word phrase is answered from it exactly, with no SQL, the same as SQL.
    await page.waitForFunction(() => document.documentElement.dataset.textIndex === 'ready', undefined, { timeout: 120_000 });
    await page.evaluate(() => performance.clearMeasures());
    await page.getByLabel('Search review text').fill('domestic abuse');
    await overviewShows(page, await expected(db, { ...byYearAndType, yearFrom: 2018, q: 'domestic abuse' }));
    expect(await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name).filter((n) => n.startsWith('sql:search.')))).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('index:search.wordIndex').length)).toBeGreaterThan(0);

    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 240_000);
});
