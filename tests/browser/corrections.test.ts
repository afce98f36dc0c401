/**
 * Correcting the tagger where the user meets it: in the Explorer's detail panel,
 * and retraining the tagger in its worker from every judged entry.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../support/app-server.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';

const SHOTS = 'test-results/screenshots';

describe('correcting and retraining the tagger', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let reviewId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const db = await openBundledDataset();
    const [row] = await db.query<{ id: string }>(`
      SELECT r.id FROM reviews r JOIN entity_themes e ON e.entity_id = r.id AND e.source = 'model'
      WHERE r.origin = 'catalogue' GROUP BY r.id ORDER BY r.id LIMIT 1`);
    db.close();
    reviewId = row!.id;
    ({ server, browser } = await openApp());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('rejects a tagger theme from the Explorer detail panel', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/explorer?review=${reviewId}`);
    const panel = page.getByRole('region', { name: 'Correct the themes' });
    await panel.waitFor({ timeout: 60_000 });
    // A correction changes tags, not texts: the word index behind search is kept, not dropped and rebuilt.
    await page.waitForFunction(() => document.documentElement.dataset.textIndex === 'ready', undefined, { timeout: 60_000 });
    await page.evaluate(() => {
      const states: string[] = ((window as unknown as { textIndexStates: string[] }).textIndexStates = []);
      new MutationObserver(() => states.push(document.documentElement.dataset.textIndex ?? '')).observe(document.documentElement, { attributeFilter: ['data-text-index'] });
    });
    await panel.getByRole('button', { name: /^Reject / }).first().click();
    await expect.poll(() => panel.getByText(/Rejected by you/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { textIndexStates: string[] }).textIndexStates.filter((s) => s !== 'ready'))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/explorer-corrections.png`, fullPage: true });
  });

  it('retrains the tagger in its worker from the examples, expert labels and corrections, and keeps it', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/agreement`);
    await page.getByRole('button', { name: 'Retrain the tagger' }).click({ timeout: 60_000 });
    const compare = page.getByTestId('retrain-compare');
    await compare.waitFor({ timeout: 600_000 });
    expect(await compare.getByRole('status').textContent()).toMatch(/Retrained on \d+ shipped examples and \d+ judged entries/);
    await page.getByRole('button', { name: 'Keep the retrained tagger' }).click();
    const outcome = page.getByTestId('retrain-outcome');
    expect(await outcome.textContent()).toMatch(/^The retrained tagger is in use/);
    console.info(await outcome.textContent());
    await page.screenshot({ path: `${SHOTS}/retrained.png`, fullPage: true });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 900_000);
});
