import { describe, expect, it } from 'vitest';
import { DEFAULT_SMALL_NUMBERS, suppressRows, suppressionNote, type SuppressionColumn } from './small-numbers.ts';

const columns: SuppressionColumn[] = [
  { key: 'theme', label: 'Theme' },
  { key: 'reviews', label: 'Reviews with theme', suppression: { kind: 'count' } },
  { key: 'total', label: 'Tagged reviews', suppression: { kind: 'count' } },
  { key: 'share', label: 'Share', suppression: { kind: 'share', count: 'reviews', base: 'total' } },
];
const rows = [
  { theme: 'Neglect', reviews: 30, total: 60, share: 0.5 },
  { theme: 'Online harm', reviews: 3, total: 60, share: 0.05 },
  { theme: 'Missing', reviews: 0, total: 60, share: 0 },
  { theme: 'Neglect', reviews: 6, total: 8, share: 0.75 },
];
const cell = (r: Record<string, unknown>, c: SuppressionColumn) => r[c.key];

describe('small-number protection', () => {
  it('hides counts from 1 to 4, and the share that would reveal them; keeps zero', () => {
    const t = suppressRows(columns, rows, cell, DEFAULT_SMALL_NUMBERS);
    expect(t.rows[1]).toEqual(['Online harm', 'fewer than 5', 60, 'hidden (small count)', '']);
    expect(t.rows[2]).toEqual(['Missing', 0, 60, 0, '']);
    expect(t.hiddenCounts).toBe(1);
  });

  it('marks shares on fewer than 10 reviews in a column of their own', () => {
    const t = suppressRows(columns, rows, cell, DEFAULT_SMALL_NUMBERS);
    expect(t.columns.at(-1)).toBe('Small base');
    expect(t.rows[3]).toEqual(['Neglect', 6, 8, 0.75, 'share on fewer than 10 reviews']);
    expect(t.smallBaseRows).toBe(1);
  });

  it('follows the threshold the user set, and passes everything through when switched off', () => {
    expect(suppressRows(columns, rows, cell, { ...DEFAULT_SMALL_NUMBERS, threshold: 10 }).rows[3]![1]).toBe('fewer than 10');
    const off = { ...DEFAULT_SMALL_NUMBERS, enabled: false };
    const t = suppressRows(columns, rows, cell, off);
    expect(t.rows[1]).toEqual(['Online harm', 3, 60, 0.05]);
    expect(suppressionNote(t, off)).toMatch(/switched off/);
  });

  it('says what it did', () => {
    const t = suppressRows(columns, rows, cell, DEFAULT_SMALL_NUMBERS);
    expect(suppressionNote(t, DEFAULT_SMALL_NUMBERS)).toMatch(/applied.*"fewer than 5" \(1 hidden here\).*\(1 here\)/);
  });
});
