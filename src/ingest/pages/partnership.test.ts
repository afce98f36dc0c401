import { describe, expect, it } from 'vitest';
import { derivePartnership } from './partnership.ts';

describe('derivePartnership', () => {
  it('takes a full name the page gives', () => {
    expect(derivePartnership('Reviews are published by Exampleshire Safeguarding Children Partnership each year.')).toBe(
      'Exampleshire Safeguarding Children Partnership',
    );
  });

  it('ignores national bodies and review names that contain "Safeguarding"', () => {
    const text = 'The Child Safeguarding Practice Review Panel said so. Reviews by Exampleshire Safeguarding Partnership follow.';
    expect(derivePartnership(text)).toBe('Exampleshire Safeguarding Partnership');
  });

  it('prefers the place mentioned most, in its shorter spelling on a tie', () => {
    const text =
      'Notes from Northtown Safeguarding. A statement by Northtown Safeguarding Partnership. ' +
      'Contact Northtown Safeguarding Partnership or Northtown Safeguarding. Southville Safeguarding Partnership agreed.';
    expect(derivePartnership(text)).toBe('Northtown Safeguarding');
  });

  it('renames an old board when the page calls its publisher the Safeguarding Partnership', () => {
    const text = 'In 2011, Easton Local Safeguarding Children Board published a review. Today the Safeguarding Partnership leads.';
    expect(derivePartnership(text)).toBe('Easton Safeguarding Children Partnership');
    expect(derivePartnership('In 2011, Easton Local Safeguarding Children Board published a review.')).toBe(
      'Easton Local Safeguarding Children Board',
    );
  });

  it('expands an abbreviation from a place the page mentions', () => {
    expect(derivePartnership('Reviews by the CQSCB of cases within Quayford.')).toBe('City of Quayford Safeguarding Children Board');
    expect(derivePartnership('The MSCP reviewed practice across Milltown.')).toBe('Milltown Safeguarding Children Partnership');
  });

  it('keeps a bare abbreviation when nothing expands it, and ignores generic LSCBs', () => {
    expect(derivePartnership('The JSCB has produced a process. Formerly LSCBs did this.')).toBe('JSCB');
    expect(derivePartnership('Formerly LSCBs did this; the LSCB met.')).toBeNull();
  });

  it('returns null for a page that names no partnership', () => {
    expect(derivePartnership('Guidance on reviews in England, from a national charity.')).toBeNull();
  });
});
