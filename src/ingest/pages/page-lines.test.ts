import { describe, expect, it } from 'vitest';
import { introducesFindings, isPageLevelHeading, listItemText, publishedLine } from './page-lines.ts';

describe('listItemText', () => {
  it('strips bullets, numbers, footnote markers and trailing joiners', () => {
    expect(listItemText('  • checks under the Act (Housing Act 1996)2 were late; and')).toBe('checks under the Act (Housing Act 1996) were late');
    expect(listItemText('2. nobody asked the child')).toBe('nobody asked the child');
    expect(listItemText('- plans were not reviewed,')).toBe('plans were not reviewed');
  });

  it('returns null for ordinary lines', () => {
    expect(listItemText('Plans were not reviewed.')).toBeNull();
    expect(listItemText('e.g. this one')).toBeNull();
  });
});

describe('introducesFindings', () => {
  it.each(['The reasons for this include:', 'Key findings:', 'The review identified these issues:'])('accepts %j', (line) => {
    expect(introducesFindings(line)).toBe(true);
  });
  it.each(['Contact us:', 'The reasons are below.'])('rejects %j', (line) => {
    expect(introducesFindings(line)).toBe(false);
  });
});

describe('isPageLevelHeading', () => {
  it('recognises page sections that end a review', () => {
    expect(isPageLevelHeading('National Case Reviews pages')).toBe(true);
    expect(isPageLevelHeading('Further information')).toBe(true);
  });
  it('leaves headings inside a review alone', () => {
    expect(isPageLevelHeading('Key findings')).toBe(false);
    expect(isPageLevelHeading('Please read the reviews below.')).toBe(false);
  });
});

describe('publishedLine', () => {
  it('reads a line that only gives the publication date', () => {
    expect(publishedLine('Published: 3 May 2021')).toBe('2021-05-03');
    expect(publishedLine('Date published 2019')).toBe('2019');
    expect(publishedLine('Published by the partnership')).toBeNull();
  });
});
