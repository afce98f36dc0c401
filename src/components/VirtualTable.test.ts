import { describe, expect, it } from 'vitest';
import { segments } from './HighlightedText.tsx';
import { visibleRange } from './VirtualTable.tsx';

describe('visibleRange', () => {
  it('draws only the rows in view plus overscan', () => {
    expect(visibleRange(0, 500, 50, 15000, 5)).toEqual([0, 15]);
    expect(visibleRange(50 * 1000, 500, 50, 15000, 5)).toEqual([995, 1015]);
    expect(visibleRange(50 * 14990, 500, 50, 15000, 5)).toEqual([14985, 15000]);
    expect(visibleRange(0, 500, 50, 0, 5)).toEqual([0, 0]);
  });
});

describe('highlight segments', () => {
  it('cuts at every boundary so overlapping highlights both apply', () => {
    const s = segments(10, [{ start: 2, end: 6, className: 'a' }, { start: 4, end: 8, className: 'b' }, { start: 9, end: 99, className: 'bad' }]);
    expect(s.map((x) => [x.start, x.end, x.marks.map((m) => m.className).join('+')])).toEqual([
      [0, 2, ''], [2, 4, 'a'], [4, 6, 'a+b'], [6, 8, 'b'], [8, 10, ''],
    ]);
  });
});
