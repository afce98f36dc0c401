import { describe, expect, it } from 'vitest';
import { datedHeading, isCaseName, typedHeading, undertakenSentence } from './anchors.ts';

describe('datedHeading', () => {
  it('reads "<name> - Published <Month YYYY>"', () => {
    expect(datedHeading('Ruby - Published March 2022')).toMatchObject({ case: 'Ruby', published: '2022-03', type: null });
  });

  it('reads "<name> (published dd/mm/yy)" with trailing notes', () => {
    expect(datedHeading('Child D (published 12/03/19) Summary only')).toMatchObject({ case: 'Child D', published: '2019-03-12' });
  });

  it('takes a type from the title and splits it off a case name', () => {
    expect(datedHeading('Child X - Serious Case Review - Published 2017')).toMatchObject({
      case: 'Child X',
      type: 'serious-case-review',
      published: '2017',
    });
    expect(datedHeading('Thematic review of bruising (published 2016)')).toMatchObject({
      case: 'Thematic review of bruising',
      type: 'thematic-review',
      looksLikeCase: false,
    });
  });

  it('takes the type from after the date when the title has none', () => {
    expect(datedHeading('Child Y - Published 12 June 2021 - Child Safeguarding Practice Review')).toMatchObject({
      case: 'Child Y',
      type: 'child-safeguarding-practice-review',
      published: '2021-06-12',
    });
  });

  it('ignores prose that mentions publishing', () => {
    expect(datedHeading('Reviews published prior to 2020 can be found in the archive.')).toBeNull();
  });
});

describe('typedHeading', () => {
  it('reads "Child X - Serious Case Review" and "Child Q Action Plan"', () => {
    expect(typedHeading('Child X - Serious Case Review')).toMatchObject({ case: 'Child X', type: 'serious-case-review' });
    expect(typedHeading('Child Q Action Plan')).toMatchObject({ case: 'Child Q', type: 'action-plan' });
  });

  it('ignores section headings and sentences that end in a type', () => {
    expect(typedHeading('Practice Learning Review')).toBeNull();
    expect(typedHeading('Multi-Agency Practice Learning Review')).toBeNull();
    expect(typedHeading('When to hold a child safeguarding practice review')).toBeNull();
    expect(typedHeading('Local Child Safeguarding Practice Review')).toBeNull();
  });
});

describe('undertakenSentence', () => {
  it('reads the case name in quotes and the type', () => {
    expect(undertakenSentence("A Serious Case Review has been carried out regarding the case of 'Milo'.")).toMatchObject({
      case: 'Milo',
      type: 'serious-case-review',
    });
    expect(undertakenSentence('An Alternative Learning Review has been completed into the case of ‘Rose and Lily’.')).toMatchObject({
      case: 'Rose and Lily',
      type: 'learning-review',
    });
  });

  it('needs a quoted name', () => {
    expect(undertakenSentence('A review has been undertaken in relation to a child in the area.')).toBeNull();
  });
});

describe('isCaseName', () => {
  it.each(['Child K', 'Baby A', 'Child A, B and C', 'Prada and Jordan', 'Milo'])('accepts %s', (name) => {
    expect(isCaseName(name)).toBe(true);
  });
  it.each(['Child', 'Local', 'Criteria for carrying out a', 'Final Report'])('rejects %s', (name) => {
    expect(isCaseName(name)).toBe(false);
  });
});
