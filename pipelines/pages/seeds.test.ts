/**
 * The required results on the five seed pages in ../shared/seeds (read from
 * disk, never copied here). Skips, saying so, when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePage, type PageBriefing, type PageRecord, type PageReview } from '../../src/ingest/pages/parse-page.ts';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(SEEDS);
if (!haveSeeds) console.warn(`seeds.test.ts: skipping, seed pages not found at ${SEEDS}`);

const parseSeed = (file: string): PageRecord[] => parsePage(readFileSync(SEEDS + file, 'utf8'), { sourceName: file });
const reviewsOf = (records: PageRecord[]) => records.filter((r): r is PageReview => r.kind === 'review');
const briefingsOf = (records: PageRecord[]) => records.filter((r): r is PageBriefing => r.kind === 'briefing');

describe.skipIf(!haveSeeds)('seed pages (../shared/seeds)', () => {
  describe('Warwickshire (004)', () => {
    const records = haveSeeds ? parseSeed('004_7d2521b07f218e63.txt') : [];
    const reviews = reviewsOf(records);
    const briefings = briefingsOf(records);
    const count = (review: string, kind: PageBriefing['briefing_kind']) =>
      briefings.filter((b) => b.review === review && b.briefing_kind === kind).length;

    it('finds the 11 reviews with their types', () => {
      expect(reviews.map((r) => [r.case, r.type])).toEqual([
        ['Simon', 'child-safeguarding-practice-review'],
        ['Anna', 'learning-review'],
        ['Grace', 'child-safeguarding-practice-review'],
        ['James', 'child-safeguarding-practice-review'],
        ['Charlie', 'child-safeguarding-practice-review'],
        ['Prada and Jordan', 'child-safeguarding-practice-review'],
        ['Jack', 'child-safeguarding-practice-review'],
        ['Alice and Beth', 'serious-case-review'],
        ['Sophie', 'serious-case-review'],
        ['Child K', 'serious-case-review'],
        ['Amy', 'serious-case-review'],
      ]);
    });

    it('dates 10 of them to the month; Simon has no date on the page', () => {
      expect(reviews.filter((r) => /^\d{4}-\d{2}$/.test(r.published ?? ''))).toHaveLength(10);
      expect(reviews.find((r) => r.case === 'Simon')?.published).toBeNull();
      expect(reviews.find((r) => r.case === 'Anna')?.published).toBe('2023-09');
      expect(reviews.find((r) => r.case === 'Amy')?.published).toBe('2020-01');
    });

    it('pins each review its 7-minute briefings', () => {
      const expected = { Grace: 8, Charlie: 9, Anna: 8, Simon: 3, 'Alice and Beth': 2, James: 1, Jack: 1 };
      for (const [review, n] of Object.entries(expected)) expect(count(review, '7-minute-briefing'), review).toBe(n);
      expect(briefings.filter((b) => b.briefing_kind === '7-minute-briefing')).toHaveLength(32);
    });

    it('pins lessons-learned briefings and statements where listed', () => {
      for (const review of ['Simon', 'Anna', 'Grace', 'James', 'Charlie', 'Jack', 'Alice and Beth']) {
        expect(count(review, 'lessons-learned-briefing'), review).toBe(1);
      }
      expect(briefings.filter((b) => b.briefing_kind === 'statement').map((b) => b.review)).toEqual(['Jack', 'Alice and Beth']);
    });

    it('gives readable briefing titles and no briefing for report links', () => {
      const grace = briefings.filter((b) => b.review === 'Grace' && b.briefing_kind === '7-minute-briefing').map((b) => b.title);
      expect(grace).toContain('Child Neglect');
      expect(briefings.map((b) => b.title)).toContain('Professional Curiosity');
      expect(briefings.some((b) => /\breport$/i.test(b.title))).toBe(false);
      const sevenMinuteTitles = briefings.filter((b) => b.briefing_kind === '7-minute-briefing').map((b) => b.title);
      expect(sevenMinuteTitles.filter((t) => /minute|^[-–\s]/i.test(t))).toEqual([]);
    });

    it('names the partnership from the page', () => {
      expect(new Set(records.map((r) => r.partnership))).toEqual(new Set(['Warwickshire Safeguarding']));
    });
  });

  describe('York (002)', () => {
    const records = haveSeeds ? parseSeed('002_5974bd74dc7702cc.txt') : [];

    it('finds the 5 dated items, the last dated to the year only', () => {
      expect(reviewsOf(records).map((r) => [r.case, r.published])).toEqual([
        ['Child A, B and C', '2011-01-31'],
        ['Child B', '2013-10-10'],
        ['Baby A', '2013-10-11'],
        ['Thematic review of child neglect', '2013-01-24'],
        ['Messages from reviews', '2014'],
      ]);
      expect(briefingsOf(records)).toEqual([]);
    });

    it('types the thematic review of neglect, and pre-2019 cases as serious case reviews', () => {
      expect(reviewsOf(records).map((r) => r.type)).toEqual([
        'serious-case-review',
        'serious-case-review',
        'serious-case-review',
        'thematic-review',
        'other',
      ]);
    });

    it('expands the partnership abbreviation with the place the page names', () => {
      expect(records[0]?.partnership).toBe('City of York Safeguarding Children Board');
    });
  });

  describe('Rotherham (000)', () => {
    const records = haveSeeds ? parseSeed('000_4f4a64f358485228.txt') : [];
    const reviews = reviewsOf(records);

    it('finds the action plan and the two reviews', () => {
      expect(reviews.map((r) => [r.case, r.type, r.published])).toEqual([
        ['Child A', 'action-plan', null],
        ['Child R', 'serious-case-review', null],
        ['Child S', 'serious-case-review', '2012'],
      ]);
      expect(briefingsOf(records)).toEqual([]);
    });

    it("extracts Child R's listed reasons as findings, one string each", () => {
      const findings = reviews.find((r) => r.case === 'Child R')?.findings ?? [];
      expect(findings).toHaveLength(5);
      expect(findings[0]).toMatch(/^enquiries under Section 47 \(Children Act 1989\) were not initiated/);
      expect(findings.every((f) => !f.startsWith('•') && f.length > 40)).toBe(true);
      expect(reviews.filter((r) => r.case !== 'Child R').every((r) => r.findings.length === 0)).toBe(true);
    });

    it('names the current partnership', () => {
      expect(records[0]?.partnership).toBe('Rotherham Safeguarding Children Partnership');
    });
  });

  describe('HSCB page (001)', () => {
    const records = haveSeeds ? parseSeed('001_ef9255347d2a2f35.txt') : [];

    it('finds the five 7-minute learning briefings, two of them from one line', () => {
      const briefings = briefingsOf(records);
      expect(briefings.map((b) => b.title)).toEqual([
        'Abusive Head Trauma',
        'Childhood Obesity Awareness',
        'Fractures in Infants',
        'Childhood Neglect',
        'Children with Disabilities',
      ]);
      expect(briefings[1]?.line).toBe(briefings[2]?.line);
      expect(briefings.every((b) => b.briefing_kind === '7-minute-briefing' && b.review === null)).toBe(true);
      expect(reviewsOf(records)).toEqual([]);
    });

    it('uses the abbreviation, the only name the page gives', () => {
      expect(records[0]?.partnership).toBe('HSCB');
    });
  });

  describe('NSPCC guidance page (003)', () => {
    it('yields no records: it describes reviews but lists none', () => {
      expect(parseSeed('003_73883210c27f185e.txt')).toEqual([]);
    });
  });
});
