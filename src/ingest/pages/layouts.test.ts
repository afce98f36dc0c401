/**
 * The layouts real partnership pages use, each as a small page written for
 * this test (invented names, our own wording), read without any rule for the
 * site it imitates.
 */
import { describe, expect, it } from 'vitest';
import { parsePage, type PageBriefing, type PageRecord, type PageReview } from './parse-page.ts';

const reviews = (records: PageRecord[]) => records.filter((r): r is PageReview => r.kind === 'review');
const briefings = (records: PageRecord[]) => records.filter((r): r is PageBriefing => r.kind === 'briefing');
const page = (...lines: string[]) => lines.join('\n');

describe('a table whose columns are documents and whose cells are dates or statuses', () => {
  const rows = [
    ['Case', 'Overview report', 'Learning brief'],
    ['Child M', 'Published 3 March 2016', 'Published 3 March 2016'],
    ['Young Person B', 'No longer published', 'Published 9 May 2015 (summary briefing)'],
    ['Child PT', 'Unpublished*', 'Published 2 December 2016:'],
    ['Child QR', 'Delayed in publication**', 'Published 20 January 2017'],
  ];
  const foot = ['* Not published so the family cannot be identified.', '** Held back while other proceedings run.'];

  it.each([
    ['tabs (copied from a browser)', '\t'],
    [' | (a saved page)', ' | '],
    ['runs of spaces', '   '],
  ])('reads rows separated by %s', (_label, sep) => {
    const records = parsePage(page('Serious Case Reviews', ...rows.map((r) => r.join(sep)), ...foot));
    expect(reviews(records).map((r) => [r.case, r.published])).toEqual([
      ['Child M', '2016-03-03'],
      ['Young Person B', null],
      ['Child PT', null],
      ['Child QR', null],
    ]);
    expect(briefings(records).map((b) => [b.review, b.published])).toEqual([
      ['Child M', '2016-03-03'],
      ['Young Person B', '2015-05-09'],
      ['Child PT', '2016-12-02'],
      ['Child QR', '2017-01-20'],
    ]);
  });
});

describe('a flat list of "Child X: document" lines', () => {
  const records = parsePage(
    page(
      'Reports of reviews carried out here are below:',
      'Child A: Executive summary',
      'Child B: Executive summary',
      'Child D: Board response',
      'Child D: Briefing',
      'Child D: Executive summary',
      'Child D: Overview report',
      'Child J: Board response',
      'Child J: Briefing',
      'Child P: Briefing',
    ),
  );

  it('groups the documents into one review per child', () => {
    expect(reviews(records).map((r) => r.case)).toEqual(['Child A', 'Child B', 'Child D', 'Child J', 'Child P']);
    expect(reviews(records).find((r) => r.case === 'Child D')?.lines).toEqual([4, 5, 6, 7]);
  });

  it('links each briefing to its child', () => {
    expect(briefings(records).map((b) => b.review)).toEqual(['Child D', 'Child J', 'Child P']);
  });
});

describe('entries grouped under date headers, narrative after the list', () => {
  const records = parsePage(
    page(
      'Published Serious Case Reviews',
      'Date of publication: 4th March 2016',
      'Child T Overview Report',
      'Board Improvement Report – Child T 4th March 2016',
      'Board media statement child T',
      '',
      'Date of publication: 12th June 2015',
      'Overview Report Child V and Child W',
      'Overview Report Child Z',
      'Overview Report Family C',
      'Board Learning and Improvement 12th June 2015',
      '',
      'Reviews help agencies learn how to work better together. The Board decides when one is needed.',
    ),
  );

  it('dates each entry from the header above it', () => {
    expect(reviews(records).map((r) => [r.case, r.published])).toEqual([
      ['Child T', '2016-03-04'],
      ['Child V and Child W', '2015-06-12'],
      ['Child Z', '2015-06-12'],
      ['Family C', '2015-06-12'],
    ]);
  });
});

describe('dash lists of one-line entries in sections', () => {
  const records = parsePage(
    page(
      'Local Child Safeguarding Practice Reviews',
      '- Rowan: Local Child Safeguarding Practice Review – Child M ‘Rowan’ LCSPR report – February 2023',
      '- Idris: Local Child Safeguarding Practice Review – Child T ‘Idris’ LCSPR report – October 2021',
      '- Baby Hope: Local Child Safeguarding Practice Review – Baby Hope LCSPR report – July 2021',
      '- Marcus: Local Child Safeguarding Practice Review – LCSPR Marcus report – May 2021',
      '- Child G: Serious case review – SCR Child G report – Mar 2020',
      'Partnership Reviews',
      '- Otto: Final Report October 2021 – Final Child O Report January 2022 – “Otto”',
    ),
  );

  it('reads name, type and month from each entry', () => {
    expect(reviews(records).map((r) => [r.case, r.type, r.published])).toEqual([
      ['Rowan', 'child-safeguarding-practice-review', '2023-02'],
      ['Idris', 'child-safeguarding-practice-review', '2021-10'],
      ['Baby Hope', 'child-safeguarding-practice-review', '2021-07'],
      ['Marcus', 'child-safeguarding-practice-review', '2021-05'],
      ['Child G', 'serious-case-review', '2020-03'],
      ['Otto', 'other', '2021-10'],
    ]);
  });
});

describe('a bare list of 7-minute briefing topics', () => {
  const records = parsePage(
    page(
      'Skip to content',
      '7 Minute Briefings',
      'Our briefings give managers short material for a team discussion.',
      'Please note - briefings about adults are on another page.',
      'What are 7 minute briefings?',
      'Absent Fathers',
      'Bruising in Babies',
      'Child T Serious Case Review',
      'Child T Serious Case Review',
      '  Online Grooming',
      'Parental Conflict ',
      '',
      '',
      'Water Safety',
      '7 Minute Briefing Action Plan',
    ),
  );

  it('keeps each topic once and drops navigation and the template', () => {
    expect(briefings(records).map((b) => b.title)).toEqual([
      'Absent Fathers',
      'Bruising in Babies',
      'Child T Serious Case Review',
      'Online Grooming',
      'Parental Conflict',
      'Water Safety',
    ]);
    expect(briefings(records).every((b) => b.briefing_kind === '7-minute-briefing')).toBe(true);
  });

  it('links a briefing named for a review to that case without inventing the review', () => {
    expect(reviews(records)).toEqual([]);
    expect(briefings(records).find((b) => b.title.startsWith('Child T'))?.review).toBe('Child T');
  });
});

describe('a briefing library of case-name headings and short narratives', () => {
  const records = parsePage(
    page(
      'Briefings',
      'The following 7 minute briefings are available for use in your teams:',
      'Nadia',
      'In March 2020 Nadia, a 15 year old girl, took an overdose. Agencies had known her for two years.',
      'Baby Theo',
      'Baby Theo came to hospital in May 2019 at four months old with a head injury.',
      'Rami and Lola',
      'Rami and Lola, both aged two, were found neglected in 2021.',
      'Family History Quick Guide',
      'A short guide to gathering family history in assessments.',
    ),
  );

  it('takes each heading as a briefing and no incident date as a publication date', () => {
    expect(briefings(records).map((b) => [b.title, b.published])).toEqual([
      ['Nadia', null],
      ['Baby Theo', null],
      ['Rami and Lola', null],
    ]);
    expect(reviews(records)).toEqual([]);
  });
});

describe('the national catalogue yearly list', () => {
  const records = parsePage(
    page(
      'Case reviews published in 2019',
      'A list of reviews added to the national collection in 2019.',
      '',
      '2019 – Anonymous – Keira',
      'Exploitation of a 14-year-old girl over two years.',
      'Learning includes: the words practitioners use; neglect of adolescents.',
      'Keywords: child sexual exploitation, grooming.',
      'Read the overview report',
      '',
      '2019 – Cardiff and Vale – Child T',
      'Death of a baby from a head injury.',
      'Model: the review used the Welsh Child Practice Review model.',
      '',
      '2019 – Glasgow – Child P',
      'Significant case review into neglect of a six-year-old.',
      '',
      '2019 - Belfast - Baby R',
      'Case management review after injuries to a baby.',
      '',
      'March 2019 – Birmingham - Child Q (CSPR)',
      'Learning includes: information sharing.',
      '',
      '2019 – Anonymous- Children E, F and G',
      'Concerns about three siblings.',
    ),
  );

  it('reads each entry with its own partnership, year and nation', () => {
    expect(reviews(records).map((r) => [r.case, r.partnership, r.published, r.nation])).toEqual([
      ['Keira', 'Anonymous', '2019', null],
      ['Child T', 'Cardiff and Vale', '2019', 'Wales'],
      ['Child P', 'Glasgow', '2019', 'Scotland'],
      ['Baby R', 'Belfast', '2019', 'Northern Ireland'],
      ['Child Q', 'Birmingham', '2019-03', 'England'],
      ['Children E, F and G', 'Anonymous', '2019', null],
    ]);
    expect(reviews(records).find((r) => r.case === 'Child Q')).toMatchObject({ type: 'child-safeguarding-practice-review', partnership_area: 'Birmingham' });
    expect(briefings(records)).toEqual([]);
  });
});
