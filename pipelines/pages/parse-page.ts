/**
 * Turns the plain text of a safeguarding partnership's reviews page into
 * review and briefing records. Rules are general (headings, dated lists,
 * "has been undertaken" sentences, briefing link lines, finding lists), so the
 * next partnership's page needs no new code; see the sibling modules for each.
 */
import type { BriefingKind, ReviewType } from '../../src/schema/records.ts';
import { datedHeading, typedHeading, undertakenSentence, type ReviewAnchor } from './anchors.ts';
import { parseBriefingLine } from './briefing-lines.ts';
import { publishedDateInProse } from './dates.ts';
import { introducesFindings, isPageLevelHeading, listItemText, publishedLine } from './page-lines.ts';
import { derivePartnership } from './partnership.ts';
import { assumedReviewType } from './review-types.ts';

export interface PageReview {
  kind: 'review';
  partnership: string;
  case: string;
  type: ReviewType;
  published: string | null;
  findings: string[];
  briefings?: never;
  source: string | null;
  /** 1-based line of the page where the review is first named. */
  line: number;
}

export interface PageBriefing {
  kind: 'briefing';
  partnership: string;
  title: string;
  briefing_kind: BriefingKind;
  /** Case name of the review the briefing is listed under, or null. */
  review: string | null;
  published: string | null;
  source: string | null;
  /** The link text the title was cleaned from. */
  raw: string;
  line: number;
}

export type PageRecord = PageReview | PageBriefing;

export interface ParsePageOptions {
  /** Overrides the partnership name derived from the page. */
  partnership?: string;
  /** File name or URL recorded as each record's source. */
  sourceName?: string;
}

/** Used when neither the caller nor the page names the partnership. */
export const UNKNOWN_PARTNERSHIP = 'Unknown partnership';

interface DraftReview {
  anchor: ReviewAnchor;
  findings: string[];
  line: number;
}

const sameCase = (a: string, b: string) => normaliseCase(a) === normaliseCase(b);
const normaliseCase = (name: string) =>
  name
    .replace(/['‘’"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Walks the page line by line, keeping the review whose section we are in. */
class PageWalker {
  readonly reviews: DraftReview[] = [];
  readonly items: Array<DraftReview | Omit<PageBriefing, 'partnership' | 'source'>> = [];
  private current: DraftReview | null = null;
  private collectingFindings = false;

  visit(line: string, lineNumber: number): void {
    const briefings = parseBriefingLine(line);
    if (briefings.length > 0) {
      for (const b of briefings) {
        const review = this.current?.anchor.case ?? null;
        this.items.push({ kind: 'briefing', ...b, review, published: null, line: lineNumber });
      }
      this.collectingFindings = false;
      return;
    }
    const heading = datedHeading(line) ?? typedHeading(line);
    if (heading) return this.enter(heading, lineNumber);
    const item = listItemText(line);
    if (item !== null && this.collectingFindings && this.current) {
      this.current.findings.push(item);
      return;
    }
    this.collectingFindings = false;
    const sentence = undertakenSentence(line);
    if (sentence) this.enter(sentence, lineNumber);
    if (this.current && !this.current.anchor.published) {
      this.current.anchor.published = publishedLine(line) ?? publishedDateInProse(line);
    }
    if (this.current && introducesFindings(line)) this.collectingFindings = true;
    else if (!sentence && isPageLevelHeading(line)) this.current = null;
  }

  /** Makes the named review current, merging with one already seen under the same name. */
  private enter(anchor: ReviewAnchor, lineNumber: number): void {
    this.collectingFindings = false;
    const known = this.reviews.find(
      (r) =>
        sameCase(r.anchor.case, anchor.case) &&
        !(r.anchor.published && anchor.published && r.anchor.published !== anchor.published),
    );
    if (known) {
      known.anchor.type ??= anchor.type;
      known.anchor.published ??= anchor.published;
      this.current = known;
      return;
    }
    const draft: DraftReview = { anchor: { ...anchor }, findings: [], line: lineNumber };
    this.reviews.push(draft);
    this.items.push(draft);
    this.current = draft;
  }
}

/** Review and briefing records found on one page's text, in page order. */
export function parsePage(text: string, opts: ParsePageOptions = {}): PageRecord[] {
  const walker = new PageWalker();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/[\u00a0\u200b\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
    if (line) walker.visit(line, index + 1);
  });
  if (walker.items.length === 0) return [];

  const partnership = opts.partnership ?? derivePartnership(text) ?? UNKNOWN_PARTNERSHIP;
  const source = opts.sourceName ?? null;
  return walker.items.map((item): PageRecord => {
    if ('kind' in item) return { ...item, partnership, source };
    const { anchor } = item;
    return {
      kind: 'review',
      partnership,
      case: anchor.case,
      type: anchor.type ?? assumedReviewType(anchor.published, anchor.looksLikeCase),
      published: anchor.published,
      findings: item.findings,
      source,
      line: item.line,
    };
  });
}
