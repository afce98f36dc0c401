import { describe, expect, it } from 'vitest';
import { checkRows, checkValue, problemLines } from './schema-rules.ts';

describe('schema rules (the same for every way in)', () => {
  it('keeps years inside what every view can hold', () => {
    expect(checkValue('reviews', 'year', 2024)).toBeNull();
    expect(checkValue('reviews', 'year', 99999)).toBe('99999 is outside 1900–2100');
    expect(checkValue('briefings', 'year', 1899)).toBe('1899 is outside 1900–2100');
    expect(checkValue('reviews', 'year', null)).toBeNull();
  });

  it('checks dates, months, ids, closed lists, tag sources and links', () => {
    expect(checkValue('reviews', 'published', '2023-13')).toBe('“2023-13” has no month 13');
    expect(checkValue('reviews', 'published', '2023-02-30')).toBe('“2023-02-30” has no day 30');
    expect(checkValue('reviews', 'published_on', '2023')).toMatch(/not a date written YYYY-MM-DD/);
    expect(checkValue('reviews', 'id', '')).toBe('is empty');
    expect(checkValue('reviews', 'id', null)).toBe('is missing');
    expect(checkValue('reviews', 'review_type', 'inquest')).toMatch(/^“inquest” is not a known review type/);
    expect(checkValue('theme_tags', 'source', 'guess')).toMatch(/^“guess” is not a known tag source/);
    expect(checkValue('reviews', 'source_url', 'javascript:alert(1)')).toMatch(/is not a web link \(http or https\)/);
    expect(checkValue('reviews', 'source_url', 'https://example.org/a')).toBeNull();
    expect(checkValue('tag_evidence', 'rank', 1.5)).toBe('1.5 is not a whole number');
    expect(checkValue('theme_tags', 'score', Number.NaN)).toBe('NaN is not a number');
  });

  it('lists problems by table, row and column, with a count of the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: `g${i}`, label: i < 25 ? '' : 'ok' }));
    rows[3]!.label = null as unknown as string;
    const { problems, count } = checkRows('theme_groups', rows);
    expect(count).toBe(1);
    expect(problemLines(problems, count)).toEqual(['theme groups row 4, label: is missing']);
  });
});
