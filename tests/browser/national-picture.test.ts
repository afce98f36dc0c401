/**
 * The national picture on the bundled data: the Overview's theme-share chart
 * carries a national reference mark with its label, the exported CSV carries
 * it too, and small counts are hidden in the exported CSV and in charts.md.
 * The nation filter starts on England and can take in the other nations; the
 * "Themes from" filter narrows to reviews tagged from the catalogue's keywords.
 * Expected numbers come from the same SQL run in Node on the served dataset.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../../src/db/node-runner.ts';
import { loadTables } from '../../src/db/load-tables.ts';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { totalsSql, type TotalsRow } from '../../src/queries/overview.ts';
import { themeShareSql, type ThemeShareRow } from '../../src/queries/themes.ts';
import { referenceFor, referenceLabel } from '../../src/reference/national-figures.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import type { AppServer } from '../support/app-server.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { parseCsv } from '../support/csv.ts';

const SHOTS = 'test-results/screenshots';
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, process.env.APP_DIST ?? 'dist');
const LIVE_CHART = 'main:not(.first-screen) .echart[data-chart-ready]:not([data-chart-ready=""])';
type Db = Awaited<ReturnType<typeof createNodeRunner>>;

async function download(page: Page, button: Locator): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const bytes = readFileSync((await d.path())!);
  return { name: d.suggestedFilename(), text: bytes.toString('utf8').replace(/^\uFEFF/, ''), bytes };
}

async function topThemesCsv(page: Page): Promise<string[][]> {
  const card = page.locator('[data-chart-id="top-themes"]');
  await card.getByRole('button', { name: 'Export', exact: true }).click();
  return parseCsv((await download(page, card.getByRole('button', { name: 'Download CSV', exact: true }))).text);
}

describe('the national picture on the Overview', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let db: Db;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await createNodeRunner();
    await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: new Uint8Array(readFileSync(resolve(DIST, `data/${name}.arrows`))) })));
    ({ server, browser } = await openApp({ root: ROOT, outDir: DIST, viewport: { width: 1440, height: 900 } }));
  });

  afterAll(async () => {
    db?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the bundled totals and a labelled national reference mark on the theme-share chart, which the CSV carries', async () => {
    const { page } = browser;
    const [totals] = await db.query<TotalsRow>(totalsSql(NO_FILTERS));
    const shares = (await db.query<ThemeShareRow>(themeShareSql(NO_FILTERS))).filter((r) => r.reviews > 0).slice(0, 10);
    const withRef = shares.find((r) => referenceFor(r.theme_id));
    expect(withRef, 'a top theme has a national figure').toBeTruthy();
    const label = referenceLabel(referenceFor(withRef!.theme_id)!);

    await page.goto(`${server.url}/`);
    await page.waitForSelector(LIVE_CHART);
    expect(await page.getByTestId('kpi-reviews').textContent()).toBe(totals!.reviews.toLocaleString('en-GB'));
    expect(await page.getByTestId('kpi-partnerships').textContent()).toBe(totals!.partnerships.toLocaleString('en-GB'));
    console.info(`Overview: ${totals!.reviews} reviews, ${totals!.partnerships} partnerships`);

    const notes = page.getByTestId('top-themes-notes');
    await expect.poll(() => notes.textContent()).toContain(`National reference for ${withRef!.theme}: ${label}`);
    expect(await notes.textContent()).toMatch(/Base differs: .*ours counts \d+ tagged reviews of every type/);
    await page.locator('[data-chart-id="top-themes"]').screenshot({ path: `${SHOTS}/overview-top-themes-reference.png` });
    // The chart's table view shows the same reference beside the theme's share.
    const card = page.locator('[data-chart-id="top-themes"]');
    await card.getByRole('button', { name: 'Show as table' }).click();
    const tableRow = card.locator('tbody tr', { hasText: withRef!.theme }).first();
    expect(await tableRow.textContent()).toContain(label);
    expect(await card.locator('thead').textContent()).toContain('National reference');
    await card.getByRole('button', { name: 'Show as chart' }).click();
    await page.screenshot({ path: `${SHOTS}/overview-national-picture.png`, fullPage: true });

    const csv = await topThemesCsv(page);
    const header = csv[0]!;
    const refCol = header.indexOf('National reference');
    expect(refCol).toBeGreaterThan(0);
    const row = csv.find((r) => r[0] === withRef!.theme)!;
    expect(row[refCol]).toContain(label);
  });

  it('hides a small count as "fewer than 5" in the exported CSV and in charts.md', async () => {
    const { page } = browser;
    // A partnership whose tagged reviews give some theme a count from 1 to 4.
    const [pick] = await db.query<{ id: string }>(`
      SELECT partnership_id AS id FROM review_theme_facts GROUP BY partnership_id, theme_id
      HAVING count(*) BETWEEN 1 AND 4 ORDER BY partnership_id LIMIT 1`);
    expect(pick).toBeTruthy();
    const filters = { ...NO_FILTERS, partnerships: [pick!.id] };
    const shares = (await db.query<ThemeShareRow>(themeShareSql(filters))).filter((r) => r.reviews > 0).slice(0, 10);
    const small = shares.find((r) => r.reviews < 5)!;
    expect(small).toBeTruthy();

    await page.goto(`${server.url}/?p=${pick!.id}`);
    await page.waitForSelector(LIVE_CHART);
    await page.waitForSelector('[data-chart-id="top-themes"] .echart[data-chart-ready]');
    const csv = await topThemesCsv(page);
    const header = csv[0]!;
    const row = csv.find((r) => r[0] === small.theme)!;
    expect(row[header.indexOf('Tagged reviews with theme')]).toBe('fewer than 5');
    expect(row[header.indexOf('Share (%)')]).toBe('hidden (small count)');
    // No count from 1 to 4 survives anywhere in the count columns.
    for (const r of csv.slice(1).filter((r) => r.length > 1)) {
      for (const col of ['Tagged reviews with theme', 'Tagged reviews']) expect(r[header.indexOf(col)]).not.toMatch(/^[1-4]$/);
    }

    const zip = await download(page, page.getByRole('button', { name: 'Download chart pack' }));
    const md = strFromU8(unzipSync(new Uint8Array(zip.bytes))['charts.md']!);
    const section = md.slice(md.indexOf(`## `, md.indexOf('top-themes') - 400));
    expect(md).toContain('Small-number protection applied');
    expect(md).toMatch(new RegExp(`\\| ${small.theme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| fewer than 5 \\|`));
    expect(section.length).toBeGreaterThan(0);
  });

  it('starts on England, takes in every nation or Wales alone, and narrows to catalogue-tagged reviews', async () => {
    const { page } = browser;
    const totals = async (f: Partial<Filters>) => (await db.query<TotalsRow>(totalsSql({ ...NO_FILTERS, ...f })))[0]!;
    const england = await totals({});
    const all = await totals({ nation: null });
    const wales = await totals({ nation: 'Wales' });
    const catalogue = await totals({ tagSources: ['catalogue'] });
    expect(all.reviews).toBeGreaterThan(england.reviews);
    expect(wales.reviews).toBe(all.reviews - england.reviews);
    expect(catalogue.reviews).toBeGreaterThan(0);
    expect(catalogue.reviews).toBeLessThan(england.reviews);
    console.info(`Nations: England ${england.reviews} reviews / ${england.partnerships} partnerships, Wales ${wales.reviews} / ${wales.partnerships}, all ${all.reviews}; catalogue-tagged (England) ${catalogue.reviews}`);

    const kpi = () => page.getByTestId('kpi-reviews').textContent();
    await page.goto(`${server.url}/`);
    await page.waitForSelector(LIVE_CHART);
    const nation = page.getByTestId('nation-select');
    expect(await nation.inputValue()).toBe('England');
    expect(await kpi()).toBe(england.reviews.toLocaleString('en-GB'));
    expect(await page.locator('.active-filters').textContent()).toContain("all of England's reviews");

    await nation.selectOption('all');
    await expect.poll(kpi).toBe(all.reviews.toLocaleString('en-GB'));
    expect(page.url()).toContain('nation=all');
    expect(await page.locator('.active-filters').textContent()).toContain('All nations');
    // The theme charts render from a deferred copy of the filters, a frame after the headline.
    const topThemes = () => page.locator('[data-chart-id="top-themes"]').textContent();
    await expect.poll(topThemes).toContain('all nations');
    await page.screenshot({ path: `${SHOTS}/overview-all-nations.png` });

    await nation.selectOption('Wales');
    await expect.poll(kpi).toBe(wales.reviews.toLocaleString('en-GB'));
    expect(await page.getByTestId('kpi-partnerships').textContent()).toBe(wales.partnerships.toLocaleString('en-GB'));
    // The chip takes the filter back to its default, England.
    await page.getByRole('button', { name: 'Remove filter Nation: Wales' }).click();
    await expect.poll(kpi).toBe(england.reviews.toLocaleString('en-GB'));
    expect(page.url()).not.toContain('nation=');

    // Tag source: the "Themes from" picker.
    await page.locator('.multi-select summary', { hasText: 'Themes from' }).click();
    await page.getByRole('checkbox', { name: 'Catalogue keywords' }).check();
    await expect.poll(kpi).toBe(catalogue.reviews.toLocaleString('en-GB'));
    expect(page.url()).toContain('tags=catalogue');
    await page.keyboard.press('Escape');
    expect(await page.locator('.active-filters').textContent()).toContain('Themes from: Catalogue keywords');
    await page.screenshot({ path: `${SHOTS}/overview-catalogue-tagged.png`, fullPage: true });

    // Exports name both filters (once the theme charts have caught up with them).
    await expect.poll(topThemes).toContain('catalogue keywords');
    const zip = await download(page, page.getByRole('button', { name: 'Download chart pack' }));
    const md = strFromU8(unzipSync(new Uint8Array(zip.bytes))['charts.md']!);
    expect(md).toContain('Filters: all partnerships; England; all years; themes from catalogue keywords.');
  });
});
