import { describe, expect, it } from 'vitest';
import { parsePage, type PageBriefing, type PageReview } from './parse-page.ts';

const reviews = (text: string) => parsePage(text).filter((r): r is PageReview => r.kind === 'review');
const briefings = (text: string) => parsePage(text).filter((r): r is PageBriefing => r.kind === 'briefing');

// A made-up page in the shape partnerships use: heading, naming sentence, links, briefings.
const PAGE = [
  'Our reviews are published by Exampleshire Safeguarding Partnership.',
  'Milo - Published March 2022',
  "A Child Safeguarding Practice Review has been commissioned about the case of 'Milo'.",
  'Milo Child Safeguarding Practice Review - Report',
  'Milo - Lessons Learned Briefing',
  '7 Minute Briefing - Safe Sleep',
  'Bruising - 7-minute Briefing',
  'Child X - Serious Case Review',
  'What the review found.',
  'The main findings were:',
  '• records were not shared between the school and the GP;',
  '• the voice of the child was not heard',
  'Read the Child X report',
  'Other useful resources',
  '7 Minute Briefing - Fire Safety',
].join('\n');

describe('parsePage on a synthetic page', () => {
  it('merges a dated heading with the sentence that names the type', () => {
    expect(reviews(PAGE)[0]).toMatchObject({
      case: 'Milo',
      type: 'child-safeguarding-practice-review',
      published: '2022-03',
      partnership: 'Exampleshire Safeguarding Partnership',
      line: 2,
    });
  });

  it('reads "Child X - Serious Case Review" with its bulleted findings', () => {
    expect(reviews(PAGE)[1]).toMatchObject({
      case: 'Child X',
      type: 'serious-case-review',
      published: null,
      findings: ['records were not shared between the school and the GP', 'the voice of the child was not heard'],
    });
  });

  it('pins briefings on the review they are listed under, but not report links', () => {
    expect(briefings(PAGE).map((b) => [b.title, b.briefing_kind, b.review])).toEqual([
      ['Milo - Lessons Learned Briefing', 'lessons-learned-briefing', 'Milo'],
      ['Safe Sleep', '7-minute-briefing', 'Milo'],
      ['Bruising', '7-minute-briefing', 'Milo'],
      ['Fire Safety', '7-minute-briefing', null],
    ]);
  });

  it('lets the caller override the partnership and name the source', () => {
    const records = parsePage(PAGE, { partnership: 'Given Name', sourceName: 'page.txt' });
    expect(new Set(records.map((r) => `${r.partnership}|${r.source}`))).toEqual(new Set(['Given Name|page.txt']));
  });

  it('reads a dated list, assuming serious case review only for pre-2019 cases', () => {
    const list = ['Child D (published 12/03/19)', 'Child E (published 3/4/15) Summary only', 'Lessons from audits (Published 2016)'].join('\n');
    expect(reviews(list).map((r) => [r.case, r.type, r.published])).toEqual([
      ['Child D', 'other', '2019-03-12'],
      ['Child E', 'serious-case-review', '2015-04-03'],
      ['Lessons from audits', 'other', '2016'],
    ]);
  });

  it('dates a review from a sentence in its section when the heading has no date', () => {
    const text = 'Child F - Serious Case Review\nIn 2014, the Board published its review of the case.';
    expect(reviews(text)[0]?.published).toBe('2014');
  });

  it('does not split one review in two when the page names it again', () => {
    const text = "Ava - Published May 2021\nA Serious Case Review has been completed into the case of 'Ava'.\nAva - Serious Case Review";
    expect(reviews(text)).toHaveLength(1);
  });

  it('finds nothing on a page without reviews or briefings', () => {
    expect(parsePage('About us\nWe help children.\n- a list item\n- another')).toEqual([]);
    expect(parsePage('')).toEqual([]);
  });

  it('survives arbitrary and very long text quickly', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'abc XYZ -–:()/\'"‘’•1234567890\n\tPublished Review Child 7 Minute Briefing ';
    const noise = Array.from({ length: 200_000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const started = performance.now();
    expect(() => parsePage(noise)).not.toThrow();
    expect(() => parsePage('A '.repeat(50_000) + 'review')).not.toThrow();
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
