import { describe, expect, it } from 'vitest';
import { documentHeading } from './document-heading.ts';

describe('documentHeading', () => {
  it('takes the first heading-like line, skipping page numbers and markings', () => {
    expect(documentHeading('OFFICIAL\n\n1\nChild Safeguarding Practice Review: Child Amber\nNorthshire Safeguarding Children Partnership\n')).toBe('Child Safeguarding Practice Review: Child Amber');
  });

  it('does not take a body sentence as a title', () => {
    expect(documentHeading('The review found that professionals did not share what they knew about the risks to the baby at home.')).toBeNull();
  });

  it('has no heading for empty or number-only text', () => {
    expect(documentHeading('')).toBeNull();
    expect(documentHeading('12\n\n13')).toBeNull();
  });
});
