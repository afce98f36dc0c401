/**
 * The import page in headless Chromium on the bundled data: metadata files,
 * documents and catalogue text are read, stored and tagged on the device;
 * bad files get their message and leave earlier data intact; nothing leaves
 * the machine and no imported script runs.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../support/app-server.ts';
import { seriousViolations } from '../support/axe.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import * as F from '../support/fixtures/import-files.ts';
import * as H from '../support/hostile-files.ts';

const SHOTS = 'test-results/screenshots';

/** The workspace counts on screen, once DuckDB has answered for the current data version. */
async function counts(page: Page) {
  await page.waitForSelector('[data-testid="import-counts"][aria-busy="false"]');
  const read = async (id: string) => Number(await page.getByTestId(`kpi-import-${id}`).textContent());
  return { reviews: await read('reviews'), briefings: await read('briefings'), documents: await read('documents'), passages: await read('passages'), modelTags: await read('model-tags') };
}

let taggingRuns = 0;

/** Waits for the next tagging run to finish (done or stopped); every completed run bumps `data-runs`. */
async function waitForTagging(page: Page, timeout = 60_000) {
  await page.waitForFunction((runs) => {
    const el = document.querySelector('[data-testid="import-tagging"]');
    return el?.getAttribute('data-state') === 'stopped' || Number(el?.getAttribute('data-runs') ?? 0) > runs;
  }, taggingRuns, { timeout });
  const state = await page.getByTestId('import-tagging').getAttribute('data-state');
  if (state === 'done') taggingRuns = Number(await page.getByTestId('import-tagging').getAttribute('data-runs'));
  return state;
}

/** Waits until the KPI counts settle to something other than `before` (DuckDB is re-queried after each change). */
async function countsAfter(page: Page, before: Awaited<ReturnType<typeof counts>>, key: keyof Awaited<ReturnType<typeof counts>>) {
  const id = key === 'modelTags' ? 'model-tags' : key;
  await page.waitForFunction(([k, v]) => {
    const text = document.querySelector(`[data-testid="kpi-import-${k}"]`)?.textContent;
    const settled = document.querySelector('[data-testid="import-counts"]')?.getAttribute('aria-busy') === 'false';
    return settled && !!text && Number(text) !== v;
  }, [id, before[key]] as const).catch(async (err: unknown) => {
    await page.screenshot({ path: `${SHOTS}/import-failed-${key}.png`, fullPage: true });
    throw err;
  });
  return counts(page);
}

describe('import on the device', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, browser } = await openApp({ viewport: { width: 1366, height: 1000 } }));
    page = browser.page;
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.goto(server.url + '/import');
    await page.waitForSelector('[data-testid="kpi-import-reviews"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports a review CSV with every problem shown by row and duplicates merged, then tags it', async () => {
    const before = await counts(page);
    await page.setInputFiles('.import-drop input[type=file]', [F.reviewsCsv()]);
    await page.waitForSelector('[data-testid="import-preview"]');
    const problems = await page.getByTestId('import-problems').locator('li').allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^row 4: date '31\/13\/2021' is not a date/),
      "row 4: theme 'the weather' matches no theme; left out",
      'row 5: no partnership; row skipped',
    ]);
    expect(await page.getByTestId('import-duplicates').locator('li').allTextContents()).toEqual(["row 6: same id 'NS-1' as row 2; merged"]);
    await page.screenshot({ path: `${SHOTS}/import-mapping.png`, fullPage: true });
    await page.getByRole('button', { name: 'Import 3 reviews (1 duplicate merged, 1 skipped)' }).click();
    await page.waitForSelector('[data-testid="import-log"] li');
    expect(await page.getByTestId('import-log').textContent()).toMatch(/northshire-reviews\.csv: 3 new reviews, 1 duplicate merged, 1 new partnership, 5 theme tags/);
    const after = await countsAfter(page, before, 'reviews');
    expect(after.reviews).toBe(before.reviews + 3);
    expect(await waitForTagging(page)).toBe('done');
  });

  it('imports briefings from an Excel workbook, linked to their review', async () => {
    const before = await counts(page);
    await page.setInputFiles('.import-drop input[type=file]', [F.briefingsXlsx()]);
    await page.waitForSelector('[data-testid="import-preview"]');
    expect(await page.getByRole('radio', { name: 'briefing' }).isChecked()).toBe(true);
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    expect(await page.getByTestId('import-preview').locator('tbody tr').nth(1).textContent()).toContain('2022-05-19');
    await page.getByRole('button', { name: 'Import 2 briefings' }).click();
    const after = await countsAfter(page, before, 'briefings');
    expect(after.briefings).toBe(before.briefings + 2);
    expect(await page.getByTestId('import-log').textContent()).toContain('northshire-briefings.xlsx: 2 new briefings, 0 duplicates merged, 0 new partnerships');
    expect(await waitForTagging(page)).toBe('done');
  });

  it('imports reviews from Parquet and briefings from JSON', async () => {
    const before = await counts(page);
    await page.setInputFiles('.import-drop input[type=file]', [F.reviewsParquet(), F.briefingsJson()]);
    await page.waitForSelector('[data-testid="import-preview"]');
    expect(await page.getByTestId('import-preview').locator('tbody tr').first().textContent()).toMatch(/Southby.*Child Ivy.*2021/);
    await page.getByRole('button', { name: 'Import 2 reviews' }).click();
    await page.waitForSelector('text=Check the columns of southby-briefings.json');
    expect(await page.getByRole('radio', { name: 'briefing' }).isChecked()).toBe(true);
    expect(await page.getByTestId('import-preview').locator('tbody tr').first().textContent()).toMatch(/2024-06.*Online harm; Suicide, self-harm/);
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    await page.getByRole('button', { name: 'Import 2 briefings' }).click();
    const after = await countsAfter(page, before, 'briefings');
    expect(after).toMatchObject({ reviews: before.reviews + 2, briefings: before.briefings + 2 });
    expect(await page.getByTestId('import-log').textContent()).toContain('southby-briefings.json: 2 new briefings, 0 duplicates merged, 0 new partnerships, 2 theme tags');
    await waitForTagging(page);
  });

  it('reads PDF, Word, HTML and text documents into passages, attached by file name, and tags them', async () => {
    const before = await counts(page);
    await page.setInputFiles('.import-drop input[type=file]', [F.amberPdf(), F.cedarDocx(), F.hostileHtml(), F.notesTxt()]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-doc"][data-status="ready"]').length === 4, undefined, { timeout: 30_000 });
    const choice = (file: string) => page.locator(`[data-testid="import-doc"][data-file="${file}"] select`).first();
    expect(await choice('Northshire Child Amber CSPR final.pdf').inputValue()).toBe('review:NS-1');
    expect(await choice('Child Cedar overview.docx').inputValue()).toBe('review:NS-3');
    expect(await choice('Child Brook notes.txt').inputValue()).toBe('review:NS-2');
    expect(await choice('briefing-page.html').inputValue()).toBe('');
    await choice('briefing-page.html').selectOption('new');
    const newReview = page.locator('[data-file="briefing-page.html"]');
    await newReview.getByLabel('Partnership').fill('Northshire');
    expect(await newReview.getByTestId('import-partnership-match').textContent()).toBe('Matches Northshire');
    await newReview.getByLabel('Title').fill('Exploitation briefing page');
    await newReview.getByLabel('Review type').selectOption('learning-review');
    await newReview.getByLabel('Publication date').fill('2024-05');
    await page.getByRole('button', { name: 'Import 4 documents' }).click();
    const after = await countsAfter(page, before, 'documents');
    expect(after.documents).toBe(before.documents + 4);
    expect(after.passages).toBeGreaterThanOrEqual(before.passages + 4);
    expect(after.reviews).toBe(before.reviews + 1);
    expect(await waitForTagging(page)).toBe('done');
    const retagged = await countsAfter(page, before, 'modelTags');
    expect(retagged.modelTags).toBeGreaterThan(before.modelTags);
    expect(await page.evaluate(() => (window as unknown as { __importScriptRan?: boolean }).__importScriptRan)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('gives each bad file its message and keeps everything already loaded', async () => {
    const before = await counts(page);
    await page.setInputFiles('.import-drop input[type=file]', [F.scanned(), F.locked(), F.corruptPdf(), F.emptyCsv(), F.program(), F.jsonlWithBadLine(), F.latin1NoPartnership()]);
    // A 200 MB file, made in the page (sending it through the driver would be slow), dropped on the drop zone.
    await page.evaluate(() => {
      const big = new File([new Blob(Array.from({ length: 200 }, () => new Uint8Array(1024 * 1024)))], 'huge-report.pdf', { type: 'application/pdf' });
      const dt = new DataTransfer();
      dt.items.add(big);
      document.querySelector('[data-testid="import-drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-doc"][data-status="failed"]').length === 3, undefined, { timeout: 30_000 });
    const docStatus = (file: string) => page.locator(`[data-testid="import-doc"][data-file="${file}"] .import-doc__status`).textContent();
    expect(await docStatus('scanned-report.pdf')).toMatch(/no text found: this looks like a scanned document/);
    expect(await docStatus('locked-report.pdf')).toMatch(/is password-protected/);
    expect(await docStatus('broken.pdf')).toMatch(/could not be opened as a PDF/);
    // The JSON Lines file fails to read; the Windows-1252 CSV opens with a note and a missing-column alert.
    await page.waitForSelector('text=ansi.csv is not UTF-8');
    expect(await page.getByRole('alert').filter({ hasText: 'Choose a column for partnership' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Import 0 reviews (1 skipped)' }).isDisabled()).toBe(true);
    const refused = await page.getByTestId('import-refused').locator('li').allTextContents();
    expect(refused).toEqual(expect.arrayContaining([
      expect.stringMatching(/^empty\.csv is empty/),
      expect.stringMatching(/^setup\.exe: files of this type cannot be imported/),
      expect.stringMatching(/^huge-report\.pdf is 200 MB, over the 50 MB limit/),
      expect.stringMatching(/^reviews\.jsonl, line 2: not a JSON object/),
    ]));
    await page.screenshot({ path: `${SHOTS}/import-bad-files.png`, fullPage: true });
    // Mapping step, failed documents and refused files all on screen: check them for accessibility.
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Don’t import this file' }).click();
    for (const file of ['scanned-report.pdf', 'locked-report.pdf', 'broken.pdf']) await page.getByRole('button', { name: `Remove ${file}` }).click();
    expect(await counts(page)).toEqual(before);
  });

  it('turns pasted catalogue text into reviews whose listed learning becomes theme tags', async () => {
    const before = await counts(page);
    await page.getByLabel(/Text copied from a catalogue listing/).fill(F.CATALOGUE_TEXT);
    await page.getByRole('button', { name: 'Read entries' }).click();
    expect(await page.getByTestId('import-unmatched').locator('li').allTextContents()).toEqual(['Westvale – Child Fern: “the weather on the day”']);
    const preview = await page.getByTestId('import-preview').locator('tbody tr').allTextContents();
    expect(preview[0]).toMatch(/Westvale.*Child Fern.*2024.*Exploitation and extra-familial harm; Children missing from home or care/);
    await page.getByRole('button', { name: 'Import 3 reviews' }).click();
    const after = await countsAfter(page, before, 'reviews');
    expect(after.reviews).toBe(before.reviews + 3);
    expect(await page.getByTestId('import-log').textContent()).toMatch(/Catalogue text: 3 new reviews, 0 merged with reviews already here, 6 theme tags/);
    expect(await waitForTagging(page)).toBe('done');
  });

  it('tags a 100-page PDF in the worker with progress; cancel keeps it and the import waiting behind it untagged, retry tags both', async () => {
    const before = await counts(page);
    // A review spreadsheet dropped with the report is imported first; the report, imported while the spreadsheet
    // is being tagged, waits behind it.
    await page.setInputFiles('.import-drop input[type=file]', [F.bigReport(100), H.reviewsCsvOf(3000, 'many reviews.csv')]);
    await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="import-doc"][data-file="Long thematic report.pdf"][data-status="ready"]', { timeout: 60_000 });
    const row = page.locator('[data-testid="import-doc"][data-file="Long thematic report.pdf"]');
    await row.locator('select').first().selectOption('new');
    await row.getByLabel('Partnership').fill('Northshire');
    await row.getByLabel('Review type').selectOption('thematic-review');
    await row.getByLabel('Publication date').fill('2024');
    await page.getByRole('button', { name: /^Import 3000 reviews/ }).click();
    await page.waitForSelector('[data-testid="import-tagging"][data-state="running"]');
    await page.getByRole('button', { name: 'Import 1 document' }).click();
    await page.waitForFunction(() => /1 more import waiting/.test(document.querySelector('[data-testid="import-tagging"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    // The button says that cancelling stops the waiting import's tagging too.
    await page.getByRole('button', { name: 'Cancel tagging of all 2 imports' }).click();
    expect(await waitForTagging(page)).toBe('stopped');
    const cancelled = await countsAfter(page, before, 'documents');
    expect(cancelled.documents).toBe(before.documents + 1);
    expect(cancelled.reviews).toBe(before.reviews + 3001); // the spreadsheet's 3000 and the report's new review
    expect(cancelled.modelTags).toBe(before.modelTags);
    const passages = cancelled.passages - before.passages;
    // Every text left untagged is counted, from both imports: the 3000 reviews and the report's passages.
    const stopped = (await page.getByTestId('import-tagging-stopped').textContent())!;
    const [, texts, files] = stopped.match(/^Tagging cancelled: ([\d,]+) imported texts from (\d+) files were kept but not tagged \(many reviews\.csv: 3,000 texts; Long thematic report\.pdf: [\d,]+ texts\), including 1 import that was waiting to be tagged\.$/) ?? [];
    expect(stopped).toMatch(/^Tagging cancelled/);
    expect(Number(texts?.replace(/,/g, ''))).toBe(3000 + passages);
    expect(files).toBe('2');
    await page.getByTestId('import-tagging').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/import-tagging-cancelled.png` });

    await page.getByRole('button', { name: 'Tag them now' }).click();
    await page.waitForSelector('[data-testid="import-tagging"][data-state="running"]');
    await page.waitForSelector('[data-testid="import-tagging"] progress');
    await page.screenshot({ path: `${SHOTS}/import-tagging.png` });
    expect(await waitForTagging(page, 120_000)).toBe('done');
    const done = await page.getByTestId('import-tagging-done').textContent();
    const [, tagged, , seconds] = done!.match(/(\d+) passages and texts, (\d+) theme tags, in ([\d.]+) (m?s)/) ?? [];
    console.info(`100-page PDF: ${passages} passages; with 3000 reviews, tagging: ${done}`);
    expect(done).toMatch(/^Tagged many reviews\.csv and Long thematic report\.pdf:/);
    expect(Number(tagged)).toBe(Number(texts?.replace(/,/g, '')));
    expect(seconds).toBeDefined();
    const retagged = await countsAfter(page, before, 'modelTags');
    expect(retagged.modelTags).toBeGreaterThan(before.modelTags);
    await page.screenshot({ path: `${SHOTS}/import-done.png`, fullPage: true });
  });

  it('shows the imported records in the other views, sent nothing away and logged no errors', async () => {
    const { reviews } = await counts(page);
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.waitForSelector('[data-testid="kpi-reviews"]');
    // The Import page counts every review; the Overview sets title-only reviews apart unless the switch is on,
    // and starts on England's reviews.
    await page.getByTestId('title-only-switch').check();
    await page.getByTestId('nation-select').selectOption('all');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="kpi-reviews"]')?.textContent?.replace(/,/g, '')) === n, reviews);
    expect(Number((await page.getByTestId('kpi-reviews').textContent())?.replace(/,/g, ''))).toBe(reviews);
    // Text search answers from the word index rebuilt after the import: a phrase from the imported Word report finds its review.
    await page.waitForFunction(() => document.documentElement.dataset.textIndex === 'ready', undefined, { timeout: 60_000 });
    await page.evaluate(() => performance.clearMeasures());
    await page.getByPlaceholder('Search review text…').fill('dental care was missed');
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-reviews"]')?.textContent?.trim() === '1', undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name).filter((n) => n.startsWith('sql:search.')))).toContain('sql:search.checkCandidates');
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
