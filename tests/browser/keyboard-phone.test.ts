/**
 * Keyboard, phone and print-ready exports, in one browser session:
 * - one task done by keyboard alone, checking where focus is at each step;
 * - every view at 390×844 and 1440×1000: no sideways scroll, axe clean, a screenshot each;
 * - on a filter that empties a chart, every view's chart pack has no empty chart, and every
 *   exported CSV (chart packs and data exports) is parsed and its headers and number formats checked.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../../src/db/node-runner.ts';
import { loadTables } from '../../src/db/load-tables.ts';
import { NO_FILTERS } from '../../src/filters/filters.ts';
import { themeWindowCountsSql } from '../../src/queries/themes.ts';
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
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 1000 };

type Db = Awaited<ReturnType<typeof createNodeRunner>>;

/** What has focus: tag, text and where it sits, for readable failures. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      row: el?.closest('[data-row-key]')?.getAttribute('data-row-key') ?? null,
      inDetail: !!el?.closest('.explorer-detail'),
      expanded: el?.getAttribute('aria-expanded') ?? null,
    };
  });

/** Presses Tab (or Shift+Tab) until `matches` holds for the focused element; fails after `max` presses. */
async function tabUntil(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (matches(f)) return f;
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Client-side navigation, so DuckDB is not restarted per view. */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Waits until nothing on the view is loading and every chart with data has drawn. */
async function settled(page: Page): Promise<void> {
  let stable = 0;
  for (let i = 0; i < 80 && stable < 3; i++) {
    await page.waitForTimeout(250);
    const busy = await page.evaluate(() => {
      const cards = document.querySelectorAll('.chart-card:not(.chart-card--empty)').length;
      const drawn = document.querySelectorAll('.chart-card .echart[data-chart-ready]:not([data-chart-ready=""])').length;
      const loading = document.querySelectorAll('main .status--loading, main [aria-busy="true"], .view-state--updating').length;
      return cards !== drawn || loading > 0;
    });
    stable = busy ? 0 : stable + 1;
  }
}

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

// Number formats by header: what a reader of the CSV expects to find.
const PERCENT = /^\d{1,3}\.\d$/;
const POINTS = /^-?\d{1,3}\.\d$/;
const THREE_SIG = /^(0\.0*[1-9]\d{2}|[1-9]\.\d{2}|[1-9]\d\.\d|[1-9]\d{2,}|0|[1-9](\.\d+)?e-\d+)$/;
const PLAIN = /^-?\d+(\.\d{1,3})?$/;

/** Parses a CSV export and checks its header and every number; returns the data rows. */
function checkCsv(name: string, bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)], `${name}: BOM`).toEqual([0xef, 0xbb, 0xbf]);
  // TextDecoder drops the BOM itself.
  const [header, ...rows] = parseCsv(strFromU8(bytes).replace(/^\uFEFF/, ''));
  expect(header, name).toBeDefined();
  for (const h of header!) expect(h, `${name}: header ${JSON.stringify(header)}`).toMatch(/^\S(.*\S)?$/);
  expect(new Set(header).size, `${name}: repeated header`).toBe(header!.length);
  header!.forEach((h, i) => {
    const format = /\(%\)$/.test(h) ? PERCENT : /percentage points\)$/.test(h) ? POINTS : /^p\b/.test(h) ? THREE_SIG : null;
    for (const row of rows) {
      const cell = row[i] ?? '';
      if (cell === '') continue;
      // Small-number protection writes words in place of a count or a share it would give away.
      if (/^(fewer than \d+|hidden \(small count\))$/.test(cell)) continue;
      if (format) expect(cell, `${name}: ${h}`).toMatch(format);
      // Any other number: whole, or at most three decimals (no 0.3333333333333333).
      else if (/^-?[\d.]+(e-?\d+)?$/.test(cell)) expect(cell, `${name}: ${h}`).toMatch(PLAIN);
    }
  });
  // A share is never alone: its count and its base are in the same file.
  if (header!.some((h) => /\(%\)$/.test(h))) expect(header!.some((h) => /tagged|with theme/i.test(h)), `${name}: count beside share`).toBe(true);
  return rows;
}

/** The words an SVG shows, as a reader sees them (tags gone, entities decoded). */
const svgWords = (svg: string) =>
  svg.replace(/<(title|desc)>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))).replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const COUNT = new Intl.NumberFormat('en-GB');

/**
 * A printed chart has no tooltip: where its CSV has a share, its image must show each row's
 * count and base ("12 of 40"), or the base on the axis ("n = 40") beside the counts.
 * Count and base are the CSV's first count column and the one after it.
 */
function checkImageCounts(name: string, csv: Uint8Array, svg: string): number {
  const [header, ...rows] = parseCsv(strFromU8(csv).replace(/^\uFEFF/, ''));
  if (!header!.some((h) => /\(%\)$/.test(h))) return 0;
  // Where protection hides a small count, the image keeps the screen's shares: its counts would give it back.
  if (rows.some((row) => row.some((cell) => /^fewer than \d+$/.test(cell)))) return 0;
  const k = header!.findIndex((h) => /with theme$|: tagged$|^Tagged \d/.test(h));
  expect(k, `${name}: count column in ${JSON.stringify(header)}`).toBeGreaterThanOrEqual(0);
  const words = svgWords(svg);
  let checked = 0;
  for (const row of rows) {
    const [count, base] = [Number(row[k]), Number(row[k + 1])];
    if (!base) continue;
    const pair = `${COUNT.format(count)} of ${COUNT.format(base)}`;
    const shown = words.includes(pair) || words.includes(`n = ${COUNT.format(base)}`);
    expect(shown, `${name}: "${pair}" or "n = ${base}" in the image text: ${words.slice(0, 400)}`).toBe(true);
    checked++;
  }
  return checked;
}

describe('keyboard, phone and print-ready exports', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let db: Db;
  let views: string[] = [];
  /** A partnership with tagged reviews but no year with 5 or more of them: it empties the latest-change chart. */
  let small = '';
  /** The partnership with most tagged, dated reviews. */
  let big = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(EXPORTS, { recursive: true });
    db = await createNodeRunner();
    await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: new Uint8Array(readFileSync(resolve(DIST, `data/${name}.arrows`))) })));
    const candidates = await db.query<{ id: string }>(`
      SELECT r.partnership_id AS id FROM reviews r JOIN theme_tags t ON t.entity_type = 'review' AND t.entity_id = r.id
      WHERE r.year IS NOT NULL GROUP BY ALL HAVING count(DISTINCT r.id) >= 3 ORDER BY count(DISTINCT r.id) DESC, id`);
    big = candidates[0]!.id;
    for (const { id } of candidates) {
      const rows = await db.query(themeWindowCountsSql({ ...NO_FILTERS, partnerships: [id] }, 1, 3, 5));
      if (rows.length === 0) {
        small = id;
        break;
      }
    }
    expect(small, 'a partnership that empties the latest-change chart').not.toBe('');
    ({ server, browser } = await openApp({ root: ROOT, outDir: DIST, viewport: DESKTOP }));
    await browser.page.goto(`${server.url}/`);
    await browser.page.waitForSelector(LIVE_CHART, { timeout: 90_000 });
    views = await browser.page.locator('nav[aria-label="Main"] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  });

  afterAll(async () => {
    db?.close();
    await browser?.close();
    await server?.close();
  });

  it('does one task by keyboard alone: filter to a partnership, open a review, read its evidence, close, continue from the row', async () => {
    const { page } = browser;
    const [partnership] = await db.query<{ name: string }>(`SELECT name FROM partnerships WHERE id = '${small.replace(/'/g, "''")}'`);
    const name = partnership!.name;
    await page.locator('body').focus();

    // The Partnerships list: opens with Enter, Escape closes it and focus returns to its button.
    let f = await tabUntil(page, (x) => x.tag === 'summary' && x.text.startsWith('Partnerships'));
    await page.keyboard.press('Enter');
    await tabUntil(page, (x) => x.tag === 'input', { max: 3 });
    await page.keyboard.type(name);
    await tabUntil(page, (x) => x.tag === 'input', { max: 3 });
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe(small);
    await page.keyboard.press('Escape');
    f = await focused(page);
    expect(f.tag).toBe('summary');
    expect(f.text).toMatch(/^Partnerships/);
    expect(await page.locator('details.multi-select[open]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/keyboard-1-filtered.png` });

    // Tabbing out of an open list closes it too, and focus goes where Tab sent it.
    await page.keyboard.press('Enter');
    expect(await page.locator('details.multi-select[open]').count()).toBe(1);
    await page.keyboard.press('Shift+Tab');
    expect(await page.locator('details.multi-select[open]').count()).toBe(0);

    // To the Explorer through the main navigation: focus lands on the view's heading.
    await tabUntil(page, (x) => x.tag === 'a' && x.text === 'Explorer', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    expect((await focused(page)).text).toBe('Explorer');
    await page.waitForSelector('.vtable [data-row-key] a');

    // Open the first review in the list.
    f = await tabUntil(page, (x) => x.row !== null && x.tag === 'a' && x.row.startsWith('review:'));
    const row = f.row!;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('h2');
    expect((await focused(page)).inDetail).toBe(true);
    await page.waitForSelector('.explorer-detail .explorer-themes, .explorer-detail .status');

    // Read its evidence: the first "N evidence sentences" disclosure.
    const evidence = page.locator('.explorer-detail .explorer-themes__more');
    if (await evidence.count()) {
      f = await tabUntil(page, (x) => x.tag === 'summary' && /evidence sentence/.test(x.text));
      await page.keyboard.press('Enter');
      await expect.poll(() => evidence.first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect((await evidence.first().locator('li').first().textContent())!.length).toBeGreaterThan(10);
    }
    await page.screenshot({ path: `${SHOTS}/keyboard-2-evidence.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // Escape closes the panel and focus returns to the row that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.explorer-detail').count()).toBe(0);
    f = await focused(page);
    expect(f.row).toBe(row);
    expect(f.tag).toBe('a');

    // Again with the Close button.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).inDetail).toBe(true);
    await tabUntil(page, (x) => x.tag === 'button' && x.text === 'Close', { max: 3 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.explorer-detail').count()).toBe(0);
    expect((await focused(page)).row).toBe(row);

    // The next Tab continues down the list from that row, not from the top of the page.
    const keys = await page.locator('.vtable [data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    await page.keyboard.press('Tab');
    f = await focused(page);
    if (keys.indexOf(row) < keys.length - 1) expect(f.row).toBe(keys[keys.indexOf(row) + 1]);
    expect(browser.errors).toEqual([]);
  });

  it('keeps what keyboard focus reaches clear of the sticky filter bar when it goes back up the page', async () => {
    const { page } = browser;
    await goInApp(page, '/');
    await page.waitForSelector(LIVE_CHART, { timeout: 60_000 });
    // From the end of the Overview, back up through its controls: each one the page scrolls to must show below the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('main').locator('a[href], button:not([disabled]), select, summary, input, [tabindex="0"]').last().focus();
    const covered: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const bar = document.querySelector('.filter-bar')!.getBoundingClientRect();
        return { inMain: !!el.closest('main'), top: el.getBoundingClientRect().top, barBottom: bar.bottom, text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40) };
      });
      if (!at.inMain) break;
      if (at.top < at.barBottom - 1) covered.push(`"${at.text}" at ${Math.round(at.top)} px, under the bar ending at ${Math.round(at.barBottom)} px`);
    }
    expect(covered).toEqual([]);
    // A part of the page jumped to (an in-page link, or focus moved the way other browsers scroll to it: to the
    // top edge) shows below the bar too.
    const jumped = await page.evaluate(() => {
      const card = document.querySelectorAll('main .chart-card')[1]!;
      card.scrollIntoView();
      return { top: card.getBoundingClientRect().top, barBottom: document.querySelector('.filter-bar')!.getBoundingClientRect().bottom };
    });
    expect(jumped.top).toBeGreaterThanOrEqual(jumped.barBottom);
  });

  it('fits every view from 360 px to 1440 px with no sideways scroll, folds the filters on a phone, and stays axe-clean', async () => {
    const { page } = browser;
    const report: string[] = [];
    for (const [size, search] of [[PHONE, ''], [DESKTOP, `?p=${small}`]] as const) {
      await page.setViewportSize(size);
      for (const path of views) {
        await goInApp(page, path + search);
        await page.waitForSelector('main:not(.first-screen) h1');
        await settled(page);
        const name = path === '/' ? 'overview' : path.slice(1);
        await page.screenshot({ path: `${SHOTS}/layout-${size.width}-${name}.png`, fullPage: true });
        const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
        expect(widths.doc, `${path} at ${size.width}`).toBe(widths.view);
        expect(widths.body, `${path} at ${size.width}`).toBeLessThanOrEqual(widths.view);
        expect(await seriousViolations(page), `${path} at ${size.width}`).toEqual([]);
        // "1 reviews" reads wrong anywhere.
        const text = await page.locator('body').innerText();
        expect(text, path).not.toMatch(/(^|[^\d,.])1 (tagged )?(reviews|briefings|themes|entries|partnerships|charts)\b/);
        report.push(`${size.width} ${path} ${widths.doc}`);
      }
    }
    console.info(report.join('\n'));

    // On a phone the filters fold behind "Filters (N)" and scroll away with the page.
    await page.setViewportSize(PHONE);
    await goInApp(page, `/?p=${small}&from=2010`);
    const fold = page.getByRole('button', { name: 'Filters (2)' });
    await expect.poll(() => fold.isVisible()).toBe(true);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.filter-bar__controls').isVisible()).toBe(false);
    expect(await page.locator('.filter-bar').evaluate((el) => getComputedStyle(el).position)).toBe('static');
    await fold.click();
    expect(await page.locator('.filter-bar__controls').isVisible()).toBe(true);
    await page.getByText('Partnerships', { exact: false }).first().click();
    await page.screenshot({ path: `${SHOTS}/layout-390-filters-open.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await page.keyboard.press('Escape');

    // The narrowest and the widest supported widths.
    for (const size of [{ width: 360, height: 740 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      for (const path of ['/', '/explorer', '/partnerships']) {
        await goInApp(page, path);
        await settled(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${size.width}`).toBe(size.width);
      }
    }
    await page.setViewportSize(DESKTOP);
    expect(browser.foreignRequests).toEqual([]);
  });

  it('leaves empty charts out of every chart pack, and every exported CSV has filled headers and readable numbers', async () => {
    const { page } = browser;
    await page.setViewportSize(DESKTOP);
    let leftOut = 0;
    let csvs = 0;
    let withCounts = 0;
    // On the filter that empties a chart, then on the whole dataset and on the largest partnership (legibility at scale).
    const runs = [...views.map((v) => `${v}?p=${small}`), '/', '/trends', '/trends?measure=share', '/partnerships', `/partnerships?p=${big}`];
    for (const [run, path] of runs.entries()) {
      await goInApp(page, path);
      await page.waitForSelector('main:not(.first-screen) h1');
      await settled(page);
      const pack = page.getByRole('button', { name: 'Download chart pack' });
      if (!(await pack.count())) continue;
      const empties = await page.locator('.chart-card--empty').count();
      // An empty chart is a message on screen, not blank axes.
      if (empties) expect(await page.locator('.chart-card--empty .status--empty').count()).toBe(empties);
      const zip = await download(page, pack);
      const files = unzipSync(new Uint8Array(zip.bytes));
      const md = strFromU8(files['charts.md']!);
      if (empties) {
        expect(md, path).toContain('## Left out');
        leftOut += empties;
      }
      for (const [file, bytes] of Object.entries(files)) {
        if (!file.endsWith('.csv')) continue;
        const rows = checkCsv(`${path} ${file}`, bytes);
        // No empty chart: every CSV in a pack has a row with a number that is not zero.
        expect(rows.some((r) => r.some((c) => /^-?\d/.test(c) && Number(c) !== 0)), `${path} ${file} is empty`).toBe(true);
        const [png, svg] = [files[file.replace(/\.csv$/, '.png')], files[file.replace(/\.csv$/, '.svg')]];
        expect(png, `${file} has its image`).toBeDefined();
        if (checkImageCounts(`${path} ${file}`, bytes, strFromU8(svg!))) withCounts++;
        writeFileSync(`${EXPORTS}/${run}-${file.replace(/\.csv$/, '.png')}`, png as Uint8Array);
        csvs++;
      }
      // Alt text is sentences about the data, not placeholders.
      for (const alt of md.matchAll(/Description \(alt text\): (.+)/g)) expect(alt[1]!, path).not.toMatch(/Averaged across|undefined|NaN|\s,|\( /);
    }
    expect(leftOut, 'the filter empties at least one chart').toBeGreaterThan(0);

    // The data exports too.
    await goInApp(page, `/?p=${small}`);
    await page.getByText('Export data', { exact: true }).click();
    for (const button of ['Download reviews and briefings as CSV', 'Download theme tags as CSV']) {
      const file = await download(page, page.getByRole('button', { name: button }));
      expect(checkCsv(file.name, file.bytes).length).toBeGreaterThan(0);
      csvs++;
    }
    await goInApp(page, `/planner?p=${small}`);
    const planner = page.getByRole('button', { name: 'Download CSV' });
    await planner.waitFor({ timeout: 60_000 });
    const plan = await download(page, planner);
    expect(checkCsv(plan.name, plan.bytes).length).toBeGreaterThan(0);
    csvs++;
    console.info(`CSV files checked: ${csvs}; images of shares checked for counts: ${withCounts}; empty charts left out of packs: ${leftOut}`);
    expect(withCounts, 'charts of shares whose images were checked').toBeGreaterThanOrEqual(4);
    expect(browser.errors).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
