import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/filters/filters.ts';
import { reviewsPerYearByPartnershipSql, totalsSql, type ReviewsPerYearRow, type TotalsRow } from '../../src/queries/overview.ts';
import type { AppServer } from '../support/app-server.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';

const SHOTS = 'test-results/screenshots';

describe('overview on the bundled data', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let expected: { totals: TotalsRow; perYear: ReviewsPerYearRow[] };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const db = await openBundledDataset();
    expected = {
      totals: (await db.query<TotalsRow>(totalsSql(NO_FILTERS)))[0]!,
      perYear: await db.query<ReviewsPerYearRow>(reviewsPerYearByPartnershipSql(NO_FILTERS)),
    };
    db.close();
    ({ server, browser } = await openApp());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws totals and the reviews-per-year chart from DuckDB, offline, without errors', async () => {
    const { page } = browser;
    const started = Date.now();
    await page.goto(server.url + '/');
    await page.waitForSelector('.echart[data-chart-ready]:not([data-chart-ready=""])');
    const firstChartMs = Date.now() - started;
    // The live view (DuckDB) replaces the precomputed first screen once the engine is up.
    await page.waitForSelector('nav[aria-label="Main"]');
    await page.waitForSelector('.filter-bar');
    await page.waitForSelector('main:not(.first-screen) .echart[data-chart-ready]:not([data-chart-ready=""])');
    console.info(`first chart drawn ${firstChartMs} ms after navigation`);

    expect(await page.getByTestId('kpi-reviews').textContent()).toBe(String(expected.totals.reviews));
    expect(await page.getByTestId('kpi-briefings').textContent()).toBe(String(expected.totals.briefings));
    expect(await page.getByTestId('kpi-partnerships').textContent()).toBe(String(expected.totals.partnerships));

    // As many plotted points (non-empty bars) as SQL returns rows.
    const points = await page.locator('main .echart').first().getAttribute('data-points');
    expect(Number(points)).toBe(expected.perYear.length);

    // The overview has several charts; this test reads the reviews-per-year one.
    const card = page.locator('[data-chart-id="reviews-per-year"]');
    await card.getByRole('button', { name: 'Show as table' }).click();
    const tableRows = await card.locator('table tbody tr').count();
    expect(tableRows).toBe(expected.perYear.length);

    await card.getByRole('button', { name: 'Show as chart' }).click();
    await page.waitForSelector('.echart[data-chart-ready]:not([data-chart-ready=""])');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
