/**
 * Import → "Add a partnership's page" in headless Chromium: a pasted page and
 * a dropped saved HTML page are read, previewed (reviews with briefings
 * nested, source lines highlighted, editable, deselectable, duplicates
 * marked), added only on confirm, and then found in the Explorer and the
 * charts. The saved page's scripts never run and nothing leaves the origin.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../support/app-server.ts';
import { seriousViolations } from '../support/axe.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';

const SHOTS = 'test-results/screenshots';
const SAVED_PAGE = readFileSync(fileURLToPath(new URL('../support/fixtures/partnership-page.html', import.meta.url)), 'utf8');
const PASTED = [
  'Learning from reviews',
  '- Child Fennel – CSPR published 2nd May 2022',
  '- Child Garnet – SCR published March 2019',
  'Child Fennel - Lessons Learned Briefing',
  '7 Minute Briefings',
  'Safe Sleep for Babies',
  'Working with Fathers',
].join('\n');

async function kpi(page: Page, id: string) {
  await page.waitForSelector('[data-testid="import-counts"][aria-busy="false"]');
  return Number(await page.getByTestId(`kpi-import-${id}`).textContent());
}

/** Drops a file made in the page onto the page step, as a user dragging a saved page would. */
async function dropOnPageStep(page: Page, name: string, content: string) {
  await page.evaluate(([fileName, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], fileName, { type: 'text/html' }));
    document.querySelector('[data-testid="import-page"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, content] as const);
}

/** Client-side navigation, so the workspace in memory is kept. */
async function go(page: Page, to: string) {
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}

describe("adding a partnership's page", () => {
  let server: AppServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await openApp({ viewport: { width: 1366, height: 1100 } }));
    page = browser.page;
    await page.goto(server.url + '/import');
    await page.waitForSelector('[data-testid="kpi-import-reviews"]', { timeout: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads pasted text, asks for the partnership, and adds only what is kept after confirming', async () => {
    const before = { reviews: await kpi(page, 'reviews'), briefings: await kpi(page, 'briefings') };
    await page.fill('#import-page-text', PASTED);
    await page.getByRole('button', { name: 'Read page' }).click();
    await page.waitForSelector('[data-testid="import-page-preview"]');
    const reviews = page.getByTestId('import-page-review');
    expect(await reviews.count()).toBe(2);
    expect(await reviews.first().locator('[aria-label="Case name"]').inputValue()).toBe('Child Fennel');
    expect(await reviews.first().getByTestId('import-page-briefing').locator('[aria-label="Briefing title"]').inputValue()).toBe('Child Fennel - Lessons Learned Briefing');
    expect(await reviews.nth(1).locator('mark').textContent()).toBe('- Child Garnet – SCR published March 2019');
    expect(await page.getByRole('alert').filter({ hasText: 'does not say which partnership' }).count()).toBe(1);
    expect(await page.getByTestId('import-page-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/page-import-pasted.png`, fullPage: true });

    await page.getByLabel('Partnership that published this page').fill('Westdale');
    await page.getByLabel('Keep briefing Working with Fathers').uncheck();
    await reviews.nth(1).locator('[aria-label="Published"]').fill('2019-03-20');
    expect(await page.getByTestId('import-page-confirm').textContent()).toBe('Add 2 reviews and 2 briefings');
    // Nothing is stored before the user confirms.
    expect(await kpi(page, 'reviews')).toBe(before.reviews);
    await page.getByTestId('import-page-confirm').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="kpi-import-reviews"]')?.textContent) === n, before.reviews + 2);
    expect(await kpi(page, 'briefings')).toBe(before.briefings + 2);
    expect(await page.getByTestId('import-log').textContent()).toContain('Partnership page (Westdale): 2 new reviews and 2 new briefings');
  });

  it('reads a dropped saved page inert, nests its briefings and highlights each source line', async () => {
    const before = { reviews: await kpi(page, 'reviews'), briefings: await kpi(page, 'briefings') };
    await dropOnPageStep(page, 'eastmoor-reviews.html', SAVED_PAGE);
    await page.waitForSelector('[data-testid="import-page-preview"]');
    const names = await page.getByTestId('import-page-review').locator('[aria-label="Case name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(['Child Willow', 'Child Harbour', 'Child Q7', 'Mira & Sol']);
    const willow = page.getByTestId('import-page-review').first();
    expect(await willow.getByTestId('import-page-briefing').locator('[aria-label="Published"]').inputValue()).toBe('2023-05-12');
    expect(await willow.locator('mark').first().textContent()).toBe('Child Willow | Published 12 May 2023 | Published 12 May 2023');
    expect(await page.getByLabel('Partnership that published this page').inputValue()).toBe('Eastmoor');
    expect(await page.getByText('Child Injected').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}/page-import-saved-html.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    expect(await page.getByTestId('import-page-confirm').textContent()).toBe('Add 4 reviews and 4 briefings');
    await page.getByTestId('import-page-confirm').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="kpi-import-reviews"]')?.textContent) === n, before.reviews + 4);
    expect(await kpi(page, 'briefings')).toBe(before.briefings + 4);
  });

  it('marks records already in the data when the same page comes again', async () => {
    await dropOnPageStep(page, 'eastmoor-reviews.html', SAVED_PAGE);
    await page.waitForSelector('[data-testid="import-page-preview"]');
    expect(await page.getByTestId('import-page-preview').getByText('already in the data').count()).toBe(8);
    await page.getByRole('button', { name: 'Discard' }).click();
  });

  it('says so when a page lists nothing, and reads a 10 MB page', async () => {
    await dropOnPageStep(page, 'about.html', '<html><body><h1>About us</h1><p>We keep children safe. Contact us by email.</p></body></html>');
    await page.waitForSelector('[data-testid="import-page-message"]');
    expect(await page.getByTestId('import-page-message').textContent()).toMatch(/No reviews or briefings found in about\.html\. Paste just the part of the page that lists them/);

    const big = await page.evaluate(() => {
      const block = `<h2>Published reviews</h2><ul><li>Child Ash – SCR published 4 May 2018</li></ul>${'<p>Narrative about how agencies worked together, written at length for a large page.</p>'.repeat(60)}`;
      return block.repeat(Math.ceil(10_000_000 / block.length)).length;
    });
    expect(big).toBeGreaterThan(10_000_000);
    const started = Date.now();
    await page.evaluate(() => {
      const block = `<h2>Published reviews</h2><ul><li>Child Ash – SCR published 4 May 2018</li></ul>${'<p>Narrative about how agencies worked together, written at length for a large page.</p>'.repeat(60)}`;
      const dt = new DataTransfer();
      dt.items.add(new File([`<html><body>${block.repeat(Math.ceil(10_000_000 / block.length))}</body></html>`], 'big-page.html', { type: 'text/html' }));
      document.querySelector('[data-testid="import-page"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('[data-testid="import-page-preview"]', { timeout: 60_000 });
    const message = (await page.getByTestId('import-page-message').textContent()) ?? '';
    const seconds = Number(/in ([\d.]+) s/.exec(message)?.[1]);
    console.log(`10 MB page: read in ${seconds} s (reported by the app), ${(Date.now() - started) / 1000} s until the preview showed`);
    // The 2 s target is checked on CPU time in src/ingest/pages/page-preview.test.ts; wall time here depends on how busy
    // the shared machine is, so it is reported, and the page must still be read whole.
    expect(seconds).toBeGreaterThan(0);
    expect(await page.getByTestId('import-page-review').count()).toBe(1);
    await page.getByRole('button', { name: 'Discard' }).click();
  });

  it('finds the added records in the Explorer and the charts, with nothing sent away', async () => {
    await go(page, '/explorer?p=eastmoor');
    await page.waitForFunction(() => /4 reviews, 4 briefings/.test(document.querySelector('[data-testid="explorer-count"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/page-import-explorer.png`, fullPage: true });

    await go(page, '/?p=eastmoor');
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-reviews"]')?.textContent === '4', undefined, { timeout: 30_000 });
    const card = page.locator('[data-chart-id="reviews-per-year"]');
    await card.locator('canvas').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/page-import-overview.png`, fullPage: true });
    await card.getByRole('button', { name: 'Show as table' }).click();
    const table = card.getByRole('region', { name: /\(table\)$/ });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td,th')].map((c) => c.textContent?.trim())));
    expect(rows).toEqual(expect.arrayContaining([expect.arrayContaining(['2023', 'Eastmoor', '1']), expect.arrayContaining(['2018', 'Eastmoor', '1'])]));

    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
