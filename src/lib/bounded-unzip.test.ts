import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ExpansionLimitError, unzipBounded } from './bounded-unzip.ts';
import { zipBomb } from '../../tests/support/hostile-files.ts';

const MB = 1024 * 1024;

describe('unzipBounded', () => {
  it('unzips an ordinary archive', () => {
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('hello'), 'b.bin': new Uint8Array(1000) });
    const out = unzipBounded(zip, { maxBytes: MB });
    expect(new TextDecoder().decode(out['a.txt'])).toBe('hello');
    expect(out['b.bin']!.length).toBe(1000);
  });

  it('refuses a zip whose directory declares more than the limit, before inflating', () => {
    const bomb = zipBomb('sheet.xml', 20, 20 * MB);
    expect(() => unzipBounded(bomb, { maxBytes: 8 * MB })).toThrow(new ExpansionLimitError(8 * MB, 'sheet.xml', true));
    expect(() => unzipBounded(bomb, { maxBytes: 8 * MB })).toThrow('the file expands to more than 8 MB');
  });

  it('stops a zip that lies about its size once the inflated bytes pass the limit', () => {
    const bomb = zipBomb('sheet.xml', 40, 1000);
    let error: unknown;
    try {
      unzipBounded(bomb, { maxBytes: 8 * MB });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ExpansionLimitError);
    expect((error as ExpansionLimitError).declared).toBe(false);
  });
});
