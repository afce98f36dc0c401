import { describe, expect, it } from 'vitest';
import { describeRaggedRow, readDelimited } from './csv-shape.ts';

describe('readDelimited', () => {
  it('reads quoted fields with delimiters, quotes and line breaks', async () => {
    const g = await readDelimited('a,b,c\r\n1,"x, ""y""",3\n"multi\nline",, z \n', ',');
    expect(g.header).toEqual(['a', 'b', 'c']);
    expect(g.rows).toEqual([['1', 'x, "y"', '3'], ['multi\nline', null, 'z']]);
    expect(g.ragged).toEqual([]);
  });

  it('lists ragged rows by spreadsheet row number with expected and found cell counts', async () => {
    const g = await readDelimited('a,b,c\n1,2,3\n\n4,5\n6,7,8,9\n"x\ny",z,w\n', ',');
    expect(g.ragged).toEqual([{ row: 4, expected: 3, found: 2 }, { row: 5, expected: 3, found: 4 }]);
    expect(g.rows[1]).toEqual([null, null, null]); // a blank line stays a blank row, so numbers match
    expect(g.rows[4]).toEqual(['x\ny', 'z', 'w']);
    expect(describeRaggedRow(g.ragged[0]!)).toBe('row 4: 3 cells expected, 2 found');
  });

  it('keeps a last record that ends in a delimiter with no line break after it', async () => {
    const g = await readDelimited('a,b,c\n1,2,3\n4,5,', ',');
    expect(g.rows).toEqual([['1', '2', '3'], ['4', '5', null]]);
  });

  it('reads tabs and a trailing delimiter as an empty last cell', async () => {
    const g = await readDelimited('a\tb\n1\t\n', '\t');
    expect(g.rows).toEqual([['1', null]]);
    expect(g.ragged).toEqual([]);
  });

  it('yields between slices of a big text and stops when cancelled', async () => {
    const text = 'a,b\n' + 'x,y\n'.repeat(400_000);
    let pauses = 0;
    const g = await readDelimited(text, ',', { pause: async () => void pauses++ });
    expect(g.rows.length).toBe(400_000);
    expect(pauses).toBeGreaterThan(0);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(readDelimited(text, ',', { signal: ctrl.signal })).rejects.toThrow();
  });
});

describe('readDelimited over parts', () => {
  // Quotes, doubled quotes, CRLF, line breaks inside quotes, a trailing delimiter, ragged rows and blank lines.
  const text = 'id,name,note\r\n1,"Ann ""A""",x\r\n2,"multi\r\nline, with comma",\n3,plain,"end"\n\n4,short\n5,a,b,c\r\n6,"",last,';
  it('reads the same records however the text is cut into parts', async () => {
    const whole = await readDelimited(text, ',');
    for (let a = 0; a <= text.length; a++) {
      for (const b of [a, Math.min(text.length, a + 1), Math.min(text.length, a + 7)]) {
        const parts = [text.slice(0, a), text.slice(a, b), text.slice(b)];
        expect(await readDelimited(parts, ','), `cut at ${a} and ${b}`).toEqual(whole);
      }
    }
  });

  it('reads a file cut into many small parts as one', async () => {
    const parts = text.match(/[^]{1,3}/g)!;
    expect(await readDelimited(parts, ',')).toEqual(await readDelimited(text, ','));
  });
});
