import { describe, expect, it } from 'vitest';
import { roomWarning } from './storage-room.ts';

describe('roomWarning', () => {
  it('warns when the saved import may not fit in what is left of the quota', () => {
    expect(roomWarning({ usage: 9e6, quota: 10e6 }, 2e6, 'big.csv')).toMatch(/^This browser lets this site keep only about 1\.0 MB more, and saving big\.csv with its theme tags needs about 6\.0 MB/);
  });

  it('says nothing when it fits or the browser gives no estimate', () => {
    expect(roomWarning({ usage: 1e6, quota: 1e9 }, 2e6, 'a.csv')).toBeNull();
    expect(roomWarning(null, 2e9, 'a.csv')).toBeNull();
  });
});
