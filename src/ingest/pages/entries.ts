/**
 * One-line entries that name a review, whatever order the page puts the parts
 * in: "Carl & Max – SPR published 17th March 2022", "Franklyn: Local Child
 * Safeguarding Practice Review – Child L 'Franklyn' report – January 2023",
 * "Case Review Learning Summary – Child F – September 2022", document links
 * ("Child D: Board response", "Overview Report Child I and Child M"), catalogue
 * headings ("2019 – Anonymous – Katie") and the prose that announces a
 * publication ("in June 2014 it published Serious Case Review Child C").
 */
import type { ReviewType } from '../../schema/records.ts';
import type { ReviewAnchor } from './anchors.ts';
import { isCaseName } from './anchors.ts';
import { DATE_SOURCE, parsePublishedDate, splitTrailingDate } from './dates.ts';
import { childName, cleanLabel } from './line-shapes.ts';
import { findReviewType } from './review-types.ts';

const TYPE_WORDS =
  /\b(?:local\s+)?(?:child\s+safeguarding|safeguarding\s+child(?:ren)?|safeguarding)\s+practice\s+review\b|\bserious\s+case\s+review\b|\b(?:multi-agency\s+|local\s+|partnership\s+|practice\s+|alternative\s+)*learning\s+(?:lessons\s+)?review\b|\brapid\s+review\b|\bthematic\s+review\b|\bcase\s+review\b|\b(?:l?cspr|lscpr|spr|scr|llr)s?\b/gi;
const DOC_SOURCE =
  '(?:final\\s+|full\\s+|summary\\s+|overview\\s+|improvement\\s+)?report|executive\\s+summary|(?:board|partnership|lscb|scp)\\s+response|(?:(?:7|seven)[\\s-]*minute\\s+|lessons?\\s+learn(?:ed|t)\\s+|practitioner\\s+|learning\\s+)?brief(?:ing)?|learning\\s+summary|(?:media\\s+)?statement|action\\s+plan';
const DOC_WORDS = new RegExp(`\\b(?:${DOC_SOURCE})\\b`, 'gi');
const ONLY_DOC = new RegExp(`^(?:(?:lscb|scp|wscb|board)\\s+)?(?:${DOC_SOURCE})$`, 'i');
const SEPARATOR = /\s+[-–—|]\s+|\s*[–—|]\s*/;
const PUBLISHED_PHRASE = new RegExp(`\\bpublished:?\\s+(?:on\\s+|in\\s+)?(${DATE_SOURCE})`, 'i');

export interface EntryParts extends ReviewAnchor {
  /** The document the line links to ("Board response", "Briefing"), when it names one. */
  doc: string | null;
}

/** A part of an entry reduced to the name it carries, without type, document or date words. */
function nameIn(part: string): string | null {
  const bare = part
    .replace(PUBLISHED_PHRASE, ' ')
    .replace(TYPE_WORDS, ' ')
    .replace(DOC_WORDS, ' ')
    .replace(/\b(?:lscb|lscp|scp|wscb|the)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:,]+|[\s\-–—:,]+$/g, '')
    .trim();
  if (!bare) return null;
  const child = childName(bare);
  if (child) return child;
  // "Child L ‘Franklyn’": the alias names the case.
  const alias = /["“‘']([A-Z][A-Za-z-]+)["”’']/.exec(bare);
  if (alias && childName(bare.replace(alias[0], '').trim())) return alias[1]!;
  const unquoted = bare.replace(/["“”‘’]/g, '').trim();
  if (/\.\S/.test(unquoted)) return null;
  return unquoted.split(/\s+/).length <= 4 && isCaseName(unquoted) ? unquoted : null;
}

function firstDate(text: string): string | null {
  const phrase = PUBLISHED_PHRASE.exec(text);
  if (phrase) return parsePublishedDate(phrase[1]!);
  for (const part of text.split(SEPARATOR)) {
    const only = parsePublishedDate(part.replace(/[()]/g, '').trim());
    if (only) return only;
    const trailing = splitTrailingDate(part);
    if (trailing && /\b(?:report|review|summary|brief(?:ing)?)$/i.test(trailing.before)) return trailing.published;
  }
  return null;
}

/**
 * A one-line review entry: its case name, type, date and linked document, or
 * null when the line is not one (it needs a name and a type, date or document).
 */
export function reviewEntry(line: string): EntryParts | null {
  let text = cleanLabel(line);
  // A quoted subtitle after a colon ("Child Q SCR: “Where were you ...?”") is not part of the name.
  text = text.replace(/:\s*["“‘'].*$/, '').trim();
  const wordCount = text.split(/\s+/).length;
  // Entries are labels; a sentence that mentions a review is prose.
  if (!text || wordCount > 20 || (/[.!?]["”’']?$/.test(text) && wordCount > 6) || /[.!?]\s+[A-Z]/.test(text)) return null;
  const label = /^([^:]{1,40}):\s+(.+)$/.exec(text);
  const rest = label ? label[2]! : text;
  const type = findReviewType(text);
  const published = firstDate(text);
  const parts = rest.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  const docPart = parts.map((p) => p.match(DOC_WORDS)?.[0] ?? null).find(Boolean) ?? null;
  let name = label ? nameIn(label[1]!) : null;
  for (const part of parts) name ??= nameIn(part.replace(new RegExp(`\\s*(?:${DATE_SOURCE})$`, 'i'), ''));
  // "Thematic Review of Contextual Safeguarding Responses ...": a titled review without a case name.
  if (!name && type && /\b(?:thematic|partnership|multi-agency|learning)\b.*\breview\b|\breview\s+(?:of|into)\b/i.test(parts[0] ?? '')) {
    const title = (parts[0] ?? '').replace(PUBLISHED_PHRASE, '').replace(/[\s,–-]+$/, '').trim();
    const beyondType = title.replace(TYPE_WORDS, ' ').replace(DOC_WORDS, ' ').trim().split(/\s+/).filter(Boolean).length;
    if (title.split(/\s+/).length <= 14 && beyondType >= 2) name = title;
  }
  if (!name || (!type && !published && !docPart)) return null;
  return { case: name, type, published, looksLikeCase: childName(name) !== null || isCaseName(name), doc: docPart };
}

/** "Child D: Briefing", "Child K Overview Report", "Serious Case Review - Child X - Executive Summary". */
export function documentLine(line: string): EntryParts | null {
  const text = cleanLabel(line);
  const colon = /^(.{2,40}?):\s*(.+)$/.exec(text);
  if (colon && ONLY_DOC.test(colon[2]!.trim())) {
    const name = nameIn(colon[1]!);
    return name ? { case: name, type: findReviewType(colon[1]!), published: null, looksLikeCase: true, doc: colon[2]!.trim() } : null;
  }
  const doc = text.match(DOC_WORDS)?.[0];
  if (!doc) return null;
  const parts = text.split(SEPARATOR).map((p) => splitTrailingDate(p)?.before ?? p);
  for (const part of parts) {
    const name = childName(part.replace(TYPE_WORDS, ' ').replace(DOC_WORDS, ' ').replace(/\b(?:lscb|the|of|for)\b/gi, ' ').replace(/\s+/g, ' ').trim());
    if (name) return { case: name, type: findReviewType(text), published: null, looksLikeCase: true, doc };
  }
  return null;
}

/** Whether a linked document is a briefing (its own record) rather than the report itself. */
export const isBriefingDocument = (doc: string | null) => !!doc && /\bbrief(?:ing)?\b/i.test(doc);

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const CATALOGUE_HEADING = new RegExp(`^((?:${MONTH}\\s+)?(?:19|20)\\d{2})\\s*[-–—]\\s*(.+?)\\s*[-–—]\\s*(.+?)$`);

export interface CatalogueHeading {
  published: string;
  partnership: string;
  case: string;
  type: ReviewType | null;
}

/** A national catalogue's entry heading: "2019 – Anonymous – Katie", "December 2014 – Blackpool - Child BR". */
export function catalogueHeading(line: string): CatalogueHeading | null {
  const m = CATALOGUE_HEADING.exec(line.trim());
  if (!m) return null;
  const [, when, partnership, rawCase] = m;
  const words = (s: string) => s.split(/\s+/).length;
  if (words(partnership!) > 9 || words(rawCase!) > 10 || /[.;!?]$/.test(rawCase!) || /^\d/.test(partnership!)) return null;
  const published = parsePublishedDate(when!);
  const typed = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(rawCase!);
  const type = typed ? findReviewType(typed[2]!) : null;
  const caseName = (type ? typed![1]! : rawCase!).replace(/["“”‘’]/g, '').trim();
  return published && caseName ? { published, partnership: partnership!.trim(), case: caseName, type } : null;
}

const DATE_HEADER = new RegExp(`^(?:date\\s+of\\s+publication|publication\\s+date|date\\s+published|published(?:\\s+(?:on|in))?)\\s*[:\\-–]?\\s*(${DATE_SOURCE})\\.?$`, 'i');

/** "Date of publication: 18th February 2015": a date for the entries listed under it. */
export function dateHeader(line: string): string | null {
  const m = DATE_HEADER.exec(line.trim());
  return m ? parsePublishedDate(m[1]!) : null;
}

const PROSE_REVIEW = new RegExp(
  `\\bpublish(?:ed|es)\\s+(?:the\\s+|a\\s+|an\\s+|its\\s+)?(?:(?:final|overview|full)\\s+)?(?:report\\s+(?:of|for)\\s+(?:the\\s+|a\\s+)?)?(${TYPE_WORDS.source})(?:\\s+report)?,?\\s+(?:(?:into|of|for|on|about|concerning|regarding)\\s+)?(?:the\\s+case\\s+of\\s+)?((?:["“‘']?[A-Z][\\w/&'’-]*["”’']?\\s*){1,5})`,
  'i',
);

/** "... it published Serious Case Review Child C which ..." → the review the sentence announces. */
export function proseReview(sentence: string): ReviewAnchor | null {
  const m = PROSE_REVIEW.exec(sentence);
  if (!m) return null;
  const words = m[2]!.trim().split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const name = childName(words.slice(0, n).join(' '));
    if (name) return { case: name, type: findReviewType(m[1]!), published: null, looksLikeCase: true };
  }
  return null;
}

const PROSE_BRIEFING = /\bpublish(?:ed|es)\s+(?:a|an|the|its)\s+((?:[A-Z][\w-]*\s+){0,4}[Bb]rief(?:ing)?)\b/;

/** "... published a LSCPR briefing concerning ..." → the briefing's title, or null. */
export function proseBriefing(sentence: string): string | null {
  return PROSE_BRIEFING.exec(sentence)?.[1]?.trim() ?? null;
}
