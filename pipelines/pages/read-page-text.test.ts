import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPageText } from './read-page-text.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-page-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readPageText', () => {
  it('reads UTF-8 and BOM-marked UTF-16 text', () => {
    expect(readPageText(file('ok.txt', 'Child Q Action Plan\n'))).toMatchObject({ text: 'Child Q Action Plan\n', note: null });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello', 'utf16le')]);
    expect(readPageText(file('utf16.txt', utf16))).toMatchObject({ text: 'Hello' });
  });

  it('reads Windows-1252 text and says so', () => {
    const result = readPageText(file('latin1.txt', new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x96, 0x20, 0x32, 0x30, 0x32, 0x31])));
    expect(result).toMatchObject({ text: 'Zoë – 2021', note: expect.stringMatching(/not UTF-8; it was read as Windows-1252/) });
  });

  it('reads a saved HTML page in the charset it declares, without its scripts', () => {
    const html = '<html><head><meta charset="iso-8859-1"><script>alert(1)</script></head><body><h1>Reviews</h1><ul><li>Child \xc9 \x96 published 2020</li></ul></body></html>';
    const result = readPageText(file('page.htm', Buffer.from(html, 'latin1')));
    expect(result).toMatchObject({ text: 'Reviews\n\n• Child É – published 2020' });
  });

  it.each([
    ['missing', () => join(dir, 'nope.txt'), /file not found/],
    ['a directory', () => dir, /is a directory/],
    ['empty', () => file('empty.txt', ' \n\t'), /file is empty/],
    ['binary', () => file('bin.dat', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14])), /looks binary/],
    ['in an encoding this reader lacks', () => file('odd.html', '<meta charset="x-unknown-7"><p>Child A</p>'), /declares the encoding "x-unknown-7"/],
  ])('explains a file that is %s', (_label, makePath, message) => {
    const path = makePath();
    const result = readPageText(path);
    expect(result).toEqual({ error: expect.stringMatching(message) });
    expect('error' in result && result.error.startsWith(path)).toBe(true);
  });
});
