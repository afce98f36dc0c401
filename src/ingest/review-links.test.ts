import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Review } from '../schema/records.ts';
import { describeCandidates, reviewLinker } from './review-links.ts';

/** The bundled reviews: several partnerships have a review called "Child A". */
function bundledReviews(): Review[] {
  const table = tableFromIPC(readFileSync(join(import.meta.dirname, '../../public/data/reviews.arrows')));
  return table.toArray().map((r) => r.toJSON() as unknown as Review);
}

describe('reviewLinker', () => {
  const reviews = bundledReviews();
  const childA = reviews.filter((r) => /^child a$/i.test(r.case_name));
  const link = reviewLinker(reviews);

  it('links a name to the one review of the briefing\'s partnership that has it', () => {
    expect(new Set(childA.map((r) => r.partnership_id)).size).toBeGreaterThan(2);
    for (const r of childA) expect(link(r.partnership_id, 'Child A')).toEqual({ kind: 'linked', id: r.id });
  });

  it('links no review when the partnership is not known and several partnerships have the name', () => {
    const found = link(null, 'child a');
    expect(found.kind).toBe('ambiguous');
    expect(found.kind === 'ambiguous' && found.candidates.map((r) => r.id).sort()).toEqual(childA.map((r) => r.id).sort());
  });

  it('links an id whatever the name, and nothing for a name no review has', () => {
    expect(link('somerset', childA[0]!.id)).toEqual({ kind: 'linked', id: childA[0]!.id });
    expect(link(childA[0]!.partnership_id, 'Child Nobody')).toEqual({ kind: 'none' });
  });

  it('links no review when one partnership has two reviews of that name, years apart, and names both', () => {
    const imported = [
      { id: 'import-calderdale-child-a', partnership_id: 'calderdale', case_name: 'Child A', year: 2014 },
      { id: 'import-calderdale-child-a-2021', partnership_id: 'calderdale', case_name: 'Child A', year: 2021 },
    ];
    const found = reviewLinker(imported)('calderdale', 'Child A');
    expect(found.kind).toBe('ambiguous');
    expect(found.kind === 'ambiguous' && describeCandidates(found.candidates)).toBe('calderdale 2014, id import-calderdale-child-a; calderdale 2021, id import-calderdale-child-a-2021');
  });
});
