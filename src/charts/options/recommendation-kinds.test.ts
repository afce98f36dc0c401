import { describe, expect, it } from 'vitest';
import { kindsByYearOption, kindsByYearTitle, ownersTitle } from './recommendation-kinds.ts';

const rows = [
  { year: 2021, kind: 'training', recommendations: 3, total: 4, share: 0.75 },
  { year: 2021, kind: 'national', recommendations: 1, total: 4, share: 0.25 },
  { year: 2023, kind: 'training', recommendations: 2, total: 2, share: 1 },
];

describe('recommendation kind charts', () => {
  it('plots every year in the range (gaps as zero) as counts or shares, one series per kind present', () => {
    const counts = kindsByYearOption(rows, 'count');
    expect(counts.xAxis.data).toEqual(['2021', '2022', '2023']);
    expect(counts.series.map((s) => [s.name, s.data])).toEqual([['Training or awareness', [3, 0, 2]], ['National or legislative ask', [1, 0, 0]]]);
    expect(kindsByYearOption(rows, 'share').series[0]!.data).toEqual([0.75, 0, 1]);
  });

  it('states the finding in the title', () => {
    expect(kindsByYearTitle(rows)).toBe('6 recommendations from dated reviews; the commonest kind is training or awareness (83%)');
    expect(ownersTitle([{ owner: 'Police', open: 3, overdue: 1 }, { owner: 'No owner', open: 2, overdue: 0 }])).toBe('5 recommendations are open; 1 is past the due date');
  });
});
