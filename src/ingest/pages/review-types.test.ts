import { describe, expect, it } from 'vitest';
import { assumedReviewType, findReviewType, reviewTypeOf, splitLeadingType, splitTrailingType } from './review-types.ts';

describe('reviewTypeOf', () => {
  it.each([
    ['Child Safeguarding Practice Review', 'child-safeguarding-practice-review'],
    ['local child safeguarding practice review', 'child-safeguarding-practice-review'],
    ['Serious Case Review', 'serious-case-review'],
    ['SCR', 'serious-case-review'],
    ['Alternative Learning Review', 'learning-review'],
    ['practice learning review', 'learning-review'],
    ['Multi-Agency Practice Learning Review', 'learning-review'],
    ['National Child Safeguarding Practice Review', 'national-review'],
    ['Rapid Review', 'rapid-review'],
    ['Thematic Review', 'thematic-review'],
    ['Action Plan', 'action-plan'],
  ])('%s → %s', (phrase, type) => {
    expect(reviewTypeOf(phrase)).toBe(type);
  });

  it('returns null for phrases that are not review types', () => {
    expect(reviewTypeOf('Annual Report')).toBeNull();
  });
});

describe('findReviewType', () => {
  it('prefers the longer phrase at the same place', () => {
    expect(findReviewType('the first National Child Safeguarding Practice Review on this')).toBe('national-review');
  });
});

describe('splitTrailingType / splitLeadingType', () => {
  it('splits a name from a trailing type, with or without a dash', () => {
    expect(splitTrailingType('Child X - Serious Case Review')).toEqual({ before: 'Child X', type: 'serious-case-review' });
    expect(splitTrailingType('Child Q Action Plan')).toEqual({ before: 'Child Q', type: 'action-plan' });
  });

  it('splits a leading type from a name after a separator', () => {
    expect(splitLeadingType('Serious Case Review: Child X')).toEqual({ after: 'Child X', type: 'serious-case-review' });
  });

  it('leaves plural headings alone', () => {
    expect(splitTrailingType('Child Safeguarding Practice Reviews')).toBeNull();
  });
});

describe('assumedReviewType', () => {
  it('calls a pre-2019 listed case a serious case review and anything else other', () => {
    expect(assumedReviewType('2013-10-10', true)).toBe('serious-case-review');
    expect(assumedReviewType('2021-05', true)).toBe('other');
    expect(assumedReviewType(null, true)).toBe('other');
    expect(assumedReviewType('2012', false)).toBe('other');
  });
});
