import { describe, expect, it } from 'vitest';
import { BOM, chartTableCsv, csvField, neutraliseFormula, toCsv } from './csv.ts';

describe('csv', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    }
    expect(neutraliseFormula('Neglect')).toBe('Neglect');
    expect(csvField('=1+2')).toBe("'=1+2");
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.125)).toBe('0.125');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('-3')).toBe("'-3");
  });

  it('quotes per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=a,b')).toBe(`"'=a,b"`);
    expect(csvField(null)).toBe('');
  });

  it('writes a BOM, a header and CRLF line ends', () => {
    const text = toCsv(['Year', 'Partnership'], [[2021, 'Bath and North East Somerset'], [2022, 'Brent, Harrow']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('Year,Partnership\r\n2021,Bath and North East Somerset\r\n2022,"Brent, Harrow"\r\n');
  });

  it('exports a chart table with raw numbers and formatted text', () => {
    const table = {
      columns: [
        { key: 'theme' as const, label: 'Theme', format: (v: unknown) => `Theme ${String(v)}` },
        { key: 'share' as const, label: 'Share', numeric: true, format: (v: unknown) => `${Number(v) * 100}%` },
      ],
      rows: [{ theme: 'neglect', share: 0.125 }, { theme: '=cmd', share: 0.5 }],
    };
    expect(chartTableCsv(table).slice(1).split('\r\n')).toEqual(['Theme,Share', 'Theme neglect,0.125', 'Theme =cmd,0.5', '']);
  });
});
