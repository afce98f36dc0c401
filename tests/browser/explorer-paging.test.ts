/**
 * The Explorer list page by page on the bundled data, in headless Chromium:
 * the table reports every match to screen readers, scrolling reaches the last
 * row in the order SQL gives, placeholders give way to rows, and a sort from
 * the keyboard keeps focus on its button and goes back to the top.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerCountsSql, explorerRowsSql, type ExplorerCounts, type ExplorerRow } from '../../src/queries/explorer-list-sql.ts';
import { NO_FILTERS } from '../../src/filters/filters.ts';
import type { AppServer } from '../support/app-server.ts';
import { seriousViolations } from '../support/axe.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';

const SHOTS = 'test-results/screenshots';
const TABLE = '[role="table"][aria-label="Reviews and briefings"]';

/** The drawn rows' aria-rowindex and title, in order, once no placeholder is left. */
async function drawnRows(page: Page): Promise<Array<{ index: number; title: string }>> {
  await page.waitForFunction(() => !document.querySelector('.vtable__row--loading') && document.querySelector('.vtable__body [role="row"]'));
  return page.$$eval('.vtable__body [role="row"]', (rows) => rows.map((r) => ({
    index: Number(r.getAttribute('aria-rowindex')), title: r.querySelector('a')?.textContent ?? '',
  })));
}

describe('explorer paging on the bundled data', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let db: Awaited<ReturnType<typeof openBundledDataset>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await openBundledDataset();
    ({ server, browser } = await openApp({ viewport: { width: 1366, height: 900 } }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
  });

  it('scrolls through every match in SQL order, page by page; sorting from the keyboard keeps focus and goes to the top', async () => {
    const { page } = browser;
    const all = await db.query<ExplorerRow>(explorerRowsSql(NO_FILTERS, { kind: 'all', sort: 'published_on', descending: true }));
    expect(all.length).toBeGreaterThan(100); // more than one page
    await page.goto(`${server.url}/explorer`);
    await page.waitForSelector(TABLE, { timeout: 30_000 });
    const reviews = all.filter((r) => r.kind === 'review').length;
    // One row per briefing record; the count also says how many briefings they are, de-duplicated as the Overview counts them.
    const [{ distinct_briefings: briefings }] = await db.query<ExplorerCounts>(explorerCountsSql(NO_FILTERS, { kind: 'all' })) as [ExplorerCounts];
    expect(briefings).toBeLessThan(all.length - reviews);
    await expect.poll(() => page.getByTestId('explorer-count').textContent())
      .toBe(`${all.length} shown: ${reviews} reviews, ${all.length - reviews} briefing rows (${briefings} briefings: one listed under several reviews has a row for each)`);
    expect(await page.getAttribute(TABLE, 'aria-rowcount')).toBe(String(all.length + 1));

    const top = await drawnRows(page);
    expect(top[0]).toEqual({ index: 2, title: all[0]!.title });

    // The last rows come from the second page.
    await page.$eval('.vtable__body', (body) => { body.scrollTop = body.scrollHeight; });
    await expect.poll(async () => (await drawnRows(page)).at(-1)?.index).toBe(all.length + 1);
    const bottom = await drawnRows(page);
    for (const row of bottom) expect(row.title).toBe(all[row.index - 2]!.title);
    await page.screenshot({ path: `${SHOTS}/explorer-paging-bottom.png` });

    // Sort by title from the keyboard: focus stays on the button, the list starts again at the top.
    const sortButton = page.getByRole('button', { name: /Case or title/ });
    await sortButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('title');
    const byTitle = await db.query<ExplorerRow>(explorerRowsSql(NO_FILTERS, { kind: 'all', sort: 'title', descending: false }));
    await expect.poll(async () => (await drawnRows(page))[0]).toEqual({ index: 2, title: byTitle[0]!.title });
    expect(await page.$eval('.vtable__body', (body) => body.scrollTop)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Case or title');
    expect(await page.getAttribute('[role="columnheader"]:has(button:text("Case or title"))', 'aria-sort')).toBe('ascending');

    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
