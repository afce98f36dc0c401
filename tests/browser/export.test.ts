/**
 * Exports in the built app: every download is captured and checked against
 * the same SQL run in Node on the dataset the build serves.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { strFromU8, unzipSync } from 'fflate';
import * as parquet from 'parquet-wasm/esm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../../src/db/node-runner.ts';
import { loadTables } from '../../src/db/load-tables.ts';
import { exportCountsSql, exportRecordsSql, type ExportCountsRow, type ExportRecordRow } from '../../src/queries/data-export.ts';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { reviewsPerYearByPartnershipSql, type ReviewsPerYearRow } from '../../src/queries/overview.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import type { AppServer } from '../support/app-server.ts';
import { seriousViolations } from '../support/axe.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { parseCsv } from '../support/csv.ts';

const SHOTS = 'test-results/screenshots';
const EXPORTS = 'test-results/exports';
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, process.env.APP_DIST ?? 'dist');
const LIVE_CHART = 'main:not(.first-screen) .echart[data-chart-ready]:not([data-chart-ready=""])';

type Db = Awaited<ReturnType<typeof createNodeRunner>>;

/** The dataset exactly as the build under test serves it. */
async function openServedDataset(): Promise<Db> {
  const db = await createNodeRunner();
  await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: new Uint8Array(readFileSync(resolve(DIST, `data/${name}.arrows`))) })));
  return db;
}

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

async function chartDownload(page: Page, chartId: string, format: 'PNG' | 'SVG' | 'CSV') {
  const card = page.locator(`[data-chart-id="${chartId}"]`);
  await card.getByRole('button', { name: 'Export', exact: true }).click();
  return download(page, card.getByRole('button', { name: `Download ${format}`, exact: true }));
}

/** Client-side navigation (the app's history router), so DuckDB is not restarted per view. */
async function goInApp(page: Page, origin: string, path: string): Promise<void> {
  if (!page.url().startsWith(origin)) {
    await page.goto(origin + path);
    return;
  }
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Waits until the view has stopped loading and every chart card on it has drawn; returns how many. */
async function chartsSettled(page: Page): Promise<number> {
  let last = -1;
  let stable = 0;
  let seen = '';
  for (let i = 0; i < 60 && stable < 3; i++) {
    await page.waitForTimeout(300);
    const [cards, ready, loading] = await Promise.all([
      page.locator('.chart-card').count(),
      page.locator('.chart-card .echart[data-chart-ready]:not([data-chart-ready=""])').count(),
      page.locator('main .status--loading, main [aria-busy="true"]').count(),
    ]);
    // A chart another part of the app fails to draw on screen still goes in the pack.
    const settled = (cards === ready || i > 10) && loading === 0;
    seen = `${cards} cards, ${ready} drawn, ${loading} loading`;
    stable = settled && cards === last ? stable + 1 : 0;
    last = settled ? cards : -1;
  }
  if (stable < 3) await page.screenshot({ path: `${SHOTS}/export-unsettled.png`, fullPage: true });
  if (stable < 3) throw new Error(`${new URL(page.url()).pathname} did not settle: ${seen}`);
  return last;
}

const pngSize = (b: Buffer) => ({ signature: b.subarray(0, 8).toString('hex'), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('exports on the bundled data', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let db: Db;
  const top: { id: string; slug: string } = { id: '', slug: '' };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(EXPORTS, { recursive: true });
    const wasm = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
    parquet.initSync({ module: readFileSync(wasm) });
    db = await openServedDataset();
    const [first] = await db.query<{ id: string }>(
      `SELECT partnership_id AS id FROM reviews WHERE year BETWEEN 2015 AND 2025 GROUP BY ALL ORDER BY count(*) DESC, id LIMIT 1`);
    top.id = first!.id;
    top.slug = first!.id; // partnership ids are already slugs of their names
    ({ server, browser } = await openApp({ root: ROOT, outDir: DIST }));
  });

  afterAll(async () => {
    db?.close();
    await browser?.close();
    await server?.close();
  });

  it('keeps the export code out of the initial JavaScript', () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const gz = initial.reduce((n, f) => n + gzipSync(readFileSync(resolve(DIST, f))).length, 0);
    console.info(`initial JS ${(gz / 1024).toFixed(1)} KB gzipped in ${initial.length} files`);
    expect(gz).toBeLessThan(300 * 1024);
    // The SVG renderer, fflate's zip writer and parquet-wasm load on demand, in their own chunks.
    expect(initial.filter((f) => /\/(chart-image|chart-pack|load-parquet|parquet_wasm|parquet)-/.test(f))).toEqual([]);
  });

  it('downloads a chart as a 2400 px PNG, an SVG with its title as text, and a CSV of exactly the plotted numbers', async () => {
    const { page } = browser;
    const filters: Filters = { ...NO_FILTERS, partnerships: [top.id], yearFrom: 2015, yearTo: 2025 };
    const expected = await db.query<ReviewsPerYearRow>(reviewsPerYearByPartnershipSql(filters));
    let t = Date.now();
    const lap = (what: string) => (console.info(`${what}: ${Date.now() - t} ms`), (t = Date.now()));
    await page.goto(`${server.url}/?p=${top.id}&from=2015&to=2025`);
    await page.waitForSelector(LIVE_CHART);
    lap('app loaded');
    const base = `reviews-per-year_${top.slug}_2015-2025`;

    const png = await chartDownload(page, 'reviews-per-year', 'PNG');
    expect(png.name).toBe(`${base}.png`);
    const size = pngSize(png.bytes);
    expect(size.signature).toBe('89504e470d0a1a0a');
    expect(size.width).toBeGreaterThanOrEqual(2400);
    writeFileSync(`${SHOTS}/export-chart.png`, png.bytes);
    lap('PNG');
    console.info(`PNG ${size.width}×${size.height}, ${(png.bytes.length / 1024).toFixed(0)} KB`);

    const svg = await chartDownload(page, 'reviews-per-year', 'SVG');
    expect(svg.name).toBe(`${base}.svg`);
    lap('SVG');
    const title = (await page.locator('[data-chart-id="reviews-per-year"] h3').textContent())!;
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        viewBox: doc.documentElement.getAttribute('viewBox'),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.viewBox).toMatch(/^0 0 1200 \d+$/);
    expect(parsed.texts).toContain(title);
    expect(parsed.texts.join(' ')).toMatch(/Filters: .+; 2015–2025/);
    expect(parsed.texts.join(' ')).toMatch(/Exported \d{1,2} \w+ \d{4} from Learning Themes/);

    const csv = await chartDownload(page, 'reviews-per-year', 'CSV');
    expect(csv.name).toBe(`${base}.csv`);
    expect(csv.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(header).toEqual(['Publication year', 'Partnership', 'Reviews']);
    expect(rows).toEqual(expected.map((r) => [String(r.year), r.partnership, String(r.reviews)]));

    // Focus returns to the menu button after a download.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Export/);
    await page.locator('[data-chart-id="reviews-per-year"]').getByRole('button', { name: 'Export', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/export-menu.png` });
    expect(await seriousViolations(page)).toEqual([]);
    // Keyboard: the items follow the toggle in tab order; Escape closes and returns focus.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Download PNG');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('exports the filtered reviews and briefings as CSV and Parquet', async () => {
    const { page } = browser;
    const filters: Filters = { ...NO_FILTERS, yearFrom: 2018 };
    const expected = await db.query<ExportRecordRow>(exportRecordsSql(filters));
    const counts = (await db.query<ExportCountsRow>(exportCountsSql(filters)))[0]!;
    await goInApp(page, server.url, '/?from=2018');
    await page.waitForSelector(LIVE_CHART);
    await page.getByText('Export data', { exact: true }).click();
    // Charts draw from the filter index before DuckDB is up; counting rows waits for the engine.
    await expect.poll(() => page.locator('.export-data__panel p').first().textContent(), { timeout: 60_000 }).toContain(`${counts.reviews} reviews and ${counts.briefings} briefings`);

    const csv = await download(page, page.getByRole('button', { name: 'Download reviews and briefings as CSV' }));
    expect(csv.name).toBe('reviews-and-briefings_all-partnerships_2018-latest.csv');
    expect(csv.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(header![0]).toBe('record_type');
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBe(counts.reviews + counts.briefings);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('id')], r[col('themes')]])).toEqual(expected.map((r) => [r.id, r.themes ?? '']));

    const pq = await download(page, page.getByRole('button', { name: 'Download reviews and briefings as Parquet' }));
    expect(pq.name).toBe('reviews-and-briefings_all-partnerships_2018-latest.parquet');
    expect(pq.bytes.subarray(0, 4).toString()).toBe('PAR1');
    const table = tableFromIPC(parquet.readParquet(new Uint8Array(pq.bytes)).intoIPCStream());
    expect(table.numRows).toBe(expected.length);
    expect(table.getChild('id')!.toArray()).toEqual(expected.map((r) => r.id));

    const tags = await download(page, page.getByRole('button', { name: 'Download theme tags as CSV' }));
    expect(parseCsv(tags.bytes.subarray(3).toString('utf8')).length - 1).toBe(counts.theme_tags);
    await expect.poll(() => page.locator('.export-status [role=status]').textContent()).toContain('Saved theme-tags_all-partnerships_2018-latest.csv');
    await page.screenshot({ path: `${SHOTS}/export-data.png` });
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('downloads a chart pack of every chart on each view, with charts.md', async () => {
    const { page } = browser;
    await goInApp(page, server.url, '/');
    await page.waitForSelector(LIVE_CHART);
    const views = await page.locator('nav[aria-label="Main"] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    // A pack shows its progress and can be cancelled: nothing is downloaded then.
    await chartsSettled(page);
    let downloads = 0;
    const count = () => downloads++;
    page.on('download', count);
    await page.getByRole('button', { name: 'Download chart pack' }).click();
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect.poll(() => page.locator('.export-status [role=status]').textContent()).toBe('Chart pack cancelled.');
    await page.waitForTimeout(500);
    page.off('download', count);
    expect(downloads).toBe(0);

    let packs = 0;
    for (const path of views) {
      await goInApp(page, server.url, path);
      await page.waitForSelector('main:not(.first-screen) h1');
      if (!(await chartsSettled(page))) continue;
      // Empty charts (a message, not axes) are left out of the pack.
      const ids = await page.locator('.chart-card:not(.chart-card--empty)').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-chart-id')!));
      const started = Date.now();
      const errorsBefore = browser.errors.length;
      const zip = await download(page, page.getByRole('button', { name: 'Download chart pack' }));
      expect(browser.errors.slice(errorsBefore)).toEqual([]);
      const ms = Date.now() - started;
      expect(zip.name).toMatch(/^chart-pack_[a-z0-9-]+_all-partnerships_all-years\.zip$/);
      const files = unzipSync(new Uint8Array(zip.bytes));
      const expected = ids.flatMap((id) => ['png', 'svg', 'csv'].map((ext) => `${id}_all-partnerships_all-years.${ext}`));
      expect(Object.keys(files).sort()).toEqual([...expected, 'charts.md'].sort());
      for (const id of ids) expect(pngSize(Buffer.from(files[`${id}_all-partnerships_all-years.png`]!)).width).toBeGreaterThanOrEqual(2400);
      const md = strFromU8(files['charts.md']!);
      for (const title of await page.locator('.chart-card:not(.chart-card--empty) h3').allTextContents()) expect(md).toContain(title);
      expect(md).toContain('Description (alt text): ');
      writeFileSync(`${EXPORTS}/${zip.name}`, zip.bytes);
      console.info(`${path}: chart pack of ${ids.length} charts in ${ms} ms, ${(zip.bytes.length / 1024).toFixed(0)} KB`);
      packs++;
    }
    expect(packs).toBeGreaterThan(0);
    expect(browser.foreignRequests).toEqual([]);
  });
});
