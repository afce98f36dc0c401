import { describe, expect, it } from 'vitest';
import { parsePublishedDate, publishedDateInProse } from './dates.ts';

describe('parsePublishedDate', () => {
  it.each([
    ['12/03/19', '2019-03-12'],
    ['24/1/13', '2013-01-24'],
    ['31/01/2011', '2011-01-31'],
    ['5.6.2020', '2020-06-05'],
    ['2021-11-02', '2021-11-02'],
    ['March 2022', '2022-03'],
    ['Sept 2020', '2020-09'],
    ['3rd May 2019', '2019-05-03'],
    ['14 February, 2020', '2020-02-14'],
    ['2022', '2022'],
  ])('%s → %s', (text, iso) => {
    expect(parsePublishedDate(text)).toBe(iso);
  });

  it.each(['31/02/20', '13/13/13', 'Smarch 2020', 'soon', '1850', ''])('rejects %j', (text) => {
    expect(parsePublishedDate(text)).toBeNull();
  });
});

describe('publishedDateInProse', () => {
  it('reads a year that leads a sentence about publishing', () => {
    expect(publishedDateInProse('In 2015, the Board has published its review of the case.')).toBe('2015');
  });

  it('reads "published in/on <date>"', () => {
    expect(publishedDateInProse('The overview was published in June 2018 after the trial.')).toBe('2018-06');
    expect(publishedDateInProse('It was published on 02/07/21.')).toBe('2021-07-02');
  });

  it('ignores years that do not date a publication', () => {
    expect(publishedDateInProse('The family moved in 2014 and the review began in 2016.')).toBeNull();
    expect(publishedDateInProse('Reports published prior to 2018 are kept elsewhere.')).toBeNull();
  });
});
