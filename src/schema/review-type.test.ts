import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueLinesToRecords, type CatalogueLine } from '../ingest/catalogue-lines.ts';
import { isNationalPublisher } from './partnership-name.ts';
import { reviewTypeFromEvidence } from './review-type.ts';

/** The labelled case lines the bundled dataset is built from. */
function caseLines(): Map<string, CatalogueLine> {
  const dir = join(import.meta.dirname, '../../data/cases');
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.parse(l) as CatalogueLine);
  return new Map(lines.map((l) => [String(l.id), l]));
}

const typeOf = (line: CatalogueLine) => catalogueLinesToRecords([line], 'catalogue', new Set()).reviews[0]!.review_type;

describe('review types of real case lines', () => {
  const lines = caseLines();

  it.each([
    // Cambridgeshire and Peterborough's review of Stephen: the national panel accepted the rapid review, then the partnership commissioned a local practice review.
    ['rev-1026', 'child-safeguarding-practice-review'],
    // Child Az died "a month into the first national lockdown"; the partnership's review is local.
    ['rev-0115', 'child-safeguarding-practice-review'],
    // Baby Acer was born "during a national Covid lockdown".
    ['rev-4008', 'child-safeguarding-practice-review'],
    // Haringey's "overview panel report": local, and its text names no type and no year.
    ['rev-9025', 'other'],
  ])('local review %s is not a national review (%s)', (id, type) => {
    const line = lines.get(id)!;
    expect(String(line.text)).toMatch(/\bnational\b|\bpanel\b/i);
    expect(typeOf(line)).toBe(type);
  });

  it.each([
    ['rev-0032'], // the national panel's review of sudden unexpected death in infancy
    ['rev-2032'], // the national panel's review of Star Hobson's case
    ['rev-7022'], // Ofsted's thematic inspection of protecting disabled children
    ['rev-5006'], // an NSPCC national analysis of case reviews
    ['rev-3025'], // an unnamed publisher's study the text calls one of the national analyses
  ])('national work %s is a national review', (id) => {
    expect(typeOf(lines.get(id)!)).toBe('national-review');
  });

  it('reads a local review\'s type from what its text calls it, not from its year', () => {
    // Hakeem Hussain's review (published 2022) is called a serious case review after the first 400 characters.
    expect(typeOf(lines.get('rev-0047')!)).toBe('serious-case-review');
  });

  it('leaves no statutory partnership\'s review typed national', () => {
    const records = catalogueLinesToRecords([...lines.values()], 'catalogue', new Set());
    const kinds = new Map(records.partnerships.map((p) => [p.id, p.kind]));
    const localNational = records.reviews.filter((r) => r.review_type === 'national-review' && kinds.get(r.partnership_id) === 'partnership');
    expect(localNational.map((r) => r.id)).toEqual([]);
  });
});

describe('reviewTypeFromEvidence', () => {
  it('takes a stated type over everything else', () => {
    expect(reviewTypeFromEvidence({ label: 'CSPR', publisher: 'Ofsted (national)', year: 2012 })).toBe('child-safeguarding-practice-review');
  });

  it('prefers the practice review to the rapid review that led to it', () => {
    const text = 'After a rapid review the partnership commissioned a local child safeguarding practice review.';
    expect(reviewTypeFromEvidence({ publisher: 'Suffolk Safeguarding Partnership', text, year: 2022 })).toBe('child-safeguarding-practice-review');
    expect(reviewTypeFromEvidence({ publisher: 'Suffolk', caseName: 'Child Q (rapid review)', text, year: 2022 })).toBe('rapid-review');
  });

  it('never types a partnership\'s review national from its words', () => {
    expect(reviewTypeFromEvidence({ publisher: 'Surrey', text: 'A national review of practice was under way.', year: 2023 })).toBe('child-safeguarding-practice-review');
  });

  it('falls back on the year when nothing names a type', () => {
    expect(reviewTypeFromEvidence({ publisher: 'Leeds', text: 'A girl died.', year: 2016 })).toBe('serious-case-review');
    expect(reviewTypeFromEvidence({ publisher: 'Leeds', text: 'A girl died.', year: null })).toBe('other');
  });
});

describe('isNationalPublisher', () => {
  it.each([
    ['Child Safeguarding Practice Review Panel (national)', true],
    ['Child Safeguarding Practice Review Panel', true],
    ['Ofsted', true],
    ['NSPCC (national analysis of case reviews)', true],
    ["King's College London", false],
    ['Cambridgeshire and Peterborough', false],
    ['Not named in the source', false],
  ])('%s → %s', (raw, national) => {
    expect(isNationalPublisher(raw)).toBe(national);
  });
});
