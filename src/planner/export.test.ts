import { describe, expect, it } from 'vitest';
import { BOM, csvField, NumberText, toCsv } from '../lib/csv.ts';
import { plannerCsv, plannerFileName, plannerRecords, PLANNER_CSV_HEADER } from './export.ts';
import { rankThemes, DEFAULT_WEIGHTS, type ThemeCoverage } from './score.ts';

describe('csv', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) expect(csvField(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('plain')).toBe('plain');
  });

  it('quotes commas, quotes and line breaks; writes BOM and CRLF', () => {
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(toCsv(['h'], [['x\ny'], [null]])).toBe(`${BOM}h\r\n"x\ny"\r\n\r\n`);
  });
});

describe('planner export', () => {
  const rows: ThemeCoverage[] = [
    { theme_id: 'x', label: '=Risky label', group_label: 'G', window_total: 4, window_reviews: 3, before_total: 0, before_reviews: 0, briefings: 0, briefings_recent: 0, briefings_undated: 0, latest_briefing_year: null, latest_briefing: null },
    { theme_id: 'y', label: 'Y', group_label: 'G', window_total: 4, window_reviews: 3, before_total: 0, before_reviews: 0, briefings: 2, briefings_recent: 1, briefings_undated: 1, latest_briefing_year: 2024, latest_briefing: '2024-02' },
  ];
  const ranking = rankThemes(rows, DEFAULT_WEIGHTS, { setApartBriefed: false });
  const w = { from: 2022, to: 2024 };

  it('writes one record per ranked theme with the on-screen numbers', () => {
    const records = plannerRecords(ranking, w, 2024);
    expect(records).toHaveLength(2);
    expect(records[0]!.slice(0, 9)).toEqual([1, '=Risky label', 'G', 80, 3, 4, new NumberText('75.0'), null, 'not compared']);
    expect(records[1]!.slice(9, 13)).toEqual([2, 1, 1, 'Feb 2024']);
    expect(records[0]!).toHaveLength(PLANNER_CSV_HEADER.length);
  });

  it('makes a safe document and a descriptive file name', () => {
    const csv = plannerCsv(ranking, w, 2024);
    expect(csv.startsWith(BOM + 'Rank,Theme,')).toBe(true);
    expect(csv).toContain("\r\n1,'=Risky label,G,80,");
    expect(plannerFileName(['warwickshire'], w)).toBe('briefing-planner-warwickshire-2022-2024.csv');
    expect(plannerFileName([], { from: 2024, to: 2024 })).toBe('briefing-planner-all-partnerships-2024.csv');
  });
});
