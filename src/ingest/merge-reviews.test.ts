import { describe, expect, it } from 'vitest';
import type { Review } from '../schema/records.ts';
import { mergeReviews, sameReview } from './merge-reviews.ts';

const review = (over: Partial<Review>): Review => ({
  id: 'r1', partnership_id: 'warwickshire', case_name: 'Simon', review_type: 'other', published: null,
  published_on: null, year: null, summary: null, findings: null, recommendations: null, source_url: null,
  origin: 'test', ...over,
});

describe('mergeReviews', () => {
  it('merges the same case from two sources instead of doubling it', () => {
    const a = review({ id: 'cases-1', summary: 'text', year: 2023, published: '2023', published_on: '2023-01-01' });
    const b = review({ id: 'page-1', review_type: 'child-safeguarding-practice-review', published: '2023-09', published_on: '2023-09-01', year: 2023 });
    const { reviews, mergedInto } = mergeReviews([a], [b]);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ id: 'cases-1', summary: 'text', review_type: 'child-safeguarding-practice-review', published: '2023-09' });
    expect(mergedInto.get('page-1')).toBe('cases-1');
  });

  it('merges duplicate ids and keeps distinct cases apart', () => {
    const { reviews, messages } = mergeReviews([review({ id: 'x' })], [review({ id: 'x', summary: 's' }), review({ id: 'y', case_name: 'Anna' })]);
    expect(reviews.map((r) => r.id)).toEqual(['x', 'y']);
    expect(reviews[0]!.summary).toBe('s');
    expect(messages).toHaveLength(1);
  });

  it('treats "Child K" and "child k" as one case', () => {
    const { reviews } = mergeReviews([review({ id: 'a', case_name: 'Child K' })], [review({ id: 'b', case_name: 'child k' })]);
    expect(reviews).toHaveLength(1);
  });

  // A generic name is reused by one partnership for different children: "Child Y" of 2013 is not "Child Y" of 2021.
  it('keeps two reviews of one partnership under a generic name apart when published years apart, and merges a third with the right one', () => {
    const y2013 = review({ id: 'rev-8002', partnership_id: 'oxfordshire', case_name: 'Child Y', review_type: 'serious-case-review', published: '2013', year: 2013, source_url: 'https://news.example/child-y-2013' });
    const y2021 = review({ id: 'entry-y-2021', partnership_id: 'oxfordshire', case_name: 'Child Y', review_type: 'child-safeguarding-practice-review', published: '2021-05', year: 2021, source_url: 'https://oscb.example/child-y-2021' });
    const y2021b = review({ id: 'page-y', partnership_id: 'oxfordshire', case_name: 'child y', published: null, year: null, source_url: 'https://oscb.example/child-y-2021' });
    const { reviews, mergedInto, messages } = mergeReviews([y2013], [y2021, y2021b]);
    expect(reviews.map((r) => [r.id, r.year])).toEqual([['rev-8002', 2013], ['entry-y-2021', 2021]]);
    expect(mergedInto.get('page-y')).toBe('entry-y-2021');
    expect(messages[0]).toMatch(/^Child Y \(oxfordshire, 2021-05, child-safeguarding-practice-review\) shares its name with Child Y \(oxfordshire, 2013, serious-case-review\) \[rev-8002\] but is a different one: kept apart$/);
  });

  // The bundled merges this rule must keep: Oxfordshire's Child Y (a news report of 2013 and the catalogue's 2013-12 entry),
  // and Cambridgeshire and Peterborough's Stephen (the partnership's page, 2021, and its statement of April 2022).
  it('still merges one review told by two sources a year apart, or at one address', () => {
    const childY = mergeReviews(
      [review({ id: 'rev-8002', partnership_id: 'oxfordshire', case_name: 'Child Y', published: '2013', year: 2013, source_url: 'https://careappointments.com/x' })],
      [review({ id: 'entry-oxfordshire-child-y', partnership_id: 'oxfordshire', case_name: 'Child Y', published: '2013-12', year: 2013, source_url: 'https://www.irwinmitchell.com/y' })],
    );
    expect(childY.reviews.map((r) => r.id)).toEqual(['rev-8002']);
    const stephen = review({ id: 'rev-1026', partnership_id: 'cambridgeshire-and-peterborough', case_name: 'Stephen', published: '2021', year: 2021 });
    expect(sameReview(stephen, { ...stephen, id: 'entry-stephen', published: '2022-04', year: 2022 })).toBe(true);
    expect(sameReview(stephen, { ...stephen, id: 'other-stephen', published: '2023', year: 2023 })).toBe(false);
    // One address, whatever the dates the sources give: one review.
    expect(sameReview({ ...stephen, source_url: 'https://x.example/s' }, { ...stephen, year: 2024, source_url: 'https://x.example/s' })).toBe(true);
    // No date on either side: the name decides.
    expect(sameReview({ ...stephen, year: null }, { ...stephen, year: 2030 })).toBe(true);
  });
});
