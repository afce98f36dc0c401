/**
 * How far to trust the tagger, as a user meets it: the agreement view's figures are the
 * out-of-fold figures kept in the model file; tags in the Explorer and theme charts carry
 * their theme's reliability; a retrain shows the tagger in use and the retrained one side by
 * side, and going back restores the previous tags.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outOfFoldAgreement, type ThemeAgreement } from '../../src/agreement/out-of-fold.ts';
import type { ThemeModel } from '../../src/classify/index.ts';
import { serveBuiltApp, type AppServer } from '../support/app-server.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { openBundledDataset } from '../support/dataset-db.ts';
import { goInApp } from '../support/every-view.ts';
import * as F from '../support/fixtures/import-files.ts';
import { catalogueDocs, listedAndFound } from '../../pipelines/lib/catalogue-docs.ts';
import { loadModel, tagDocument } from '../../src/classify/index.ts';

const SHOTS = 'test-results/screenshots';
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** The tagger's themes of one review as the Explorer's detail panel lists them: name, source and score. */
async function shownTags(page: Page, reviewId: string): Promise<string[]> {
  // In-app navigation: a reload per read would start the engine and open the workspace again each time.
  await goInApp(page, `/explorer?review=${encodeURIComponent(reviewId)}`);
  const panel = `.explorer-detail[data-item="review:${reviewId}"][aria-busy="false"]`;
  await page.waitForSelector(`${panel} .explorer-themes, ${panel} .hint`, { timeout: 90_000 }).catch(async (err: unknown) => {
    await page.screenshot({ path: `${SHOTS}/tagger-trust-failed-${reviewId}.png`, fullPage: true });
    throw err;
  });
  return page.$$eval(`${panel} .explorer-themes > li`, (items) => items.map((li) => `${li.querySelector('.explorer-themes__name')?.textContent} (${li.querySelector('.hint')?.textContent})`));
}

describe('how far to trust the tagger', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let expected: ThemeAgreement[];
  let modelTagged: { id: string; theme: string };
  let expertKeys: Set<string>;
  let themeIds: string[];
  let labelOf: Map<string, string>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const model = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/model/theme-model.json'), 'utf8')) as ThemeModel;
    const db = await openBundledDataset();
    const keys = await db.query<{ key: string }>(`SELECT DISTINCT entity_type || ':' || entity_id AS key FROM theme_tags WHERE source = 'manual'`);
    const themes = await db.query<{ id: string; label: string }>('SELECT id, label FROM themes WHERE NOT retired ORDER BY id');
    const [row] = await db.query<{ id: string; theme: string }>(`
      SELECT e.entity_id AS id, e.theme_id AS theme FROM entity_themes e JOIN reviews r ON r.id = e.entity_id
      WHERE e.entity_type = 'review' AND e.source = 'model' ORDER BY r.id, e.theme_id LIMIT 1`);
    db.close();
    modelTagged = row!;
    expect(model.outOfFold?.entries.length).toBeGreaterThan(100);
    themeIds = themes.map((t) => t.id);
    labelOf = new Map(themes.map((t) => [t.id, t.label]));
    expertKeys = new Set(keys.map((k) => k.key));
    expected = outOfFoldAgreement({ outOfFold: model.outOfFold, themeIds, expertKeys, corrections: [], basis: 'all' });
    server = await serveBuiltApp();
    browser = await openBrowser({ viewport: { width: 1366, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows, per theme, the out-of-fold figures kept in the model file, with 95% intervals and the entries behind them', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/agreement`);
    await page.waitForSelector('.agreement-table tbody tr', { timeout: 60_000 });
    const shown = await page.$$eval('.agreement-table tbody tr', (rows) => rows.map((r) => ({
      theme: r.getAttribute('data-theme')!,
      counts: ['tp', 'fp', 'fn', 'tn'].map((k) => Number(r.getAttribute(`data-${k}`))),
      precision: r.querySelector('[data-testid^="agreement-precision-"]')!.textContent!.trim(),
      recall: r.querySelector('[data-testid^="agreement-recall-"]')!.textContent!.trim(),
      n: Number(r.querySelector('[data-testid^="agreement-n-"]')!.textContent),
      verdict: r.querySelector('.agreement-verdict')!.textContent,
    })));
    const judged = expected.filter((e) => e.n > 0);
    expect(shown.map((s) => s.theme).sort()).toEqual(judged.map((e) => e.theme_id).sort());
    for (const e of judged) {
      const s = shown.find((x) => x.theme === e.theme_id)!;
      expect(s.counts, e.theme_id).toEqual([e.tp, e.fp, e.fn, e.tn]);
      expect(s.n, e.theme_id).toBe(e.n);
      expect(s.precision.startsWith(pct(e.precision)), `${e.theme_id}: ${s.precision}`).toBe(true);
      expect(s.recall.startsWith(pct(e.recall)), `${e.theme_id}: ${s.recall}`).toBe(true);
      if (e.precisionCI) expect(s.precision).toContain(`${Math.round(e.precisionCI.low * 100)}–${Math.round(e.precisionCI.high * 100)}%`);
      // "Usually right" only where both lower bounds clear one half.
      if (s.verdict === 'Usually right') expect(e.precisionCI!.low > 0.5 && e.recallCI!.low > 0.5, e.theme_id).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/agreement-out-of-fold.png`, fullPage: true });
  });

  it('compares the tagger with the keyword lists reviews were published with, on reviews it never learned from', async () => {
    // Expected by another route: the shipped tagger reading each catalogue summary (npm run eval -- --catalogue).
    const set = catalogueDocs();
    const model = loadModel(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/model/theme-model.json'), 'utf8')));
    const expectedFound = listedAndFound(set.docs, (text) => tagDocument(model, text).themes);
    const { page } = browser;
    await goInApp(page, '/agreement');
    const summary = page.getByTestId('keyword-agreement-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toContain(`${set.docs.length} reviews in the catalogue`);
    const shown = await page.$$eval('.keyword-agreement-table tbody tr', (rows) => rows.map((r) => ({
      theme: r.getAttribute('data-theme')!,
      listed: Number(r.querySelector('td')!.textContent),
      found: Number(r.querySelector('[data-testid^="keyword-found-"]')!.textContent!.trim().split(' ')[0]),
    })));
    expect(Object.fromEntries(shown.map((s) => [s.theme, [s.listed, s.found]]))).toEqual(Object.fromEntries(expectedFound));
    await page.getByRole('heading', { name: 'Against the keyword lists reviews were published with' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/agreement-keyword-lists.png` });
  });

  it("shows the theme's reliability beside a tagger tag in the Explorer and in the theme charts' footnotes", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/explorer?review=${encodeURIComponent(modelTagged.id)}`);
    const note = page.getByTestId(`reliability-${modelTagged.theme}`);
    await note.waitFor({ timeout: 60_000 });
    const e = expected.find((x) => x.theme_id === modelTagged.theme)!;
    expect(await note.textContent()).toMatch(new RegExp(`^ · on entries it had not seen, .+: ${Math.round(e.precision! * 10)} in 10 tags right, finds ${Math.round(e.recall! * 10)} in 10$`));
    await page.screenshot({ path: `${SHOTS}/explorer-reliability.png`, fullPage: true });
    await page.goto(`${server.url}/trends`);
    await expect.poll(() => page.locator('.chart-card').first().textContent(), { timeout: 60_000 }).toMatch(/on entries it had not seen: .+ \d+ in 10 tags right, finds \d+ in 10/);
  });

  it("scores the user's correction against the tags made before the tagger learned from it", async () => {
    const { page } = browser;
    const model = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/model/theme-model.json'), 'utf8')) as ThemeModel;
    const { id, theme } = modelTagged;
    await page.goto(`${server.url}/explorer?review=${encodeURIComponent(id)}`);
    const panel = page.getByRole('region', { name: 'Correct the themes' });
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: `Reject ${labelOf.get(theme)}`, exact: true }).click();
    await expect.poll(() => panel.getByText(/Rejected by you/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // In-app navigation: a reload before the workspace is saved would drop the correction.
    await page.getByRole('link', { name: 'Tagger agreement' }).first().click();
    await page.getByLabel('Your corrections only').check();
    const row = page.locator(`.agreement-table tbody tr[data-theme="${theme}"]`);
    await row.waitFor({ timeout: 60_000 });
    const shown = await row.evaluate((r) => ({
      counts: ['tp', 'fp', 'fn', 'tn'].map((k) => Number(r.getAttribute(`data-${k}`))),
      n: Number(r.querySelector('[data-testid^="agreement-n-"]')!.textContent),
    }));
    // Scored against the tags of a tagger that never saw the rejection (the tags in force, or the
    // out-of-fold tags where the entry is an expert-labelled one): one judgment, one row.
    const [want] = outOfFoldAgreement({ outOfFold: model.outOfFold, themeIds: [theme], expertKeys, corrections: [{ key: `review:${id}`, theme_id: theme, truth: false, tagged: true }], basis: 'corrections' });
    expect(shown.counts).toEqual([want!.tp, want!.fp, want!.fn, want!.tn]);
    expect(shown.n).toBe(1);
    expect(await page.locator('.agreement-table tbody tr').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/agreement-corrections.png`, fullPage: true });
  });

  it('retrains on examples, expert labels and corrections, shows both taggers side by side, and going back restores the previous tags', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('.import-drop input[type=file]', [F.reviewsCsv()]);
    await page.getByRole('button', { name: /^Import 3 reviews/ }).click({ timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="import-tagging"]')?.getAttribute('data-runs') ?? 0) > 0, undefined, { timeout: 120_000 });
    // The retrain saves the workspace it changes: let the import's own save finish first.
    await page.getByRole('link', { name: 'Your data' }).click();
    await expect.poll(() => page.getByTestId('ws-saved').textContent(), { timeout: 60_000 }).toMatch(/^Saved in this browser/);
    await page.waitForTimeout(1_000);
    await expect.poll(() => page.getByTestId('ws-saved').textContent(), { timeout: 60_000 }).toMatch(/^Saved in this browser/);
    const imported = ['NS-1', 'NS-2', 'NS-3'];
    const before: string[][] = [];
    for (const id of imported) before.push(await shownTags(page, id));
    expect(before.flat().length).toBeGreaterThan(0);

    await goInApp(page, '/agreement');
    await page.getByRole('button', { name: 'Retrain the tagger' }).click({ timeout: 60_000 });
    const compare = page.getByTestId('retrain-compare');
    await compare.waitFor({ timeout: 600_000 });
    const cells = Object.fromEntries(await Promise.all(['before', 'after'].flatMap((w) => ['micro', 'macro', 'n'].map(async (k) => [`${w}-${k}`, (await page.getByTestId(`compare-${w}-${k}`).textContent())!] as const))));
    console.info('out-of-fold, tagger in use vs retrained:', cells);
    expect(cells['before-micro']).toMatch(/^0\.\d\d$/);
    expect(cells['after-micro']).toMatch(/^0\.\d\d$/);
    expect(cells['before-n']).toBe(cells['after-n']);
    await page.screenshot({ path: `${SHOTS}/retrain-compare.png`, fullPage: true });

    const retrained: string[][] = [];
    for (const id of imported) retrained.push(await shownTags(page, id));
    console.info('tags changed by the retrain:', retrained.filter((t, i) => JSON.stringify(t) !== JSON.stringify(before[i])).length, 'of', imported.length);

    await goInApp(page, '/agreement');
    await page.getByRole('button', { name: 'Go back to the previous tagger' }).click({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('retrain-outcome').textContent(), { timeout: 120_000, interval: 500 }).toMatch(/^Back to the bundled tagger/);
    await page.screenshot({ path: `${SHOTS}/retrain-reverted.png`, fullPage: true });
    for (const [i, id] of imported.entries()) expect(await shownTags(page, id), id).toEqual(before[i]);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 900_000);
});
