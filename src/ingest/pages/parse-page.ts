/**
 * Turns the plain text of a safeguarding partnership's page (or a national
 * catalogue listing) into review and briefing records. The reader knows line
 * shapes, not sites: headings that open briefing or review sections, dated
 * and typed entries, document links grouped by case name, tables of
 * documents, date headers, catalogue headings, and the prose that announces a
 * publication (see page-walker.ts and its sibling modules).
 * Pure: runs in Node (the CLI) and in the browser (the Import view).
 */
import type { BriefingKind, ReviewType } from '../../schema/records.ts';
import { nationOf, type Nation } from './nations.ts';
import { PageWalker, type DraftReview } from './page-walker.ts';
import { areaInAddress, areaInName } from './partnership-area.ts';
import { derivePartnership } from './partnership.ts';
import { assumedReviewType } from './review-types.ts';

interface Provenance {
  /** The page's publisher as the page names it. */
  partnership: string;
  /** The English partnership area it matches, or null. */
  partnership_area: string | null;
  nation: Nation | null;
  /** File name the record was read from. */
  source: string | null;
  /** Web address of the page, when the caller or the page names one. */
  address: string | null;
  /** Date the page was read (YYYY-MM-DD), when the caller gives it. */
  read_on: string | null;
  /** 1-based line where the record is first named. */
  line: number;
  /** Every line the record was read from. */
  lines: number[];
}

export interface PageReview extends Provenance {
  kind: 'review';
  case: string;
  type: ReviewType;
  /** Publication date at the page's precision; never guessed. */
  published: string | null;
  findings: string[];
  /** True for a national catalogue entry, which names its own partnership. */
  catalogue: boolean;
  briefings?: never;
}

export interface PageBriefing extends Provenance {
  kind: 'briefing';
  title: string;
  briefing_kind: BriefingKind;
  /** Case name of the review the briefing belongs to, or null. */
  review: string | null;
  /** The line of that review's record on this page, when the briefing sits under it (names repeat: the line does not). */
  review_line: number | null;
  published: string | null;
  /** The label the title was cleaned from. */
  raw: string;
}

export type PageRecord = PageReview | PageBriefing;

export interface ParsePageOptions {
  /** Overrides the partnership name derived from the page. */
  partnership?: string;
  /** File name recorded as each record's source. */
  sourceName?: string;
  /** The page's web address, when known (a saved page's canonical link). */
  address?: string | null;
  /** The date the page was read, YYYY-MM-DD. */
  readOn?: string | null;
}

/** Used when neither the caller nor the page names the partnership. */
export const UNKNOWN_PARTNERSHIP = 'Unknown partnership';

/** The first web address the page states on a line of its own ("Source: https://…"). */
function statedAddress(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 8)) {
    const m = /^(?:(?:source|url|address|page|saved from)\s*:?\s*)?<?(https?:\/\/[^\s>]+)>?$/i.exec(line.trim());
    if (m) return m[1]!;
  }
  return null;
}

function reviewRecord(draft: DraftReview, base: Omit<Provenance, 'line' | 'lines'>): PageReview {
  const { anchor } = draft;
  const partnership = draft.partnership ?? base.partnership;
  const own = draft.partnership !== undefined;
  return {
    kind: 'review',
    ...base,
    partnership,
    partnership_area: own ? areaInName(partnership) : base.partnership_area,
    nation: own ? nationOf(partnership, draft.text) : base.nation,
    case: anchor.case,
    type: anchor.type ?? assumedReviewType(anchor.published, anchor.looksLikeCase),
    published: anchor.published,
    findings: draft.findings,
    catalogue: own,
    line: draft.line,
    lines: [...new Set(draft.lines)].sort((a, b) => a - b),
  };
}

/** Review and briefing records found on one page's text, in page order. */
export function parsePage(text: string, opts: ParsePageOptions = {}): PageRecord[] {
  const rawLines = text.split(/\r\n|\r|\n/);
  const walker = new PageWalker(rawLines);
  walker.walk();
  if (walker.items.length === 0) return [];

  const address = opts.address ?? statedAddress(rawLines);
  const named = opts.partnership ?? derivePartnership(text);
  const partnership = named ?? UNKNOWN_PARTNERSHIP;
  const area = areaInName(named) ?? (opts.partnership ? null : areaInAddress(address));
  const base = {
    partnership,
    partnership_area: area,
    nation: area ? ('England' as const) : nationOf(named, text),
    source: opts.sourceName ?? null,
    address,
    read_on: opts.readOn ?? null,
  };
  return walker.items.map((item): PageRecord => {
    if (item.kind === 'briefing') {
      const owner = item.reviewDraft;
      const partnershipOf = owner?.partnership ?? partnership;
      return {
        ...base,
        kind: 'briefing',
        partnership: partnershipOf,
        partnership_area: owner?.partnership !== undefined ? areaInName(partnershipOf) : base.partnership_area,
        nation: owner?.partnership !== undefined ? nationOf(partnershipOf, owner.text) : base.nation,
        title: item.title,
        briefing_kind: item.briefing_kind,
        review: owner?.anchor.case ?? item.reviewName ?? null,
        review_line: owner?.line ?? null,
        published: item.published,
        raw: item.raw,
        line: item.line,
        lines: [item.line],
      };
    }
    return reviewRecord(item.draft, base);
  });
}
