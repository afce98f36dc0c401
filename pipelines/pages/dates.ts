/**
 * Publication dates as partnership pages write them ("(published 31/01/11)",
 * "Published September 2023", "In 2012, ... has published"), reduced to the
 * precision the page gives: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 */
import { parseDate } from '../../src/ingest/dates.ts';

const MONTH_SOURCE = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** Regex source matching any date form `parsePublishedDate` understands (no groups). */
export const DATE_SOURCE = [
  '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})',
  '\\d{4}-\\d{2}-\\d{2}',
  `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_SOURCE}\\.?,?\\s+\\d{4}`,
  `${MONTH_SOURCE}\\.?,?\\s+\\d{4}`,
  '(?:19|20)\\d{2}',
]
  .map((s) => `(?:${s})`)
  .join('|');

/**
 * A date written on a UK page, as `YYYY-MM-DD` / `YYYY-MM` / `YYYY`, or null:
 * the app's date parser (src/ingest/dates.ts), at the precision given.
 */
export function parsePublishedDate(text: string): string | null {
  return parseDate(text)?.published ?? null;
}

const PUBLISHED_IN_PROSE = [
  // "In 2012, the Board has published its review ..."
  new RegExp(`\\bIn (${DATE_SOURCE}),? [^.]*?\\bpublish`, 'i'),
  // "... was published in March 2021" / "published on 3 May 2019"
  new RegExp(`\\bpublished (?:in|on) (${DATE_SOURCE})\\b`, 'i'),
];

/** The publication date a prose sentence states about a review, or null. */
export function publishedDateInProse(sentence: string): string | null {
  for (const pattern of PUBLISHED_IN_PROSE) {
    const m = pattern.exec(sentence);
    const date = m ? parsePublishedDate(m[1]!) : null;
    if (date) return date;
  }
  return null;
}
