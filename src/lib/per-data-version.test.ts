import { describe, expect, it } from 'vitest';
import { PerDataVersion } from './per-data-version.ts';

describe('PerDataVersion', () => {
  it('loads once per owner and data version, keyed loads on top of the base', async () => {
    let bases = 0;
    const cache = new PerDataVersion<object, number, string>(async () => ++bases);
    const owner = {};
    expect(await cache.base(owner, 1)).toBe(1);
    expect(await cache.keyed(owner, 1, 'a', async (b) => `a${b}`)).toBe('a1');
    expect(await cache.keyed(owner, 1, 'a', async () => 'again')).toBe('a1');
    expect(await cache.base(owner, 2)).toBe(2);
    expect(await cache.keyed(owner, 2, 'a', async (b) => `a${b}`)).toBe('a2');
  });
  it('forgets a failed load, so the next caller loads again', async () => {
    let fail = true;
    const cache = new PerDataVersion<object, number, string>(async () => { if (fail) throw new Error('no'); return 7; });
    const owner = {};
    await expect(cache.base(owner, 1)).rejects.toThrow('no');
    fail = false;
    expect(await cache.base(owner, 1)).toBe(7);
    await expect(cache.keyed(owner, 1, 'k', async () => { throw new Error('bad'); })).rejects.toThrow('bad');
    expect(await cache.keyed(owner, 1, 'k', async () => 'ok')).toBe('ok');
  });
  it('gives what has arrived at once, only for its data version', async () => {
    const cache = new PerDataVersion<object, number, string>(async () => 5);
    const owner = {};
    expect(cache.settledBase(owner, 1)).toBeUndefined();
    const base = cache.base(owner, 1);
    expect(cache.settledBase(owner, 1)).toBeUndefined(); // still loading
    await base;
    expect(cache.settledBase(owner, 1)).toBe(5);
    expect(cache.settledKeyed(owner, 1, 'k')).toBeUndefined();
    await cache.keyed(owner, 1, 'k', async (b) => `k${b}`);
    expect(cache.settledKeyed(owner, 1, 'k')).toBe('k5');
    expect(cache.settledBase(owner, 2)).toBeUndefined();
    cache.prime(owner, 3, 9);
    expect(cache.settledBase(owner, 3)).toBe(9);
    expect(cache.settledKeyed(owner, 3, 'k')).toBeUndefined();
  });
  it('gives nothing at once for a failed keyed load', async () => {
    const cache = new PerDataVersion<object, number, string>(async () => 1);
    const owner = {};
    await expect(cache.keyed(owner, 1, 'k', async () => { throw new Error('bad'); })).rejects.toThrow('bad');
    expect(cache.settledKeyed(owner, 1, 'k')).toBeUndefined();
  });
});
