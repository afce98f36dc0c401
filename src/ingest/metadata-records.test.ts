import { describe, expect, it } from 'vitest';
import { guessMapping } from './fields.ts';
import { planImport, planImportInSlices } from './import-plan.ts';
import { mapRecords } from './metadata-records.ts';
import { rawTableFromGrid } from './raw-table.ts';
import { defaultMatcher } from './test-themes.ts';
import { reviewLinker } from './review-links.ts';

const matcher = defaultMatcher();
const grid = [
  ['Ref', 'Partnership', 'Case', 'Type', 'Published', 'Summary', 'Themes', 'Link'],
  ['R1', 'Somerset Safeguarding Children Partnership', 'Child A', 'CSPR', '14/03/2022', 'Baby A was…', 'neglect; voice of the child', 'https://example.org/a'],
  ['R2', 'Somerset', 'Child B', 'Rapid review', '31/13/2021', null, 'the weather', 'example.org/b'],
  [null, null, 'Child C', null, '2020', null, null, null],
  [null, null, null, null, null, null, null, null],
  ['R4', 'Dorset', 'Child D', 'Mystery review', 'March 2023', null, null, null],
  ['R1', 'Somerset', 'Child A', null, '2022', 'dup', 'domestic abuse', null],
];

describe('mapRecords', () => {
  const table = rawTableFromGrid(grid);
  const records = mapRecords(table, guessMapping(table.columns, 'review'), { kind: 'review', origin: 'import-test', matcher });

  it('turns rows into reviews with parsed dates, types and partnership ids', () => {
    expect(records.reviews[0]).toMatchObject({
      id: 'R1', partnership_id: 'somerset', case_name: 'Child A', review_type: 'child-safeguarding-practice-review',
      published: '2022-03-14', published_on: '2022-03-14', year: 2022, source_url: 'https://example.org/a',
    });
    expect(records.partnerships.map((p) => p.id)).toEqual(['somerset', 'dorset']);
    expect(records.tags.filter((t) => t.entity_id === 'R1').map((t) => t.theme_id).sort()).toEqual(['domestic-abuse', 'neglect', 'voice-of-the-child']);
  });

  it('reports every problem by spreadsheet row', () => {
    expect(records.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^row 3: date '31\/13\/2021' is not a date/),
      expect.stringMatching(/^row 3: web address 'example.org\/b'/),
      "row 3: theme 'the weather' matches no theme; left out",
      'row 4: no partnership; row skipped',
      `row 6: review type 'Mystery review' is not one we know; recorded as "other"`,
    ]);
    expect(records.reviews.find((r) => r.id === 'R2')).toMatchObject({ published: null, year: null, source_url: null });
  });

  it('merges duplicates by id and names both rows', () => {
    const plan = planImport(records, { partnerships: [], reviews: [], briefings: [] });
    expect(plan.reviews.map((r) => r.id)).toEqual(['R1', 'R2', 'R4']);
    expect(plan.duplicates).toEqual(["row 7: same id 'R1' as row 2; merged"]);
    expect(plan.added).toEqual({ reviews: 3, briefings: 0, partnerships: 2 });
    expect(plan.merged.reviews).toBe(1);
    expect(plan.distinct.reviews).toBe(3);
  });

  it('merges a case already in the workspace instead of doubling it', () => {
    const stored = { ...records.reviews[0]!, id: 'cases-somerset-child-a', summary: 'stored summary', source_url: null, origin: 'cases' };
    const plan = planImport(records, { partnerships: [{ id: 'somerset' }], reviews: [stored], briefings: [] });
    expect(plan.reviews.map((r) => r.id)).toEqual(['cases-somerset-child-a', 'R2', 'R4']);
    expect(plan.reviews[0]!.summary).toBe('stored summary');
    expect(plan.tags.filter((t) => t.entity_id === 'cases-somerset-child-a')).toHaveLength(3);
    expect(plan.duplicates[0]).toMatch(/row 2: case 'Child A' of somerset is already in the workspace/);
    expect(plan.partnerships.map((p) => p.id)).toEqual(['dorset']);
    expect(plan).toMatchObject({ added: { reviews: 2 }, merged: { reviews: 2 } });
  });

  it('leaves stored records alone when they do not collide with the import, even duplicates of each other', () => {
    const stored = [{ ...records.reviews[0]!, id: 'x1', case_name: 'Child Q', summary: null }, { ...records.reviews[0]!, id: 'x2', case_name: 'Child Q', summary: 's' }];
    const plan = planImport(records, { partnerships: [], reviews: stored, briefings: [] });
    expect(plan.reviews.map((r) => r.id)).toEqual(['R1', 'R2', 'R4']);
  });

  it('maps briefings and links them to their review by case name', () => {
    const t = rawTableFromGrid([['partnership', 'title', 'review', 'date'], ['Dorset', '7-minute briefing: Child D', 'Child D', '2023-05'], ['Dorset', 'Lessons learned from E', 'Child E', '2023']]);
    const out = mapRecords(t, guessMapping(t.columns, 'briefing'), {
      kind: 'briefing', origin: 'import-test', matcher, reviewFor: (pid, c) => (pid === 'dorset' && c === 'Child D' ? { kind: 'linked', id: 'R4' } : { kind: 'none' }),
    });
    expect(out.briefings.map((b) => [b.briefing_kind, b.review_id, b.published])).toEqual([
      ['7-minute-briefing', 'R4', '2023-05'], ['lessons-learned-briefing', null, '2023'],
    ]);
    expect(out.problems.map((p) => p.message)).toEqual(["row 3: review 'Child E' is not among the reviews of Dorset; briefing imported unlinked"]);
  });
});

describe('planImportInSlices', () => {
  it('gives the same plan as planImport, pausing between slices, and stops when cancelled', async () => {
    const columns = ['Ref', 'Partnership', 'Case', 'Year', 'Themes'];
    // Every tenth row repeats an earlier case (its year too: years far apart would make it another review), so merging and duplicate lines are exercised too.
    const rows = Array.from({ length: 6_000 }, (_, i) => {
      const c = i % 10 === 9 ? i - 9 : i;
      return [`R-${i}`, `Shire ${c % 7}`, `Child ${c}`, String(2010 + (c % 15)), i % 3 ? 'neglect' : 'the weather'];
    });
    const records = mapRecords({ columns, rows, firstRowNumber: 2, notes: [] }, guessMapping(columns, 'review'), { kind: 'review', origin: 'import', matcher: defaultMatcher() });
    const existing = { partnerships: [{ id: 'shire-1' }], reviews: records.reviews.slice(0, 50).map((r) => ({ ...r, summary: 'stored' })), briefings: [] };
    let pauses = 0;
    const sliced = await planImportInSlices(records, existing, { pause: async () => void pauses++, sliceMs: 0 });
    expect(pauses).toBeGreaterThan(20);
    expect(sliced).toEqual(planImport(records, existing));
    expect(sliced.duplicates.length).toBeGreaterThan(600);
    const ctrl = new AbortController();
    const cancelled = planImportInSlices(records, existing, { pause: async () => ctrl.abort(), signal: ctrl.signal, sliceMs: 0 });
    await expect(cancelled).rejects.toThrow(/abort/i);
  });
});

describe('two reviews with one name', () => {
  const reviewsFile = rawTableFromGrid([
    ['Partnership', 'Case', 'Published', 'Summary'],
    ['Somerset', 'Child A', '2014', 'A baby was injured.'],
    ['Somerset', 'Child A', '2021', 'A teenager was exploited.'],
    ['Dorset', 'Child A', '2019', 'A girl died.'],
  ]);
  const reviews = mapRecords(reviewsFile, guessMapping(reviewsFile.columns, 'review'), { kind: 'review', origin: 'import', matcher });
  const plan = planImport(reviews, { partnerships: [], reviews: [], briefings: [] });

  it('keeps a name given to two reviews years apart as two reviews, each with its own id', () => {
    expect(plan.reviews.map((r) => [r.id, r.year])).toEqual([
      ['import-somerset-child-a', 2014], ['import-somerset-child-a-2021', 2021], ['import-dorset-child-a', 2019],
    ]);
    expect(plan.duplicates).toEqual([]);
  });

  it('leaves a briefing naming both unlinked and says which reviews it could mean; an id or a single match links', () => {
    const briefingsFile = rawTableFromGrid([
      ['Partnership', 'Title', 'Review'],
      ['Somerset', 'Learning from Child A', 'Child A'],
      ['Somerset', 'Child A: exploitation', 'import-somerset-child-a-2021'],
      ['Dorset', 'Child A briefing', 'Child A'],
    ]);
    const briefings = mapRecords(briefingsFile, guessMapping(briefingsFile.columns, 'briefing'), {
      kind: 'briefing', origin: 'import', matcher, reviewFor: reviewLinker(plan.reviews),
    });
    expect(briefings.briefings.map((b) => [b.title, b.review_id])).toEqual([
      ['Learning from Child A', null],
      ['Child A: exploitation', 'import-somerset-child-a-2021'],
      ['Child A briefing', 'import-dorset-child-a'],
    ]);
    expect(briefings.problems.map((p) => p.message)).toEqual([
      "row 2: review 'Child A' names 2 reviews of Somerset (Somerset 2014, id import-somerset-child-a; Somerset 2021, id import-somerset-child-a-2021); "
        + "briefing imported unlinked: put the review's id in the review column to link it",
    ]);
    expect(briefings.problems[0]!.skipped).toBe(false);
  });
});
