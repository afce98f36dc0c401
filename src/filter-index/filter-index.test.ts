import { describe, expect, it } from 'vitest';
import { itemsByTheme, themeLists } from './filter-index.ts';

describe('theme lists', () => {
  it('are built from (item, theme) pairs and turned around to each theme\'s items, in item order', () => {
    // Item 0: themes 2; item 1: none; item 2: themes 0, 2; item 3: theme 0.
    const lists = themeLists(4, [0, 2, 2, 3], [2, 0, 2, 0]);
    expect([...lists.start]).toEqual([0, 1, 1, 3, 4]);
    expect([...lists.themes]).toEqual([2, 0, 2, 0]);
    const byTheme = itemsByTheme(lists, 3);
    expect([...byTheme.start]).toEqual([0, 2, 2, 4]);
    expect([...byTheme.items]).toEqual([2, 3, 0, 2]);
  });
});
