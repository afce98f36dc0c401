import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.ts';

describe('parseDate', () => {
  it.each([
    ['2022', '2022', '2022-01-01'],
    ['2022-03', '2022-03', '2022-03-01'],
    ['2022-03-14', '2022-03-14', '2022-03-14'],
    ['2022-03-14T00:00:00.000Z', '2022-03-14', '2022-03-14'],
    ['14/03/2022', '2022-03-14', '2022-03-14'],
    ['04/03/2022', '2022-03-04', '2022-03-04'],
    ['4.3.22', '2022-03-04', '2022-03-04'],
    // A two-digit year from 70 up is last century's, as on partnership pages.
    ['4.3.95', '1995-03-04', '1995-03-04'],
    ['03/2022', '2022-03', '2022-03-01'],
    ['March 2022', '2022-03', '2022-03-01'],
    ['Sept 2021', '2021-09', '2021-09-01'],
    ['14th March 2022', '2022-03-14', '2022-03-14'],
    ['March 14, 2022', '2022-03-14', '2022-03-14'],
    ['44634', '2022-03-14', '2022-03-14'],
  ])('reads %s', (raw, published, publishedOn) => {
    expect(parseDate(raw)).toEqual({ published, published_on: publishedOn, year: Number(published.slice(0, 4)) });
  });

  it.each(['31/13/2021', '30/02/2021', 'soon', 'Marchember 2022', '1850', '2022-13'])('rejects %s', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it('treats blank as no date', () => {
    expect(parseDate('  ')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });
});
