/**
 * Publication dates as partnership pages write them ("(published 31/01/11)",
 * "Published September 2023", "In 2012, ... has published"), reduced to the
 * precision the page gives: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 */
import { parseDate } from '../dates.ts';

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
  // "On 31st July 2024, the Board published ..."
  new RegExp(`^On (${DATE_SOURCE}),? [^.]*?\\bpublish`, 'i'),
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

const DATE_LINE = new RegExp(
  `^(?:(?:first\\s+)?(?:published|featured|issued|released)(?:\\s+(?:in|on))?(?:\\s+the)?\\s+)?(${DATE_SOURCE})\\b`,
  'i',
);

/**
 * A line that gives the date of the item above it: "Published in October 2021
 * issue of ...", "Featured in July 2024 ...", or a bare "May 2020" table cell.
 * "Updated" and incident dates ("In June 2021 Alsami ...") are not publication dates.
 */
export function publicationDateLine(line: string): string | null {
  const text = line.trim();
  const m = DATE_LINE.exec(text);
  if (!m) return null;
  const bare = m[0].length === m[1]!.length;
  // A bare date must be the whole line; a labelled one may run on ("... issue of Safeguarding Matters").
  if (bare && text.replace(/[.,;:]$/, '').length !== m[1]!.length) return null;
  return parsePublishedDate(m[1]!);
}

// The date must start a word: "GCP2 June 2020" is GCP2, dated June 2020.
const TRAILING_DATE = new RegExp(`^(.*?\\S)(?:\\s*[-–—|,(]\\s*|\\s+)(?:published:?\\s+(?:on\\s+|in\\s+)?)?(${DATE_SOURCE})\\)?$`, 'i');

/** "What is a Rapid Review May 2020" → the text and the date a table row ends with, or null. */
export function splitTrailingDate(line: string): { before: string; published: string } | null {
  const m = TRAILING_DATE.exec(line.trim());
  if (!m) return null;
  const published = parsePublishedDate(m[2]!);
  // A bare year glued to a title ("Thematic Review 2019") is part of the title, not a date.
  if (!published || (/^\d{4}$/.test(m[2]!) && !/[-–—|,(]\s*(?:published\s+)?\d{4}\)?$|published:?\s+(?:in\s+)?\d{4}\)?$/i.test(line.trim()))) return null;
  return { before: m[1]!.replace(/[\s\-–—|,(:]+$/, '').trim(), published };
}
