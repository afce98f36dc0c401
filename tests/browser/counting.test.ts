/**
 * Counted right, on the bundled data in headless Chromium: title-only reviews
 * set apart (and marked) by default, partnerships counted as statutory areas,
 * briefings de-duplicated, and one comparison verdict shared by the
 * Partnerships view and the planner; the same reviews, partnerships and
 * briefings on the Overview, the planner, Partnerships and Tagger agreement
 * (and the Recommendations headline on the Overview's reviews as its base),
 * for England and for Wales. Every on-screen number is checked against the
 * same SQL in Node.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import { totalsSql, type TotalsRow } from '../../src/queries/overview.ts';
import { themeShareSql, type ThemeShareRow } from '../../src/queries/themes.ts';
import { briefingWhere } from '../../src/queries/filters.ts';
import { agreementCoverageSql, type AgreementCoverage } from '../../src/queries/agreement.ts';
import { serveBuiltApp, type AppServer } from '../support/app-server.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { openBundledDataset } from '../support/dataset-db.ts';
import { amberPdf, notesTxt } from '../support/fixtures/import-files.ts';

const SHOTS = 'test-results/screenshots';
const WARWICKSHIRE: Filters = { ...NO_FILTERS, partnerships: ['warwickshire'], yearFrom: 2019, yearTo: 2024 };

async function live(page: Page) {
  await page.waitForSelector('nav[aria-label="Main"]');
  await page.waitForSelector('main:not(.first-screen) [data-testid="kpi-reviews"]');
}

/** Moves within the app (no reload: imported rows are saved a moment after a change, so a reload could come first). */
async function goInApp(page: Page, path: string) {
  await page.evaluate((to) => { history.pushState(null, '', to); dispatchEvent(new PopStateEvent('popstate')); }, path);
}

const kpi = async (page: Page, id: string) => Number(await page.getByTestId(`kpi-${id}`).textContent());

describe('counted right on the bundled data', () => {
  let server: AppServer;
  let browser: BrowserSession;
  let page: Page;
  const sql: Record<string, TotalsRow> = {};
  let statutoryPresent = 0;
  let warwickThemes: ThemeShareRow[] = [];
  let warwickThemesAll: ThemeShareRow[] = [];
  let titleOnlyIds: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const db = await openBundledDataset();
    const totals = async (f: Filters) => (await db.query<TotalsRow>(totalsSql(f)))[0]!;
    sql.all = await totals(NO_FILTERS);
    sql.warwick = await totals(WARWICKSHIRE);
    sql.warwickAll = await totals({ ...WARWICKSHIRE, titleOnly: true });
    // England's, the nation filter's default (the catalogue's Welsh partnerships count only when chosen).
    [{ n: statutoryPresent }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM partnerships p
      WHERE p.kind = 'partnership' AND coalesce(p.nation, 'England') = 'England' AND (p.id IN (SELECT partnership_id FROM reviews) OR p.id IN (SELECT partnership_id FROM briefings))`) as [{ n: number }];
    warwickThemes = await db.query<ThemeShareRow>(themeShareSql(WARWICKSHIRE));
    warwickThemesAll = await db.query<ThemeShareRow>(themeShareSql({ ...WARWICKSHIRE, titleOnly: true }));
    titleOnlyIds = (await db.query<{ id: string }>(`SELECT id FROM review_facts WHERE title_only AND partnership_id = 'warwickshire' AND year BETWEEN 2019 AND 2024 ORDER BY id`)).map((r) => r.id);
    db.close();
    server = await serveBuiltApp();
    browser = await openBrowser({ viewport: { width: 1366, height: 1000 } });
    page = browser.page;
    // DuckDB starts in ~2 s on an idle machine; far slower when the machine is shared.
    page.setDefaultTimeout(100_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts partnerships as the statutory areas present, other sources and unknown publishers apart', { timeout: 240_000 }, async () => {
    await page.goto(server.url + '/');
    await live(page);
    expect(await kpi(page, 'partnerships')).toBe(statutoryPresent);
    expect(statutoryPresent).toBe(sql.all!.partnerships);
    expect(sql.all!.other_sources).toBeGreaterThan(0);
    const note = await page.locator('.kpi').filter({ has: page.getByTestId('kpi-partnerships') }).textContent();
    expect(note).toContain(`+ ${sql.all!.other_sources} other sources`);
    expect(note).toContain(`${sql.all!.not_known_items} items: partnership not known`);
    // The filter list names no organisation that is not a partnership as one of them.
    expect(await kpi(page, 'briefings')).toBe(sql.all!.briefings);
    expect(sql.all!.briefings).toBeLessThan(sql.all!.briefing_records);
    await page.screenshot({ path: `${SHOTS}/counting-overview.png`, fullPage: true });
    // A review-type filter narrows the reviews only: the briefings card keeps its count and says why.
    await page.goto(server.url + '/?type=national-review');
    await live(page);
    expect(await kpi(page, 'briefings')).toBe(sql.all!.briefings);
    expect(await kpi(page, 'reviews')).toBeLessThan(sql.all!.reviews);
    expect(await page.locator('.kpi').filter({ has: page.getByTestId('kpi-briefings') }).textContent()).toContain('the review-type filter does not apply');
  });

  it('sets Warwickshire’s title-only reviews apart from recurrence by default, and the switch brings them back', { timeout: 240_000 }, async () => {
    expect(titleOnlyIds.length).toBeGreaterThan(0);
    await page.goto(server.url + '/?p=warwickshire&from=2019&to=2024');
    await live(page);
    expect(await kpi(page, 'reviews')).toBe(sql.warwick!.reviews);
    expect(sql.warwick!.title_only_reviews).toBe(titleOnlyIds.length);
    expect(await page.locator('.kpi').filter({ has: page.getByTestId('kpi-reviews') }).textContent()).toContain(`${titleOnlyIds.length} title-only set apart`);
    // Recurrence (the top-themes table) counts only reviews with their own text.
    const card = page.locator('[data-chart-id="top-themes"]');
    if (await card.count()) {
      await card.getByRole('button', { name: 'Show as table' }).click();
      const first = await card.locator('table tbody tr').first().textContent();
      const top = warwickThemes.find((r) => r.reviews > 0);
      expect(first).toContain(top!.theme);
    }
    // De-duplicated briefings for the same filter.
    expect(await kpi(page, 'briefings')).toBe(sql.warwick!.briefings);
    expect(sql.warwick!.briefings).toBeLessThan(sql.warwick!.briefing_records);

    await page.getByTestId('title-only-switch').check();
    await page.waitForFunction((n) => document.querySelector('[data-testid="kpi-reviews"]')?.textContent === String(n), sql.warwickAll!.reviews);
    expect(await kpi(page, 'reviews')).toBe(sql.warwick!.reviews + titleOnlyIds.length);
    expect(new URL(page.url()).searchParams.get('titleonly')).toBe('1');
    expect(warwickThemesAll[0]!.total).toBeGreaterThan(warwickThemes[0]?.total ?? 0);
    await page.screenshot({ path: `${SHOTS}/counting-warwickshire-title-only.png`, fullPage: true });
  });

  it('marks a title-only review in the Explorer, labels its derived themes and links to the page address', { timeout: 240_000 }, async () => {
    const id = titleOnlyIds.find((x) => x.includes('grace')) ?? titleOnlyIds[0]!;
    await page.goto(server.url + `/explorer?p=warwickshire&titleonly=1&review=${id}`);
    await page.waitForSelector('[data-testid="title-only-note"]');
    expect(await page.getByTestId('derived-theme').count()).toBeGreaterThan(0);
    const source = page.locator('.explorer-detail__source');
    expect(await source.locator('a').getAttribute('href')).toMatch(/^https:\/\/www\.safeguardingwarwickshire\.co\.uk\//);
    expect(await source.textContent()).not.toMatch(/\.txt/);
    await page.screenshot({ path: `${SHOTS}/counting-explorer-title-only.png`, fullPage: true });
  });

  it('shows one briefing listed under several reviews as one briefing, linked to them', { timeout: 240_000 }, async () => {
    const db = await openBundledDataset();
    const [dup] = await db.query<{ id: string; linked_reviews: number }>(
      `SELECT id, linked_reviews FROM briefing_facts WHERE linked_reviews > 1 ORDER BY linked_reviews DESC, id LIMIT 1`);
    db.close();
    await page.goto(server.url + `/explorer?briefing=${dup!.id}`);
    await page.waitForSelector('[data-testid="briefing-links"]');
    expect(await page.getByTestId('briefing-links').textContent()).toBe(`1 briefing, linked to ${dup!.linked_reviews} reviews (counted once).`);
  });

  it('gives the same verdict per theme on the Partnerships view and the planner under the same filter', { timeout: 300_000 }, async () => {
    const filter = 'p=northamptonshire&from=2016&to=2022';
    await page.goto(server.url + `/partnerships?${filter}`);
    await page.waitForSelector('[data-testid="comparison-verdicts"] li');
    const verdicts = async (selector: string, attr: string) => Object.fromEntries(await page.locator(selector).evaluateAll(
      (els, a) => els.map((el) => [el.getAttribute('data-theme-id'), el.getAttribute(a)]), attr));
    const onPartnerships = await verdicts('[data-testid="comparison-verdicts"] li', 'data-reading');
    expect(await page.getByTestId('comparison-method').first().textContent()).toContain('Newcombe');
    await page.screenshot({ path: `${SHOTS}/counting-partnerships.png`, fullPage: true });

    await page.goto(server.url + `/planner?${filter}`);
    await page.waitForSelector('[data-testid="planner-local"] tbody tr');
    const onPlanner = await verdicts('[data-testid="planner-local"] tbody tr', 'data-reading');
    expect(await page.getByTestId('comparison-method').first().textContent()).toContain('Newcombe');
    const shared = Object.keys(onPartnerships).filter((t) => t in onPlanner);
    expect(shared.length).toBeGreaterThan(3);
    for (const t of shared) expect([t, onPlanner[t]]).toEqual([t, onPartnerships[t]]);
    console.info(`verdicts compared on ${shared.length} themes: ${shared.map((t) => `${t}=${onPlanner[t]}`).join(', ')}`);
    await page.screenshot({ path: `${SHOTS}/counting-planner.png`, fullPage: true });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('counts the same reviews, tagged reviews, partnerships and briefings on the Overview, the planner, Partnerships, the Explorer and the Recommendations headline, for England and for Wales', { timeout: 500_000 }, async () => {
    const db = await openBundledDataset();
    const expected = [];
    for (const [query, f] of [['', NO_FILTERS], ['nation=Wales', { ...NO_FILTERS, nation: 'Wales' }]] as Array<[string, Filters]>) {
      const [t] = await db.query<TotalsRow>(totalsSql(f));
      const tagged = (await db.query<ThemeShareRow>(themeShareSql(f)))[0]!.total;
      const [{ n: briefingsNoStatements }] = await db.query<{ n: number }>(`SELECT count(DISTINCT bf.briefing_key)::INTEGER AS n
        FROM briefings b JOIN briefing_facts bf ON bf.id = b.id WHERE ${briefingWhere(f)} AND b.briefing_kind <> 'statement'`) as [{ n: number }];
      // The statutory partnerships of the nation with a review of their own text: what Partnerships offers to compare.
      const comparable = (await db.query<{ name: string }>(`SELECT p.name FROM partnerships p WHERE p.kind = 'partnership'
        AND coalesce(p.nation, 'England') = '${f.nation}' AND p.id IN (SELECT partnership_id FROM review_facts WHERE NOT title_only) ORDER BY p.name, p.id`)).map((r) => r.name);
      expected.push({ query, nation: f.nation, totals: t!, tagged, briefingsNoStatements, comparable });
    }
    const coverage = (await db.query<AgreementCoverage>(agreementCoverageSql.replace(/ws_base_manual_tags/g, `(SELECT * FROM theme_tags WHERE source = 'manual')`)
      .replace(/ws_corrections/g, '(SELECT * FROM theme_tags WHERE false)')))[0]!;
    db.close();
    expect(expected[1]!.totals.reviews).toBeGreaterThan(0);

    for (const e of expected) {
      await page.goto(server.url + `/?${e.query}`);
      await live(page);
      expect([e.nation, await kpi(page, 'reviews'), await kpi(page, 'partnerships'), await kpi(page, 'briefings')])
        .toEqual([e.nation, e.totals.reviews, e.totals.partnerships, e.totals.briefings]);
      expect(await page.locator('[data-chart-id="top-themes"] .chart-card__footnote').last().textContent()).toContain(`Share of the ${e.tagged} reviews with at least one theme`);

      await goInApp(page, `/planner?${e.query}`);
      const base = page.getByTestId('planner-base');
      await base.waitFor();
      const onPlanner = await base.evaluate((el) => ['reviews', 'tagged', 'partnerships', 'briefings'].map((k) => Number(el.getAttribute(`data-${k}`))));
      // Briefings: the Overview's, partnership statements aside (the line says so).
      expect([e.nation, ...onPlanner]).toEqual([e.nation, e.totals.reviews, e.tagged, e.totals.partnerships, e.briefingsNoStatements]);
      expect(await base.textContent()).toContain('statements are not briefings here');
      await page.screenshot({ path: `${SHOTS}/counting-planner-${e.nation}.png`, fullPage: true });

      await goInApp(page, `/partnerships?${e.query}`);
      await page.waitForSelector('[data-chart-id="partnership-heatmap"] .echart[data-chart-ready]');
      const card = page.locator('[data-chart-id="partnership-heatmap"]');
      await card.getByRole('button', { name: 'Show as table' }).click();
      const rows = new Set(await card.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? '')));
      // Only statutory partnerships of the nation are rows (no national panel, no Ofsted), and only they are offered to compare.
      expect([...rows].filter((name) => !e.comparable.includes(name))).toEqual([]);
      const offered = await page.locator('.partnerships-choose select option').evaluateAll((os) => os.map((o) => o.textContent!.replace(/ \(\d+ reviews?\)$/, '')));
      expect(offered).toEqual(e.comparable);
      await page.screenshot({ path: `${SHOTS}/counting-partnerships-${e.nation}.png`, fullPage: true });

      // The Explorer lists one row per briefing record and says how many briefings they are.
      await goInApp(page, `/explorer?${e.query}`);
      const listed = e.totals.reviews + e.totals.briefing_records;
      const briefings = e.totals.briefing_records > e.totals.briefings
        ? `${e.totals.briefing_records} briefing rows (${e.totals.briefings} briefings: one listed under several reviews has a row for each)`
        : `${e.totals.briefings} briefings`;
      await expect.poll(() => page.getByTestId('explorer-count').textContent()).toBe(`${listed} shown: ${e.totals.reviews} reviews, ${briefings}`);
      if (e.nation === 'England') await page.screenshot({ path: `${SHOTS}/counting-explorer-England.png` });

      // Recommendations: the headline counts under the same filters, on the Overview's reviews as its base.
      await goInApp(page, `/recommendations?${e.query}`);
      const recs = page.getByTestId('recs-summary');
      await recs.waitFor();
      await expect.poll(() => recs.getAttribute('data-of-reviews')).toBe(String(e.totals.reviews));
      const said = await recs.evaluate((el) => ['recommendations', 'reviews', 'held'].map((k) => Number(el.getAttribute(`data-${k}`))));
      const [matching, fromReviews, held] = said as [number, number, number];
      expect(fromReviews).toBeLessThanOrEqual(e.totals.reviews);
      expect(matching).toBeLessThanOrEqual(held);
      expect(await recs.textContent()).toContain(`of the ${e.totals.reviews} reviews the filters keep`);
      expect(await page.getByTestId('recs-count').textContent()).toBe(`${matching === 1 ? '1 recommendation' : `${matching} recommendations`} match the filters.`);
      await page.screenshot({ path: `${SHOTS}/counting-recommendations-${e.nation}.png` });
    }

    // Tagger agreement counts every review and briefing held, and says so.
    await goInApp(page, '/agreement');
    const said = await page.getByTestId('agreement-coverage').textContent();
    expect(said).toContain(`The tagger has tagged ${coverage.tagged_reviews} reviews and ${coverage.tagged_briefings} briefings: every one held`);
    await page.screenshot({ path: `${SHOTS}/counting-agreement.png` });
    expect(browser.errors).toEqual([]);
  });

  it('imports a PDF as a new review (title from its heading, typed partnership, type, date) and shows its evidence in the detail panel', { timeout: 300_000 }, async () => {
    await page.goto(server.url + '/import');
    await page.waitForSelector('[data-testid="kpi-import-reviews"]');
    await page.setInputFiles('.import-drop input[type=file]', [amberPdf(), notesTxt()]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-doc"][data-status="ready"]').length === 2);
    for (const [file, title, date] of [['Northshire Child Amber CSPR final.pdf', 'Child Safeguarding Practice Review: Child Amber', '2024-03'], ['Child Brook notes.txt', 'Brook notes', '2023']] as const) {
      const row = page.locator(`[data-testid="import-doc"][data-file="${file}"]`);
      await row.locator('select').first().selectOption('new');
      expect(await row.getByLabel('Title').inputValue()).toBe(title);
      await row.getByLabel('Partnership').fill('Northshire Safeguarding Children Partnership');
      expect(await row.getByTestId('import-partnership-match').textContent()).toBe('New partnership: Northshire');
      await row.getByLabel('Review type').selectOption('child-safeguarding-practice-review');
      await row.getByLabel('Publication date').fill(date);
    }
    await page.screenshot({ path: `${SHOTS}/counting-import-new-review.png`, fullPage: true });
    await page.getByRole('button', { name: 'Import 2 documents' }).click();
    await page.waitForSelector('[data-testid="import-tagging"][data-state="done"]', { timeout: 180_000 });

    await goInApp(page, '/explorer?review=import-northshire-child-safeguarding-practice-review-child-amber');
    await page.waitForSelector('[data-testid="item-passages"]');
    expect(await page.locator('.explorer-detail').textContent()).not.toContain('No text held');
    expect(await page.locator('[data-testid="item-passages"] mark.explorer-evidence').count()).toBeGreaterThan(0);
    expect(await page.locator('.explorer-detail__meta').textContent()).toMatch(/Northshire · Child safeguarding practice review · 2024-03/);
    await page.screenshot({ path: `${SHOTS}/counting-imported-pdf-evidence.png`, fullPage: true });
  });

  it('lists imported items on Your data, deletes one, and it stays deleted after a reload', { timeout: 300_000 }, async () => {
    await goInApp(page, '/workspace');
    await page.waitForSelector('[data-testid="user-items"] tbody tr');
    const ids = () => page.locator('[data-testid="user-items"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));
    const before = await ids();
    expect(before).toEqual(expect.arrayContaining(['import-northshire-brook-notes', 'import-northshire-child-safeguarding-practice-review-child-amber']));
    await page.getByRole('button', { name: 'Delete Brook notes' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.waitForSelector('[data-testid="user-items-outcome"]');
    expect(await page.getByTestId('user-items-outcome').textContent()).toMatch(/^Deleted “Brook notes”/);
    expect(await ids()).toEqual(before.filter((id) => id !== 'import-northshire-brook-notes'));
    await page.screenshot({ path: `${SHOTS}/counting-your-data.png`, fullPage: true });

    await page.reload();
    await page.waitForSelector('[data-testid="user-items"] tbody tr');
    expect(await ids()).toEqual(before.filter((id) => id !== 'import-northshire-brook-notes'));
    expect(browser.errors).toEqual([]);
  });
});
