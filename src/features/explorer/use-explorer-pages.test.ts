import { describe, expect, it } from 'vitest';
import { pagesFor } from './use-explorer-pages.ts';

describe('pagesFor', () => {
  it('asks for the pages around the drawn rows, page 0 left to the always-loaded query', () => {
    expect(pagesFor(0, 16)).toEqual([]);
    expect(pagesFor(60, 80)).toEqual([1]);
    expect(pagesFor(180, 200, 100, 30)).toEqual([1, 2]);
    expect(pagesFor(1000, 1016, 100, 30)).toEqual([9, 10]);
    expect(pagesFor(0, 0)).toEqual([]);
  });
});
