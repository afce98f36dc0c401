import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from '../../src/codebook/xml.ts';
import { packWorkspace } from '../../src/workspace/archive.ts';
import { collectWorkspace, snapshotBundledData } from '../../src/workspace/apply.ts';
import { NO_FILTERS } from '../../src/filters/filters.ts';
import { totalsSql, type TotalsRow } from '../../src/queries/overview.ts';
import type { AppServer } from '../support/app-server.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';

const SHOTS = 'test-results/screenshots';
/** DuckDB work in the page can take seconds on a busy machine. */
const SLOW = { timeout: 20_000, interval: 200 };

interface Plan {
  review: string;
  accept: string;
  reject: string;
  add: string;
  counts: { accept: number; reject: number; add: number; reviews: number };
}

/** A catalogue review with a theme only the tagger found, an expert theme, and a theme it lacks; and a workspace zip with one imported review. */
async function prepare(dir: string): Promise<{ plan: Plan; zip: string }> {
  const db = await openBundledDataset();
  await snapshotBundledData(db);
  const [row] = await db.query<{ id: string; accept: string; reject: string; add: string }>(`
    WITH eff AS (SELECT * FROM entity_themes WHERE entity_type = 'review')
    SELECT r.id,
      (SELECT min(theme_id) FROM eff WHERE eff.entity_id = r.id AND source = 'model') AS accept,
      (SELECT min(theme_id) FROM eff WHERE eff.entity_id = r.id AND source = 'manual') AS reject,
      (SELECT min(t.id) FROM themes t WHERE t.id NOT IN (SELECT theme_id FROM eff WHERE eff.entity_id = r.id)) AS add
    FROM reviews r WHERE r.origin = 'catalogue' AND accept IS NOT NULL AND reject IS NOT NULL ORDER BY r.id LIMIT 1`);
  const count = async (theme: string) => (await db.query<TotalsRow>(totalsSql({ ...NO_FILTERS, themes: [theme] })))[0]!.reviews;
  const plan: Plan = {
    review: row!.id, accept: row!.accept, reject: row!.reject, add: row!.add,
    counts: { accept: await count(row!.accept), reject: await count(row!.reject), add: await count(row!.add), reviews: (await db.query<TotalsRow>(totalsSql(NO_FILTERS)))[0]!.reviews },
  };
  await db.exec(`
    INSERT INTO reviews VALUES ('imported-1', (SELECT min(id) FROM partnerships), 'Child Z (imported)', 'rapid-review', '2025', '2025-01-01', 2025,
      'The family home was cold and dirty and the children were often hungry.', NULL, NULL, NULL, 'import');
    INSERT INTO theme_tags VALUES ('review', 'imported-1', 'neglect', 0.9, 'model', true);`);
  const zip = join(dir, 'seed-workspace.zip');
  writeFileSync(zip, packWorkspace(await collectWorkspace(db, null)));
  db.close();
  return { plan, zip };
}

const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).textContent();

/** Navigates inside the running app (no reload), as the app's own links do. */
async function goInApp(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Waits until the overview shows `expected` reviews for the theme filter (numbers update after queries rerun). */
async function expectOverviewReviews(page: Page, expected: number, theme?: string) {
  await goInApp(page, theme ? `/?theme=${theme}` : '/');
  await expect.poll(async () => Number(await kpi(page, 'reviews')), SLOW).toBe(expected);
}

async function openWorkspace(page: Page, url: string, reload = false) {
  if (reload) await page.goto(`${url}/workspace`);
  else await goInApp(page, '/workspace');
  await page.waitForSelector('[data-testid="kpi-ws-reviews"]', { timeout: 60_000 });
}

describe('workspace: corrections, persistence, export, delete, import, codebook', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let profile: string;
  let dir: string;
  let plan: Plan;
  let seedZip: string;
  let exported: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'lt-ws-'));
    profile = join(dir, 'profile');
    ({ plan, zip: seedZip } = await prepare(dir));
    ({ server, browser } = await openApp({ profileDir: profile }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a workspace, and corrections change the numbers in other views', async () => {
    const { page } = browser;
    await openWorkspace(page, server.url, true);
    await page.getByTestId('ws-import-input').setInputFiles(seedZip);
    await expect.poll(async () => kpi(page, 'ws-reviews'), SLOW).toBe('1');

    await goInApp(page, `/agreement?entry=review:${plan.review}`);
    const item = (theme: string) => page.locator(`.corrections__item[data-theme="${theme}"]`);
    await item(plan.accept).getByRole('button', { name: /^Accept/ }).click();
    await expect.poll(async () => item(plan.accept).locator('.corrections__status').textContent(), SLOW).toMatch(/Accepted by you/);
    await item(plan.reject).getByRole('button', { name: /^Reject/ }).click();
    await expect.poll(async () => item(plan.reject).locator('.corrections__status').textContent(), SLOW).toMatch(/Rejected by you/);
    await page.getByLabel('Add theme').selectOption(plan.add);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => item(plan.add).locator('.corrections__status').textContent(), SLOW).toMatch(/Added by you/);
    await page.screenshot({ path: `${SHOTS}/agreement-corrections.png`, fullPage: true });

    await expectOverviewReviews(page, plan.counts.reject - 1, plan.reject);
    await expectOverviewReviews(page, plan.counts.add + 1, plan.add);
    await expectOverviewReviews(page, plan.counts.accept, plan.accept);
    await expectOverviewReviews(page, plan.counts.reviews + 1);
    await openWorkspace(page, server.url);
    await expect.poll(async () => kpi(page, 'ws-corrections'), SLOW).toBe('3');
    // The last correction is saved shortly after it is made (debounced).
    await page.waitForTimeout(1500);
    await expect.poll(async () => page.getByTestId('ws-saved').textContent(), SLOW).toMatch(/Saved in this browser/);
  });

  it('keeps everything after the browser is closed and opened again', async () => {
    await browser.close();
    browser = await openBrowser({ profileDir: profile });
    const { page } = browser;
    await openWorkspace(page, server.url, true);
    await expect.poll(async () => kpi(page, 'ws-reviews'), SLOW).toBe('1');
    expect(await kpi(page, 'ws-corrections')).toBe('3');
    await expect.poll(async () => page.getByTestId('ws-usage').textContent(), SLOW).toMatch(/takes [\d.]+ kB in \d+ files/);
    await page.screenshot({ path: `${SHOTS}/workspace.png`, fullPage: true });
    await expectOverviewReviews(page, plan.counts.add + 1, plan.add);
  });

  it('exports the workspace, deletes it after confirmation, and imports it back', async () => {
    const { page } = browser;
    await openWorkspace(page, server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^learning-themes-workspace_\d{4}-\d{2}-\d{2}\.zip$/);
    exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(exported))['manifest.json']));
    expect(manifest).toMatchObject({ format: 'learning-themes-workspace', version: 1 });
    expect(manifest.tables.reviews.rows).toBe(1);
    expect(manifest.tables.theme_tags.rows).toBe(4);

    await page.getByRole('button', { name: 'Delete all my data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all your data?' });
    await expect.poll(async () => dialog.isVisible(), SLOW).toBe(true);
    await dialog.getByRole('button', { name: 'Delete everything of mine' }).click();
    await expect.poll(async () => kpi(page, 'ws-reviews'), SLOW).toBe('0');
    expect(await kpi(page, 'ws-corrections')).toBe('0');
    await expect.poll(async () => page.getByTestId('ws-usage').textContent(), SLOW).toMatch(/takes 0 bytes in 0 files/);
    await expectOverviewReviews(page, plan.counts.reviews);
    await expectOverviewReviews(page, plan.counts.reject, plan.reject);

    await openWorkspace(page, server.url);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a workspace');
    await page.getByTestId('ws-import-input').setInputFiles(notes);
    await expect.poll(async () => page.getByTestId('ws-outcome').textContent(), SLOW).toMatch(/not a workspace export.*Nothing was changed/);
    await page.getByTestId('ws-import-input').setInputFiles(exported);
    await expect.poll(async () => kpi(page, 'ws-corrections'), SLOW).toBe('3');
    expect(await kpi(page, 'ws-reviews')).toBe('1');
    await expectOverviewReviews(page, plan.counts.reject - 1, plan.reject);
  });

  it('exports the theme set as a REFI-QDA codebook and reads it back', async () => {
    const { page } = browser;
    await openWorkspace(page, server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export codebook (.qdc)' }).click()]);
    const qdc = join(dir, download.suggestedFilename());
    await download.saveAs(qdc);
    const root = parseXml(readFileSync(qdc, 'utf8'));
    expect(root.attrs.xmlns).toBe('urn:QDA-XML:codebook:1.0');
    const groups = root.children.find((c) => c.name === 'Codes')!.children;
    expect(groups).toHaveLength(4);
    expect(groups.reduce((n, g) => n + g.children.filter((c) => c.name === 'Code').length, 0)).toBe(31);

    await page.getByTestId('codebook-import-input').setInputFiles(qdc);
    await expect.poll(async () => page.getByTestId('codebook-plan').textContent(), SLOW).toMatch(/31 themes unchanged.*0 new/);
    await page.getByRole('button', { name: 'Apply this theme set' }).click();
    await expect.poll(async () => page.getByText(/Applied .*\.qdc: 0 added, 0 renamed/).count(), SLOW).toBe(1);
    await page.screenshot({ path: `${SHOTS}/workspace-codebook.png`, fullPage: true });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
