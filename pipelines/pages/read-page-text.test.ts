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
    expect(readPageText(file('ok.txt', 'Child Q Action Plan\n'))).toEqual({ text: 'Child Q Action Plan\n' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello', 'utf16le')]);
    expect(readPageText(file('utf16.txt', utf16))).toEqual({ text: 'Hello' });
  });

  it.each([
    ['missing', () => join(dir, 'nope.txt'), /file not found/],
    ['a directory', () => dir, /is a directory/],
    ['empty', () => file('empty.txt', ' \n\t'), /file is empty/],
    ['binary', () => file('bin.dat', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14])), /looks binary/],
    ['not UTF-8', () => file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff])), /not valid UTF-8/],
  ])('explains a file that is %s', (_label, makePath, message) => {
    const path = makePath();
    const result = readPageText(path);
    expect(result).toEqual({ error: expect.stringMatching(message) });
    expect('error' in result && result.error.startsWith(path)).toBe(true);
  });
});
