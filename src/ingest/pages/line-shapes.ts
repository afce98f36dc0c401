/**
 * What kind of line a page line is, judged from its shape alone: a section
 * heading, a navigation or template link, prose, a list-entry title, a child's
 * case name. These shapes recur on every partnership's page, whatever its
 * layout, so the reader needs no rule per site.
 */

/** A link label's file note: "(PDF, 224 Kb)", "[319kb]", "(DOCX 1MB)". */
const FILE_NOTE = /\s*[([](?:pdf|docx?|pptx?|xlsx?|[\d.,]+\s*[km]b)\b[^)\]]*[)\]]/gi;
const LINK_ICON = /^(?:pdf|word|doc|file|download)\s+icon\s+/i;

/** Text of a link label without icons, file notes and wrapping quotes. */
export function cleanLabel(text: string): string {
  return text
    .replace(LINK_ICON, '')
    .replace(FILE_NOTE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”'‘’]+(.*?)["“”'‘’]+$/, '$1')
    .replace(/[\s:|]+$/, '')
    .trim();
}

const NAVIGATION = [
  /^(?:what|how|why|who|where|when|which|can|do|does)\b.*\?$/i,
  /^let us know\b|^tell us\b|^have your say\b/i,
  /^(?:you are here|skip to|toggle|print|menu|home|back to|share|search|log ?in|sign ?up|contact us|accessibility|hide this page|exit site|top of page|members login)\b/i,
  /^(?:view|click|download|read|see|find|visit|go to|open|browse)\b/i,
  /\b(?:click here|here\.?$|read more|more information|find out more)\b/i,
  /\b(?:action plan (?:template|proforma)|template|proforma|feedback form|evaluation form)\b/i,
  /^(?:a )?guide to\b|\bguide to writing\b|\b(?:quick )?guide$/i,
  /\b(?:will be|to be) (?:added|published|uploaded)\b|\bwhen available\b|\bcoming soon\b/i,
  / \| .* \| /,
  // A table's header row ("Title | Date Published") names columns, not a record.
  /^(?!.*\b(?:19|20)\d{2}\b).*\b(?:date published|published date|date of publication)$/i,
];

/** Navigation, placeholders and template links: never a review or a briefing. */
export function isNavigation(text: string): boolean {
  return NAVIGATION.some((p) => p.test(text));
}

const MAX_TITLE_WORDS = 16;

/** A short label-like line (a heading or a list entry), not a sentence of prose. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 160) return false;
  const words = t.split(/\s+/).length;
  if (words > MAX_TITLE_WORDS) return false;
  if (/[.;:!]$/.test(t) && !/\b(?:etc|no|vol)\.$/i.test(t)) return false;
  // A short question can be a title ("Is Care Good Enough?"); a long one is prose.
  if (/\?$/.test(t) && words > 8) return false;
  if (/[.!?]\s+[A-Z]/.test(t)) return false;
  return /^[A-Z0-9"“‘'(£]/.test(t);
}

/** A line ending in a colon introduces details ("Key Learning Themes:"), not an entry. */
export const isLabelLine = (text: string) => /:$/.test(text.trim()) && text.trim().split(/\s+/).length <= 8;

export type Section = 'briefings' | 'reviews' | 'national' | 'neutral';

/**
 * The kind of section a heading opens. Headings naming briefings open a
 * briefing list, reviews a review list; national material is not the
 * partnership's own and is skipped.
 */
export function headingSection(text: string): Section | null {
  const t = text.trim();
  if (!isTitleLike(t) || t.split(/\s+/).length > 10) return null;
  if (/\bnational\b|\btriennial\b|\bpanel\b|\bnspcc\b|\bdomestic homicide\b|\bsafeguarding adults?\b|\badult reviews?\b/i.test(t)) return 'national';
  if (/\b(?:(?:7|seven)[\s-]*min(?:ute)?s?[\s-]*)?(?:briefings|briefs|learning summaries|learning briefs|lessons learned)\b|\b(?:7|seven)[\s-]*minute\b/i.test(t)) return 'briefings';
  if (/\b(?:reviews|scrs|csprs|lcsprs)\b|\blearning from (?:practice|cases?)\b/i.test(t)) return 'reviews';
  return null;
}

const NAME_TOKEN = "(?:[A-Z]{1,3}\\d{0,3}|[A-Z][a-z]+|\\d{1,3})";
const NAME_HEAD = '(?:Child(?:ren)?(?:\\s*/\\s*Adult)?|Bab(?:y|ies)|Infant|Young\\s+Person|Sibling|Family|Case|Adult|Person|Subject)';
const CHILD_NAME = new RegExp(
  `^${NAME_HEAD}s?\\s+${NAME_TOKEN}(?:\\s*(?:,|&|and|/)\\s*(?:${NAME_HEAD}\\s+)?${NAME_TOKEN})*$`,
);
const QUOTED_ALIAS = /^["“‘']([A-Z][A-Za-z-]+(?:\s*(?:&|and)\s*["“‘']?[A-Z][A-Za-z-]+)?)["”’']$/;

/**
 * A child's case name as reviews are named: "Child X", "Baby N", "Case GN13",
 * "Child/Adult Y", "Child A & Baby N", "Child J and Child K", or a quoted alias.
 * Returns the name without quotes, or null.
 */
export function childName(text: string): string | null {
  const t = text.trim().replace(/[:,]$/, '');
  const unquoted = t.replace(/["“”‘’]|(?<=\s|^)'|'(?=\s|$)/g, '').replace(/\s+/g, ' ').trim();
  if (CHILD_NAME.test(unquoted) && !/^(?:Children|Family|Case|Adult|Person|Subject)s?\s+[A-Z][a-z]+$/.test(unquoted)) return unquoted;
  const alias = QUOTED_ALIAS.exec(t);
  return alias ? alias[1]!.replace(/["“”‘’']/g, '') : null;
}

/** Case names compared without quotes, case, "&"/"and" or a leading "Child". */
export function caseKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/["“”‘’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
