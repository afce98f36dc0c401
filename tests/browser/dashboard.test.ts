/**
 * The dashboard views on the bundled data, in headless Chromium: every view
 * draws, is axe-clean, honours the shared filters, and shows the numbers the
 * same SQL gives in Node. A chart click filters the rest and lands in the URL.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooccurrenceSql, type CooccurrenceRow } from '../../src/queries/cooccurrence.ts';
import { explorerRowsSql, type ExplorerRow } from '../../src/queries/explorer-list-sql.ts';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { totalsSql, type TotalsRow } from '../../src/queries/overview.ts';
import { partnershipComparisonSql, partnershipThemeSql, type ComparisonRow, type HeatmapCellRow } from '../../src/queries/partnerships.ts';
import { themeShareSql, type ThemeShareRow } from '../../src/queries/themes.ts';
import { themeByYearSql, type ThemeYearRow } from '../../src/queries/trends.ts';
import type { AppServer } from '../support/app-server.ts';
import { seriousViolations } from '../support/axe.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';

const SHOTS = 'test-results/screenshots';
type Db = Awaited<ReturnType<typeof openBundledDataset>>;

/** Waits until `count` charts in the view have drawn (optionally: drawn after `since`). */
async function chartsReady(page: Page, count: number, since: Record<string, string> = {}) {
  await page.waitForFunction(([n, before]) => {
    const charts = [...document.querySelectorAll<HTMLElement>('main .echart')];
    return charts.length >= n && charts.every((c) => {
      const ready = c.dataset.chartReady ?? '';
      const id = c.closest('[data-chart-id]')?.getAttribute('data-chart-id') ?? '';
      return ready !== '' && (!(id in before) || before[id] !== ready);
    });
  }, [count, since] as const, { timeout: 30_000 }).catch(async (err: unknown) => {
    // Name the charts that did not draw again, so a failure says where to look.
    const stale = await page.evaluate((before) => [...document.querySelectorAll<HTMLElement>('main [data-chart-id]')]
      .filter((c) => { const r = c.querySelector<HTMLElement>('.echart')?.dataset.chartReady ?? ''; return r === '' || before[c.dataset.chartId!] === r; })
      .map((c) => c.dataset.chartId), since);
    throw new Error(`charts not redrawn: ${stale.join(', ')} (${String(err)})`);
  });
}

/** data-chart-ready of each chart on the view, by chart id. */
const readyStamps = (page: Page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll<HTMLElement>('main [data-chart-id]')].map((c) => [c.dataset.chartId!, c.querySelector<HTMLElement>('.echart')?.dataset.chartReady ?? '']),
));

/** Text of one chart card's table view, row by row. */
async function chartTable(page: Page, id: string): Promise<string[][]> {
  const card = page.locator(`[data-chart-id="${id}"]`);
  await card.getByRole('button', { name: 'Show as table' }).click();
  const rows = await card.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  await card.getByRole('button', { name: 'Show as chart' }).click();
  return rows;
}

/** Clicks along a horizontal line across a chart until the URL changes (canvas bars have no DOM of their own). */
async function clickAcross(page: Page, chartId: string, yFromTop: number): Promise<boolean> {
  const chart = page.locator(`[data-chart-id="${chartId}"] .echart`);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const before = page.url();
  for (let f = 0.2; f <= 0.9; f += 0.04) {
    await page.mouse.click(box.x + box.width * f, box.y + yFromTop);
    if (page.url() !== before) return true;
  }
  return false;
}

/** Follows a link in the main navigation. */
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

const pct = (share: number) => `${Math.round(share * 100)}%`;

describe('dashboard on the bundled data', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let db: Db;
  const sql = <Row,>(s: string) => db.query<Row>(s);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await openBundledDataset();
    ({ server, browser } = await openApp({ viewport: { width: 1366, height: 1000 } }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
  });

  it('overview: theme charts match SQL; a bar click filters the rest; back, reload and reset work', async () => {
    const { page } = browser;
    const t0 = Date.now();
    const mark = (what: string) => console.info(`${what}: ${Date.now() - t0} ms`);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('main:not(.first-screen) [data-chart-id="top-themes"]');
    await chartsReady(page, 4);
    const shares = (await sql<ThemeShareRow>(themeShareSql(NO_FILTERS))).filter((r) => r.reviews > 0).slice(0, 10);
    // The fifth column, the national reference, is checked by national-picture.test.ts.
    const table = (await chartTable(page, 'top-themes')).map((row) => row.slice(0, 4));
    expect(table).toEqual(shares.map((r) => [r.theme, String(r.reviews), String(r.total), pct(r.share)]));
    expect(await page.locator('[data-chart-id="top-themes"] h3').textContent()).toContain(`${shares[0]!.theme} is the most frequent theme`);
    mark('drawn');
    expect(await seriousViolations(page)).toEqual([]);
    mark('axe');
    await page.screenshot({ path: `${SHOTS}/dashboard-overview.png`, fullPage: true });
    mark('shot');

    // Click the top bar (the most frequent theme): the theme lands in the URL and the totals follow it.
    const stamps = await readyStamps(page);
    expect(await clickAcross(page, 'top-themes', 22)).toBe(true);
    mark('clicked');
    expect(new URL(page.url()).searchParams.get('theme')).toBe(shares[0]!.theme_id);
    const filtered: Filters = { ...NO_FILTERS, themes: [shares[0]!.theme_id] };
    const [totals] = await sql<TotalsRow>(totalsSql(filtered));
    await expect.poll(() => page.getByTestId('kpi-reviews').textContent()).toBe(String(totals!.reviews));
    await chartsReady(page, 4, { 'reviews-per-year': stamps['reviews-per-year']! });
    await page.screenshot({ path: `${SHOTS}/dashboard-overview-filtered.png`, fullPage: true });

    mark('filtered');
    await page.goBack();
    const [all] = await sql<TotalsRow>(totalsSql(NO_FILTERS));
    await expect.poll(() => page.getByTestId('kpi-reviews').textContent()).toBe(String(all!.reviews));
    await page.goForward();
    await expect.poll(() => page.getByTestId('kpi-reviews').textContent()).toBe(String(totals!.reviews));
    mark('back/forward');
    await page.reload();
    await expect.poll(() => page.getByTestId('kpi-reviews').textContent(), { timeout: 30_000 }).toBe(String(totals!.reviews));
    mark('reloaded');
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect.poll(() => page.getByTestId('kpi-reviews').textContent()).toBe(String(all!.reviews));
  });

  it('overview: a filter change redraws every chart quickly', async () => {
    const { page } = browser;
    await chartsReady(page, 4);
    const timings: number[] = [];
    for (const year of ['2016', '2018']) {
      const stamps = await readyStamps(page);
      const started = await page.evaluate(() => performance.now());
      await page.locator('.filter-bar .year-select select').first().selectOption(year);
      await chartsReady(page, 4, stamps);
      const done = await page.evaluate(() => Math.max(...[...document.querySelectorAll<HTMLElement>('main .echart')].map((c) => Number(c.dataset.chartReady))));
      timings.push(done - started);
    }
    console.info(`overview redraw after a filter change: ${timings.map((t) => `${Math.round(t)} ms`).join(', ')}`);
    // Generous: shared CI machines are often busy; the logged figure is the one to read.
    expect(Math.max(...timings)).toBeLessThan(15_000);
  });

  it('overview: charts on screen redraw first; the ones below the fold catch up unasked', async () => {
    const { page } = browser;
    await page.evaluate(() => window.scrollTo(0, 0));
    await chartsReady(page, 4);
    // Records which charts the next change puts off (EChart marks them data-chart-pending while they wait).
    await page.evaluate(() => {
      const put: string[] = [];
      (window as unknown as { putOff: string[] }).putOff = put;
      const watch = new MutationObserver((changes) => {
        for (const m of changes) if ((m.target as HTMLElement).dataset.chartPending) put.push((m.target as HTMLElement).closest('[data-chart-id]')!.getAttribute('data-chart-id')!);
      });
      for (const chart of document.querySelectorAll('main .echart')) watch.observe(chart, { attributes: true, attributeFilter: ['data-chart-pending'] });
    });
    const onScreen = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('main [data-chart-id]')]
      .filter((c) => { const box = c.querySelector('.echart')!.getBoundingClientRect(); return box.top < window.innerHeight && box.bottom > 0; })
      .map((c) => c.dataset.chartId!));
    const stamps = await readyStamps(page);
    await page.locator('.filter-bar .year-select select').first().selectOption('2019');
    await chartsReady(page, 4, stamps);
    const putOff = await page.evaluate(() => (window as unknown as { putOff: string[] }).putOff);
    const drawnAt = await readyStamps(page);
    expect(onScreen.length).toBeGreaterThan(0);
    expect(putOff.length).toBeGreaterThan(0);
    // Every chart drew again: the ones on screen at once, every other one after them.
    expect([...onScreen, ...new Set(putOff)].sort()).toEqual(Object.keys(drawnAt).sort());
    for (const id of putOff) for (const seen of onScreen) expect(Number(drawnAt[id])).toBeGreaterThan(Number(drawnAt[seen]));
    // The views after this one read the previous test's filters (from 2018).
    await page.locator('.filter-bar .year-select select').first().selectOption('2018');
    await chartsReady(page, 4, drawnAt);
  });

  it('trends: chosen themes by year match SQL; count/share toggle; emerging rule stated; axe-clean', async () => {
    const { page } = browser;
    await nav(page, 'Trends');
    await page.waitForSelector('[data-chart-id="theme-trend"]');
    await chartsReady(page, 2);
    const f = { ...NO_FILTERS, yearFrom: 2018 };
    const rows = await sql<ThemeYearRow>(themeByYearSql(f));
    const table = await chartTable(page, 'theme-trend');
    expect(table).toEqual(rows.map((r) => [String(r.year), r.theme, String(r.reviews), String(r.total), pct(r.share)]));
    await expect.poll(() => page.getByText('How a theme is flagged as emerging').count()).toBe(1);
    // The default fits the data (counts while some year has fewer than 5 tagged reviews); the toggle overrides it.
    // The URL names the measure only when it is not the data's default.
    const measure = () => new URL(page.url()).searchParams.get('measure');
    await page.getByLabel('Share of reviews').check();
    const asShare = measure();
    expect(await page.getByLabel('Share of reviews').isChecked()).toBe(true);
    await page.getByLabel('Number of reviews').check();
    const asCount = measure();
    expect(await page.getByLabel('Number of reviews').isChecked()).toBe(true);
    expect([asShare, asCount].sort()).toEqual(asShare === null ? [null, 'count'].sort() : [null, 'share'].sort());
    await chartsReady(page, 2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-trends.png`, fullPage: true });
  });

  it('partnerships: heatmap matches SQL; comparison with intervals; axe-clean', async () => {
    const { page } = browser;
    await nav(page, 'Partnerships');
    await page.waitForSelector('[data-chart-id="partnership-comparison"]');
    await chartsReady(page, 2);
    const rows = await sql<HeatmapCellRow>(partnershipThemeSql({ ...NO_FILTERS, yearFrom: 2018 }, 15));
    const table = await chartTable(page, 'partnership-heatmap');
    expect(table.length).toBe(rows.length);
    expect(table[0]).toEqual([rows[0]!.partnership, rows[0]!.theme, String(rows[0]!.reviews), String(rows[0]!.total), pct(rows[0]!.share)]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-partnerships.png`, fullPage: true });

    // The drawn heatmap: the first partnership's row shows SQL's share; a hover gives its counts; a click filters.
    const themes = [...new Map(rows.map((r) => [r.theme_id, r.theme])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
    const cell = page.locator(`[data-chart-id="partnership-heatmap"] .heatmap__cell[data-y="0"][data-x="${themes.findIndex(([id]) => id === rows[0]!.theme_id)}"]`);
    expect(await cell.textContent()).toBe(rows[0]!.reviews ? pct(rows[0]!.share) : '');
    await cell.hover();
    await expect.poll(() => page.locator('[data-chart-id="partnership-heatmap"] .heatmap__tip').textContent())
      .toContain(`${pct(rows[0]!.share)} (${rows[0]!.reviews} of ${rows[0]!.total} tagged`);
    // New numbers under the focused cell (the years narrowed from the URL): its tooltip follows them.
    await page.mouse.move(0, 0);
    await cell.focus();
    const tipAndLabel = () => page.evaluate(() => [
      document.querySelector<HTMLElement>('[data-chart-id="partnership-heatmap"] .heatmap__tip')!.textContent,
      document.activeElement?.getAttribute('aria-label'),
    ]);
    const [shownBefore, labelBefore] = await tipAndLabel();
    expect(shownBefore).toBe(labelBefore);
    await page.evaluate(() => {
      const url = new URL(location.href);
      url.searchParams.set('from', '2022');
      history.pushState(null, '', url.pathname + url.search);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await chartsReady(page, 2);
    await expect.poll(async () => { const [tip, label] = await tipAndLabel(); return tip === label && label !== labelBefore; }).toBe(true);
    await page.goBack();
    await chartsReady(page, 2);
    await cell.click();
    const filtered = () => [new URL(page.url()).searchParams.get('p'), new URL(page.url()).searchParams.get('theme')];
    await expect.poll(filtered).toEqual([rows[0]!.partnership_id, rows[0]!.theme_id]);
    await page.goBack();
    await chartsReady(page, 2);
    // By keyboard: the grid is one tab stop; arrow keys move between cells (End, Home along a row); Enter filters.
    const column = themes.findIndex(([id]) => id === rows[0]!.theme_id);
    await page.locator('[data-chart-id="partnership-heatmap"] [role="gridcell"][tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => [(document.activeElement as HTMLElement).dataset.x, (document.activeElement as HTMLElement).dataset.y])).toEqual([String(column), '0']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain(pct(rows[0]!.share));
    await page.keyboard.press('Enter');
    await expect.poll(filtered).toEqual([rows[0]!.partnership_id, rows[0]!.theme_id]);
    await page.goBack();
    await chartsReady(page, 2);

    // The comparison: the first-listed partnership (most tagged reviews) against all others, as SQL counts them.
    const vs = rows[0]!.partnership_id;
    const compared = (await sql<ComparisonRow>(partnershipComparisonSql({ ...NO_FILTERS, yearFrom: 2018 }, vs))).slice(0, 15);
    const comparison = await chartTable(page, 'partnership-comparison');
    expect(comparison.map((r) => [r[0], r[1], r[2], r[6], r[7]])).toEqual(
      compared.map((c) => [c.theme, String(c.reviews), String(c.total), String(c.others), String(c.others_total)]));

    // The keyboard route to a heatmap cell: choose a partnership and apply it, without the mouse.
    const picker = page.locator('[data-chart-id="partnership-heatmap"]').getByLabel('Filter to partnership');
    await picker.focus();
    await picker.selectOption(rows[0]!.partnership_id);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe(rows[0]!.partnership_id);
    await page.goBack();
  });

  it('co-occurrence: matrix matches SQL, lift toggle, axe-clean', async () => {
    const { page } = browser;
    await nav(page, 'Co-occurrence');
    await page.waitForSelector('[data-chart-id="cooccurrence"]');
    await chartsReady(page, 1);
    const rows = (await sql<CooccurrenceRow>(cooccurrenceSql({ ...NO_FILTERS, yearFrom: 2018 }))).filter((r) => r.theme_a <= r.theme_b);
    const table = await chartTable(page, 'cooccurrence');
    expect(table.map((r) => r.slice(0, 3))).toEqual(rows.map((r) => [r.label_a, r.label_b, String(r.both)]));
    await page.getByLabel('Lift over chance').check();
    await chartsReady(page, 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-cooccurrence.png`, fullPage: true });
  });

  it('explorer: finds a review by a phrase in its text, highlights it, opens the detail; axe-clean', async () => {
    const { page } = browser;
    const [target] = await sql<{ id: string; case_name: string; summary: string }>(
      `SELECT id, case_name, summary FROM reviews WHERE length(summary) > 200 AND origin = 'catalogue' ORDER BY id LIMIT 1`);
    const words = target!.summary.split(/\s+/);
    const phrase = words.slice(8, 12).join(' ').replace(/[.,;:]+$/, '');
    await nav(page, 'Explorer');
    const reset = page.getByRole('button', { name: 'Reset filters' });
    if (await reset.isEnabled()) await reset.click();
    await page.waitForSelector('[role="table"][aria-label="Reviews and briefings"]');
    const all = await sql<ExplorerRow>(explorerRowsSql(NO_FILTERS, { kind: 'all', sort: 'published_on', descending: true }));
    await expect.poll(() => page.getByTestId('explorer-count').textContent()).toContain(`${all.length} shown`);
    // Only the rows in view are in the DOM.
    expect(await page.locator('.vtable__body [role="row"]').count()).toBeLessThan(all.length);

    await page.getByLabel('Search review text').fill(phrase);
    const row = page.locator('.vtable__body [role="row"]').filter({ has: page.getByRole('link', { name: target!.case_name, exact: true }) });
    await row.first().waitFor({ timeout: 15_000 });
    const link = row.getByRole('link', { name: target!.case_name, exact: true });
    expect((await row.locator('mark.explorer-hit').first().textContent())!.toLowerCase()).toBe(phrase.toLowerCase());
    await link.click();
    expect(new URL(page.url()).searchParams.get('review')).toBe(target!.id);
    const detail = page.locator('.explorer-detail');
    await detail.locator('.explorer-detail__text').waitFor();
    expect((await detail.locator('.explorer-detail__text mark.explorer-hit').first().textContent())!.toLowerCase()).toBe(phrase.toLowerCase());
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-explorer.png`, fullPage: true });

    await page.reload();
    await page.locator('.explorer-detail .explorer-detail__text').waitFor({ timeout: 30_000 });
    expect(await page.locator('#explorer-detail-title').textContent()).toBe(target!.case_name);

    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
