/**
 * The briefing planner on the bundled data in headless Chromium: ranks and
 * numbers on screen match the same SQL and scoring run in Node, weights
 * reorder the list, a theme opens to evidence, the CSV matches the table, and
 * Warwickshire's briefing topics show as covered.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { plannerYearsSql, themeCoverageSql, themeEvidenceSql, type PlannerYearsRow } from '../../src/queries/planner.ts';
import { displayScore } from '../../src/planner/export.ts';
import type { ThemeEvidenceRow } from '../../src/planner/material.ts';
import { DEFAULT_WEIGHTS, rankThemes, type ThemeCoverage, type Weights } from '../../src/planner/score.ts';
import { defaultWindow, type PlannerWindow } from '../../src/planner/window.ts';
import type { AppServer } from '../support/app-server.ts';
import type { BrowserSession } from '../support/browser.ts';
import { openApp } from '../support/open-app.ts';
import { openBundledDataset } from '../support/dataset-db.ts';
import { parseCsv } from '../support/csv.ts';
import { goInApp } from '../support/every-view.ts';
import { searchFromFilters } from '../../src/filters/url.ts';

const SHOTS = 'test-results/screenshots';
const WARWICKSHIRE: Filters = { ...NO_FILTERS, partnerships: ['warwickshire'] };
/** Topics of Warwickshire's 7-minute briefings, as themes of the taxonomy. */
const WARWICKSHIRE_TOPICS = [
  'history-in-assessment', 'suicide-self-harm', 'parental-mental-health', 'neglect', 'voice-of-the-child',
  'professional-curiosity', 'early-help-thresholds', 'parental-capacity-to-change', 'substance-misuse',
  'escalation-challenge', 'home-safety-supervision',
];

interface Expected { window: PlannerWindow; coverage: ThemeCoverage[]; evidence: ThemeEvidenceRow[] }

interface ScreenRow { rank: number; themeId: string; label: string; score: number; reviews: number; briefings: number; reason: string }

/** The ranked table as the user sees it. */
async function screenRows(page: Page): Promise<ScreenRow[]> {
  return page.locator('tr.planner-row').evaluateAll((trs) => trs.map((tr) => {
    const cell = (col: string) => tr.querySelector(`[data-col="${col}"]`)?.textContent?.trim() ?? '';
    return {
      rank: Number(cell('rank')), themeId: tr.getAttribute('data-theme-id') ?? '',
      label: tr.querySelector('.planner-theme')?.textContent?.replace(/^[▸▾]\s*/, '').trim() ?? '',
      score: Number(cell('score')), reviews: Number(cell('window-reviews')),
      briefings: Number(tr.querySelector('[data-briefings]')?.getAttribute('data-briefings')), reason: cell('reason'),
    };
  }));
}

const require = createRequire(import.meta.url);

/** WCAG 2.x A/AA violations inside `selector`, by axe-core (evaluated through DevTools, so the page's CSP allows it). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: string, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(sel, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

const order = (rows: { themeId?: string; theme_id?: string }[]) => rows.map((r) => r.themeId ?? r.theme_id);

describe('briefing planner on the bundled data', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let all: Expected;
  let warwick: Expected;
  let warwickBriefingTags: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const db = await openBundledDataset();
    const expect_ = async (scope: Filters): Promise<Expected> => {
      const [years] = await db.query<PlannerYearsRow>(plannerYearsSql(scope));
      const window = defaultWindow(years!.latest_year!);
      const coverage = await db.query<ThemeCoverage>(themeCoverageSql(scope, window));
      const top = rankThemes(coverage, DEFAULT_WEIGHTS).ranked[0]!;
      return { window, coverage, evidence: await db.query<ThemeEvidenceRow>(themeEvidenceSql(scope, window, top.theme_id)) };
    };
    all = await expect_(NO_FILTERS);
    warwick = await expect_(WARWICKSHIRE);
    [{ n: warwickBriefingTags }] = await db.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM entity_themes et JOIN briefings b ON b.id = et.entity_id
       WHERE et.entity_type = 'briefing' AND b.partnership_id = 'warwickshire'`) as [{ n: number }];
    db.close();
    ({ server, browser } = await openApp());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ranks the themes with reasons, numbers as SQL gives them, offline and without errors', async () => {
    const { page } = browser;
    const started = Date.now();
    await page.goto(`${server.url}/planner`);
    await page.waitForSelector('tr.planner-row');
    const timings = await page.evaluate(() => performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('sql:planner')).map((m) => `${m.name.slice(4)} ${Math.round(m.duration)} ms`));
    console.info(`planner ranked ${Date.now() - started} ms after navigation; ${timings.join(', ')}`);
    const expected = rankThemes(all.coverage, DEFAULT_WEIGHTS).ranked;
    const rows = await screenRows(page);
    expect(order(rows)).toEqual(order(expected));
    expect(rows.map((r) => [r.rank, r.score, r.reviews, r.briefings])).toEqual(expected.map((e) => [e.rank, displayScore(e), e.window_reviews, e.briefings]));
    for (const r of rows) expect(r.reason).toMatch(/^In \d+ of \d+ reviews .+; .+; .+\.$/);
    expect(await page.getByTestId('planner-formula').textContent()).toContain('5 × recurrence + 2 × trend + 3 × briefing gap');
    expect(await page.getByTestId('planner-scope').textContent()).toContain(`${all.window.from}–${all.window.to}`);
    await page.screenshot({ path: `${SHOTS}/planner.png`, fullPage: true });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('reorders when a weight slider moves (by keyboard), and keeps the weights in the URL', async () => {
    const { page } = browser;
    const before = order(await screenRows(page));
    const weights: Weights = { recurrence: 10, trend: 2, gap: 0 };
    const gap = page.getByRole('slider', { name: /Briefing gap weight/ });
    await gap.focus();
    await page.keyboard.press('Home');
    const recurrence = page.getByRole('slider', { name: /Recurrence weight/ });
    await recurrence.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.search.includes('wg=0') && location.search.includes('wr=10'));
    const after = await screenRows(page);
    expect(order(after)).toEqual(order(rankThemes(all.coverage, weights).ranked));
    expect(order(after)).not.toEqual(before);
    expect(await page.getByTestId('planner-formula').textContent()).toContain('10 × recurrence + 2 × trend + 0 × briefing gap');
    await page.getByRole('button', { name: 'Reset weights' }).click();
    await page.waitForFunction(() => !location.search.includes('wr='));
    expect(order(await screenRows(page))).toEqual(before);
  });

  it('opens a theme to its strongest review sentences, linked to the explorer, and its briefings', async () => {
    const { page } = browser;
    const first = page.locator('tr.planner-row').first().locator('button.planner-theme');
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const items = page.locator('.planner-evidence > li');
    await items.first().waitFor();
    const ids = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-review-id')));
    expect(ids).toEqual([...new Set(all.evidence.map((e) => e.review_id))]);
    const firstSentence = all.evidence.find((e) => e.sentence)?.sentence;
    if (firstSentence) expect(await page.locator('.planner-evidence__sentence').first().textContent()).toBe(firstSentence);
    expect(await items.first().locator('a').getAttribute('href')).toBe(`/explorer?review=${encodeURIComponent(ids[0]!)}`);
    await page.getByRole('heading', { name: 'Briefings already on it' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/planner-evidence.png`, fullPage: false });
    expect(await axeViolations(page, '.planner')).toEqual([]);
    await first.click();
    expect(await page.locator('.planner-evidence').count()).toBe(0);
  });

  it('downloads a CSV with the same ranks and numbers as the table', async () => {
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`briefing-planner-all-partnerships-${all.window.from}-${all.window.to}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFRank,Theme,')).toBe(true);
    const [header, ...lines] = parseCsv(text.slice(1));
    const col = (name: string) => header!.indexOf(name);
    // Themes briefed inside the window follow the ranking, unranked; each line records window, weights and date.
    const records = lines.filter((r) => r[col('Briefed in window (set apart)')] === 'no');
    for (const r of lines) expect([r[col('Window')], r[col('Weights (recurrence, trend, gap)')]]).toEqual([`${all.window.from}–${all.window.to}`, '5, 2, 3']);
    expect(records.every((r) => r[col('Produced on')]!.match(/^\d{4}-\d{2}-\d{2}$/))).toBe(true);
    expect(records.filter((r) => r[col('Starting evidence')] !== '').length).toBeGreaterThan(0);
    const screen = await screenRows(page);
    expect(records.map((r) => [Number(r[col('Rank')]), r[col('Theme')], Number(r[col('Priority score')]), Number(r[col('Reviews with theme in window')]), Number(r[col('Briefings')]), r[col('Reason')]]))
      .toEqual(screen.map((s) => [s.rank, s.label, s.score, s.reviews, s.briefings, s.reason]));
  });

  it('prints a one-page summary', async () => {
    const { page } = browser;
    await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
    await page.getByRole('button', { name: 'Print summary' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    try {
      await page.screenshot({ path: `${SHOTS}/planner-print.png`, fullPage: true });
      const pdf = await page.pdf({ format: 'A4', path: `${SHOTS}/planner-print.pdf` });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('reads the starting evidence (for the CSV and print only) once the filters are still, not on every change', async () => {
    const { page } = browser;
    const evidenceRuns = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name === 'sql:planner.startingEvidence').length);
    await page.waitForSelector('tr.planner-row');
    const before = await evidenceRuns();
    // Three scopes in quick succession, as a user clicking through regions: none is still for long.
    for (const region of ['North West', 'London', 'South East']) await goInApp(page, `/planner${searchFromFilters({ ...NO_FILTERS, regions: [region] })}`);
    await page.getByTestId('planner-scope').filter({ hasText: 'South East' }).waitFor();
    expect(await evidenceRuns()).toBe(before);
    // Once the last scope has been still for a second its evidence is read, once.
    await expect.poll(evidenceRuns, { timeout: 15_000 }).toBe(before + 1);
    await goInApp(page, '/planner');
    await page.waitForSelector('tr.planner-row');
  });

  it('shows Warwickshire’s briefing topics as covered, with counts, and compares it with the rest', async () => {
    const { page } = browser;
    // Chosen the way a user does: the shared partnership filter.
    await page.locator('.filter-bar summary', { hasText: 'Partnerships' }).click();
    await page.getByRole('searchbox', { name: 'Find partnerships' }).fill('Warwick');
    await page.getByRole('checkbox', { name: /^Warwickshire\b/ }).check();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('p') === 'warwickshire');
    await page.locator('.filter-bar summary', { hasText: 'Partnerships' }).click();
    await page.getByTestId('planner-scope').filter({ hasText: 'Warwickshire' }).waitFor();
    await page.waitForSelector('tr.planner-row');
    const rows = await screenRows(page);
    const expected = rankThemes(warwick.coverage, DEFAULT_WEIGHTS).ranked;
    expect(rows.map((r) => [r.themeId, r.briefings])).toEqual(expected.map((e) => [e.theme_id, e.briefings]));
    await page.getByTestId('planner-local').waitFor();
    await page.screenshot({ path: `${SHOTS}/planner-warwickshire.png`, fullPage: true });
    // Briefing coverage needs the model's briefing tags (the manual ones cover catalogue briefings only).
    if (warwickBriefingTags === 0) {
      console.warn('planner test: the bundle has no theme tags on Warwickshire briefings; topic coverage not checked');
      return;
    }
    const briefings = new Map(warwick.coverage.map((c) => [c.theme_id, c.briefings]));
    const covered = WARWICKSHIRE_TOPICS.filter((t) => (briefings.get(t) ?? 0) > 0);
    console.info(`Warwickshire topics covered: ${covered.length} of ${WARWICKSHIRE_TOPICS.length}; uncovered: ${WARWICKSHIRE_TOPICS.filter((t) => !covered.includes(t)).join(', ') || 'none'}`);
    expect(covered.length).toBeGreaterThanOrEqual(WARWICKSHIRE_TOPICS.length - 1);
    for (const r of rows.filter((r) => covered.includes(r.themeId))) {
      expect(r.briefings).toBe(briefings.get(r.themeId));
      expect(r.reason).not.toContain('no briefing on it');
    }
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
