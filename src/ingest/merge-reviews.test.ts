import { describe, expect, it } from 'vitest';
import type { Review } from '../schema/records.ts';
import { mergeReviews } from './merge-reviews.ts';

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
});
