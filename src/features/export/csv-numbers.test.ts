import { describe, expect, it } from 'vitest';
import { chartTableCsv } from './csv.ts';
import { csvHeader, significant } from './csv-numbers.ts';

describe('CSV numbers as a reader expects', () => {
  it('writes shares as percentages to one decimal beside their count and base, points to one decimal, p to 3 significant figures', () => {
    const table = {
      columns: [
        { key: 'theme' as const, label: 'Theme' },
        { key: 'k' as const, label: 'Tagged 2022–2024', numeric: true, kind: 'count' as const },
        { key: 'n' as const, label: 'Tagged reviews 2022–2024', numeric: true, kind: 'base' as const },
        { key: 'share' as const, label: 'Share 2022–2024', numeric: true, kind: 'share' as const },
        { key: 'change' as const, label: 'Change', numeric: true, kind: 'points' as const },
        { key: 'p' as const, label: 'p (Fisher, one-sided)', numeric: true, kind: 'p' as const },
      ],
      rows: [
        { theme: 'Neglect', k: 1, n: 3, share: 1 / 3, change: -4.25, p: 0.1999999999999997 },
        { theme: 'Housing', k: 2, n: 5, share: 0.4, change: 12, p: 0.000012345 },
      ],
    };
    expect(chartTableCsv(table).slice(1).split('\r\n')).toEqual([
      'Theme,Tagged 2022–2024,Tagged reviews 2022–2024,Share 2022–2024 (%),Change (percentage points),"p (Fisher, one-sided)"',
      'Neglect,1,3,33.3,-4.3,0.200',
      'Housing,2,5,40.0,12.0,0.0000123',
      '',
    ]);
  });

  it('never writes a blank or ragged header', () => {
    expect(csvHeader({ key: 'recent', label: 'Tagged ' })).toBe('Tagged');
    expect(csvHeader({ key: 'recent', label: '  ' })).toBe('recent');
    expect(csvHeader({ key: 's', label: 'Share (%)', kind: 'share' })).toBe('Share (%)');
  });

  it('rounds to significant figures without float noise', () => {
    expect(significant(0.1999999999999997)).toBe('0.200');
    expect(significant(1)).toBe('1.00');
    expect(significant(0)).toBe('0');
    expect(significant(0.00001234567)).toBe('0.0000123');
  });
});
