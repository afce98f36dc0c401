import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ExpansionLimitError, unzipBounded } from './bounded-unzip.ts';

const MB = 1024 * 1024;

/** A zip with one stored-deflate entry of `mb` MB of zeros whose directory declares `declared` bytes. */
function zeroBomb(mb: number, declared: number): Uint8Array {
  const zeros = Buffer.alloc(mb * MB);
  const data = deflateRawSync(zeros, { level: 9 });
  const name = Buffer.from('sheet.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(declared, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(declared, 24); central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

describe('unzipBounded', () => {
  it('unzips an ordinary archive', () => {
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('hello'), 'b.bin': new Uint8Array(1000) });
    const out = unzipBounded(zip, { maxBytes: MB });
    expect(new TextDecoder().decode(out['a.txt'])).toBe('hello');
    expect(out['b.bin']!.length).toBe(1000);
  });

  it('refuses a zip whose directory declares more than the limit, before inflating', () => {
    const bomb = zeroBomb(20, 20 * MB);
    expect(() => unzipBounded(bomb, { maxBytes: 8 * MB })).toThrow(new ExpansionLimitError(8 * MB, 'sheet.xml', true));
    expect(() => unzipBounded(bomb, { maxBytes: 8 * MB })).toThrow('the file expands to more than 8 MB');
  });

  it('stops a zip that lies about its size once the inflated bytes pass the limit', () => {
    const bomb = zeroBomb(40, 1000);
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
