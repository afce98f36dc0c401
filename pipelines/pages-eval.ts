/**
 * Scores the page reader on the labelled pages in data/pages-labelled: for
 * each page, recall and precision of reviews and briefings, publication dates
 * right, and the partnership area. Prints a Markdown table (the one in
 * data/pages-labelled/README.md) and, with --json, the totals as one JSON line.
 *
 *   npm run --silent pages:eval [-- --json]
 *
 * The reader has no parameters fitted to these pages (its rules are general
 * line shapes), so a leave-one-page-out score equals this per-page score; the
 * README says which pages were looked at while the rules were written.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePage, type PageRecord } from '../src/ingest/pages/parse-page.ts';
import { matchRecords, type Expected } from './pages/match-records.ts';

interface LabelledPage {
  file: string;
  source: string;
  layout: string;
  partnership: string | null;
  reviews: Array<{ case: string; published?: string | null }>;
  briefings: Array<{ title: string; review?: string | null; published?: string | null }>;
}

const root = fileURLToPath(new URL('../data/pages-labelled/', import.meta.url));
const labels = JSON.parse(readFileSync(`${root}labels.json`, 'utf8')) as { read: string; pages: LabelledPage[] };

interface Tally {
  tp: number;
  expected: number;
  found: number;
}
const tally = (): Tally => ({ tp: 0, expected: 0, found: 0 });
const add = (a: Tally, b: Tally) => ((a.tp += b.tp), (a.expected += b.expected), (a.found += b.found));
const ratio = (num: number, den: number) => (den === 0 ? '–' : (num / den).toFixed(2));

const totals = { reviews: tally(), briefings: tally(), dates: { right: 0, dated: 0, invented: 0 }, areas: { right: 0, pages: 0 } };
const rows: string[] = [];

for (const page of labels.pages) {
  const records: PageRecord[] = parsePage(readFileSync(`${root}pages/${page.file}`, 'utf8'), {
    sourceName: page.file,
    address: page.source,
    readOn: labels.read,
  });
  const expectedReviews: Expected[] = page.reviews.map((r) => ({ name: r.case, published: r.published ?? null }));
  const expectedBriefings: Expected[] = page.briefings.map((b) => ({ name: b.title, published: b.published ?? null }));
  const reviews = matchRecords(expectedReviews, records.filter((r) => r.kind === 'review').map((r) => ({ name: r.case, published: r.published })));
  const briefings = matchRecords(expectedBriefings, records.filter((r) => r.kind === 'briefing').map((r) => ({ name: r.title, published: r.published })));
  add(totals.reviews, reviews.tally);
  add(totals.briefings, briefings.tally);
  for (const m of [...reviews.pairs, ...briefings.pairs]) {
    if (m.expected.published) {
      totals.dates.dated += 1;
      if (m.found.published === m.expected.published) totals.dates.right += 1;
    } else if (m.found.published) totals.dates.invented += 1;
  }
  const area = records[0]?.partnership_area ?? null;
  if (records.length > 0) {
    totals.areas.pages += 1;
    if (area === page.partnership) totals.areas.right += 1;
  }
  const dated = [...reviews.pairs, ...briefings.pairs].filter((m) => m.expected.published);
  rows.push(
    `| ${page.file.replace(/\.txt$/, '')} | ${page.reviews.length} | ${ratio(reviews.tally.tp, reviews.tally.expected)} | ${ratio(reviews.tally.tp, reviews.tally.found)} | ` +
      `${page.briefings.length} | ${ratio(briefings.tally.tp, briefings.tally.expected)} | ${ratio(briefings.tally.tp, briefings.tally.found)} | ` +
      `${dated.length ? `${dated.filter((m) => m.found.published === m.expected.published).length}/${dated.length}` : '–'} | ${records.length ? (area ?? 'none') : '–'} |`,
  );
}

const { reviews, briefings, dates, areas } = totals;
const summary = {
  pages: labels.pages.length,
  reviews: { expected: reviews.expected, found: reviews.found, recall: reviews.tp / reviews.expected, precision: reviews.tp / Math.max(1, reviews.found) },
  briefings: { expected: briefings.expected, found: briefings.found, recall: briefings.tp / briefings.expected, precision: briefings.tp / Math.max(1, briefings.found) },
  dates: { right: dates.right, dated: dates.dated, accuracy: dates.right / Math.max(1, dates.dated), invented: dates.invented },
  partnership_areas: { right: areas.right, pages: areas.pages },
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(summary));
} else {
  console.log('| page | reviews | R | P | briefings | R | P | dates right | area read |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
  console.log(
    `| **total** | ${reviews.expected} | ${ratio(reviews.tp, reviews.expected)} | ${ratio(reviews.tp, reviews.found)} | ${briefings.expected} | ` +
      `${ratio(briefings.tp, briefings.expected)} | ${ratio(briefings.tp, briefings.found)} | ${dates.right}/${dates.dated} | ${areas.right}/${areas.pages} right |`,
  );
  console.log(`\nDates given where the page gives none: ${dates.invented}.`);
}
