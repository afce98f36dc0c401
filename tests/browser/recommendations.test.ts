/**
 * The Recommendations view in headless Chromium on the bundled data: a review
 * report with a Recommendations section is imported, its recommendations
 * appear with kinds and themes, a status and due date are set and survive a
 * reload, the action plan goes out as CSV (and Excel), comes back with a
 * changed status, and a file that does not match changes nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/recommendations/action-plan.ts';
import { toCsv } from '../../src/lib/csv.ts';
import type { AppServer } from '../support/app-server.ts';
import { seriousViolations } from '../support/axe.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';

const SHOTS = 'test-results/screenshots';
const SLOW = { timeout: 30_000, interval: 250 };

const REPORT = `Local Child Safeguarding Practice Review: Child Rowan

Summary
Rowan, aged seven months, was admitted to hospital with a skull fracture and bruising. The health visitor had seen a bruise on his ear at four months and accepted the explanation given.

Findings
Information about the father's previous violence was held by the police but not shared with health visitors or the GP.

Recommendations
1. The safeguarding partnership should deliver multi-agency training on bruising in babies who are not yet mobile.
2. Health visitors must ask about every adult living in the household at each contact and record what they are told.
3. The partnership should revise the information sharing protocol between police and health so that domestic abuse incidents are passed on within 24 hours.

Conclusion
The review found good practice by the hospital team.`;

const file = (name: string, mimeType: string, text: string) => ({ name, mimeType, buffer: Buffer.from(text, 'utf8') });

const recItem = (page: Page, text: RegExp) => page.locator('[data-testid="rec"]').filter({ has: page.getByTestId('rec-text').filter({ hasText: text }) });

describe('recommendations: found, tracked, exported and read back', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await openApp({ viewport: { width: 1366, height: 1000 } }));
    page = browser.page;
    await page.goto(server.url + '/import');
    await page.waitForSelector('[data-testid="kpi-import-reviews"]', { timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports a review report and shows its recommendations with kinds and themes', async () => {
    await page.setInputFiles('.import-drop input[type=file]', [file('Child Rowan review.txt', 'text/plain', REPORT)]);
    await page.waitForSelector('[data-testid="import-doc"][data-status="ready"]', { timeout: 30_000 });
    const doc = page.locator('[data-testid="import-doc"][data-file="Child Rowan review.txt"]');
    await doc.locator('select').first().selectOption('new');
    // The new review form: title, a partnership typed and matched to a known one, review type and date.
    await doc.getByLabel('Title').fill('Child Rowan');
    const partnership = (await doc.locator('datalist option').first().getAttribute('value'))!;
    await doc.getByLabel('Partnership').fill(partnership);
    expect(await doc.getByTestId('import-partnership-match').textContent()).toBe(`Matches ${partnership}`);
    await doc.getByLabel('Review type').selectOption('child-safeguarding-practice-review');
    await doc.getByLabel('Publication date').fill('2025-06');
    await page.getByRole('button', { name: 'Import 1 document' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="import-tagging"]')?.getAttribute('data-state') === 'done', undefined, { timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recommendations' }).click();
    const training = recItem(page, /multi-agency training on bruising/);
    await expect.poll(() => training.count(), SLOW).toBe(1);
    expect(await recItem(page, /ask about every adult/).count()).toBe(1);
    expect(await recItem(page, /revise the information sharing protocol/).count()).toBe(1);
    // The summary and findings sentences are not recommendations.
    expect(await recItem(page, /accepted the explanation/).count()).toBe(0);
    expect(await training.getAttribute('data-kind')).toBe('training');
    expect(await recItem(page, /revise the information sharing protocol/).getAttribute('data-kind')).toBe('procedure');
    expect(await training.getByTestId('rec-kind').textContent()).toBe('Training or awareness');
    expect(await training.locator('.recs-reliability').textContent()).toMatch(/F1 \d\.\d\d over \d+ labelled examples/);
    expect(await training.getByTestId('rec-addressee').textContent()).toBe('Partnership');
    expect(await recItem(page, /ask about every adult/).getByTestId('rec-addressee').textContent()).toBe('Health visiting');
    expect(await recItem(page, /revise the information sharing protocol/).getByTestId('rec-themes').textContent()).toMatch(/information sharing/i);
    expect(await training.locator('.recs-item__source').textContent()).toBe('from the imported report');
    for (const id of ['recommendation-kinds-by-year', 'recommendation-kinds-by-theme', 'recommendation-owners']) {
      expect(await page.locator(`[data-chart-id="${id}"]`).count()).toBe(1);
    }
  }, 120_000);

  it('keeps a status and due date set in the app across a reload', async () => {
    const item = recItem(page, /multi-agency training on bruising/);
    await item.getByTestId('rec-status').selectOption('in-progress');
    await expect.poll(() => item.getByTestId('rec-status').inputValue(), SLOW).toBe('in-progress');
    await item.getByTestId('rec-due').fill('2026-01-31');
    await expect.poll(() => item.locator('.recs-item__overdue').count(), SLOW).toBe(1);
    await item.getByTestId('rec-owner').fill('Training subgroup');
    await item.getByTestId('rec-owner').blur();
    const owners = page.locator('[data-chart-id="recommendation-owners"]');
    await expect.poll(() => owners.locator('.chart-card__title').textContent(), SLOW).toMatch(/1 is past the due date/);
    await page.screenshot({ path: `${SHOTS}/recommendations.png`, fullPage: true });
    // Autosave is debounced; give it time, then reload the whole app.
    await page.waitForTimeout(2000);
    await page.reload();
    const again = recItem(page, /multi-agency training on bruising/);
    await expect.poll(() => again.count(), { ...SLOW, timeout: 90_000 }).toBe(1);
    expect(await again.getByTestId('rec-status').inputValue()).toBe('in-progress');
    expect(await again.getByTestId('rec-due').inputValue()).toBe('2026-01-31');
    expect(await again.getByTestId('rec-owner').inputValue()).toBe('Training subgroup');
  }, 150_000);

  it('exports the action plan, reads back a changed status, and refuses a file that does not match', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export action plan (CSV)' }).click()]);
    const grid = parseCsv(readFileSync((await download.path())!, 'utf8'));
    const header = grid[0]!;
    expect(header).toEqual(['Recommendation ID', 'Review', 'Partnership', 'Year', 'Recommendation', 'Kind', 'Addressed to', 'Status', 'Owner', 'Due date', 'Note']);
    const row = grid.find((r) => /ask about every adult/.test(r[4]!))!;
    expect(row[7]).toBe('Not started');
    const tracked = grid.find((r) => /multi-agency training on bruising/.test(r[4]!))!;
    expect(tracked.slice(7, 10)).toEqual(['In progress', 'Training subgroup', '2026-01-31']);
    row[7] = 'Done';
    row[8] = 'Health visiting lead';
    const edited = toCsv(header, grid.slice(1));
    await page.getByTestId('recs-plan-input').setInputFiles({ name: 'action-plan-filled.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') });
    await expect.poll(() => page.getByTestId('recs-plan-status').textContent(), SLOW).toMatch(/action-plan-filled\.csv: 1 recommendation updated, \d+ unchanged/);
    const item = recItem(page, /ask about every adult/);
    await expect.poll(() => item.getByTestId('rec-status').inputValue(), SLOW).toBe('done');
    expect(await item.getByTestId('rec-owner').inputValue()).toBe('Health visiting lead');

    // A row from elsewhere and a misspelt status: every problem named by row, nothing changed.
    const bad = [header, [...row, ''].slice(0, header.length), ['elsewhere#00000000', 'Child X', '', '', 'Something', '', '', 'Done', '', '', '']];
    bad[1]![7] = 'Finished';
    await page.getByTestId('recs-plan-input').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(header, bad.slice(1)), 'utf8') });
    await expect.poll(() => page.getByTestId('recs-plan-problems').locator('li').allTextContents(), SLOW).toEqual([
      'row 2: status "Finished" is not one of Not started, In progress, Done, Impact evidenced.',
      expect.stringMatching(/^row 3: recommendation ID "elsewhere#00000000" is not a recommendation in this workspace/),
    ]);
    expect(await page.getByTestId('recs-plan-status').textContent()).toMatch(/Nothing was changed/);
    expect(await item.getByTestId('rec-status').inputValue()).toBe('done');

    // The Excel export is a workbook the same reader takes back (unchanged: nothing to update).
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export action plan (Excel)' }).click()]);
    const bytes = readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await page.getByTestId('recs-plan-input').setInputFiles({ name: 'action-plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await expect.poll(() => page.getByTestId('recs-plan-status').textContent(), SLOW).toMatch(/action-plan\.xlsx: 0 recommendations updated, \d+ unchanged/);

    // Check accessibility on the settled view (while updating, the old answer is shown dimmed).
    await page.waitForSelector('.view-state[aria-busy="false"]');
    await page.waitForTimeout(600);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/recommendations-after-import.png`, fullPage: false });
  }, 120_000);
});
