import { describe, expect, it } from 'vitest';
import { plural, pluralOf } from './plural.ts';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'review')).toBe('1 review');
    expect(plural(0, 'review')).toBe('0 reviews');
    expect(plural(2, 'tagged review')).toBe('2 tagged reviews');
    expect(plural(12345, 'briefing')).toBe('12,345 briefings');
    expect(plural(1, 'entry')).toBe('1 entry');
    expect(plural(3, 'entry')).toBe('3 entries');
    expect(pluralOf('day')).toBe('days');
    expect(plural(2, 'passage and text', 'passages and texts')).toBe('2 passages and texts');
  });
});
