/**
 * The Import view's preview of a partnership's page: the reader's records as
 * an editable tree (reviews with their briefings nested, then briefings that
 * belong to no review), duplicates of stored records marked, and the conversion
 * of what the user keeps into import records. Pure: no React, no engine.
 */
import { partnershipAreaName, partnershipId, slugify } from '../../schema/partnership-name.ts';
import type { Briefing, BriefingKind, Partnership, Review, ReviewType } from '../../schema/records.ts';
import { briefingKey } from '../merge-briefings.ts';
import { madeUpReviewIds, reviewCaseKey } from '../merge-reviews.ts';
import { emptyRecords, type ImportRecords } from '../metadata-records.ts';
import regions from '../../../data/reference/england-partnership-regions.json';
import { pageTextFromBytes, pageTextFromString, type PageText } from './page-bytes.ts';
import { parsePage, type PageBriefing, type PageRecord, type PageReview } from './parse-page.ts';

export interface PreviewBriefing {
  key: string;
  include: boolean;
  title: string;
  kind: BriefingKind;
  published: string;
  line: number;
  /** The page line the briefing was read from. */
  source: string;
  duplicate: boolean;
}

export interface PreviewReview {
  key: string;
  include: boolean;
  case: string;
  type: ReviewType;
  published: string;
  line: number;
  source: string;
  duplicate: boolean;
  /** Set for catalogue entries that name their own partnership. */
  partnership: string | null;
  briefings: PreviewBriefing[];
}

export interface PagePreview {
  /** The publisher read from the page, or '' when the page does not name it (the user must). */
  partnership: string;
  address: string | null;
  readOn: string;
  reviews: PreviewReview[];
  /** Briefings not linked to any review on the page. */
  briefings: PreviewBriefing[];
  note: string | null;
  /** Briefings that name a review several reviews on the page are called, left unlinked rather than given to one of them. */
  unlinked: string[];
}

export interface ReadPageResult {
  records: PageRecord[];
  text: string;
  address: string | null;
  note: string | null;
}

/** Reads a dropped file or pasted text into records: the same steps as the CLI. */
export function readPage(input: { bytes: Uint8Array; fileName: string } | { text: string; fileName?: string }, readOn: string): ReadPageResult | { error: string } {
  const page: PageText = 'bytes' in input ? pageTextFromBytes(input.bytes, input.fileName) : pageTextFromString(input.text, input.fileName ?? 'pasted text');
  if ('error' in page) return page;
  const sourceName = 'bytes' in input ? input.fileName : (input.fileName ?? null);
  const records = parsePage(page.text, { ...(sourceName ? { sourceName } : {}), address: page.address, readOn });
  return { records, text: page.text, address: page.address, note: page.note };
}

export interface StoredKeys {
  reviews: Set<string>;
  briefings: Set<string>;
}

/** Keys of stored records, to mark the preview's duplicates. */
export function storedKeys(existing: { reviews: Review[]; briefings: Briefing[] }): StoredKeys {
  return { reviews: new Set(existing.reviews.map(reviewCaseKey)), briefings: new Set(existing.briefings.map(briefingKey)) };
}

/** A case name as reviews are matched ("Child A" and "child a" are one name). */
const caseNameKey = (caseName: string) => reviewCaseKey({ partnership_id: '', case_name: caseName });

/** The partnership a record belongs to, as the import will key it. */
const publisher = (r: PageRecord) => (r.partnership_area ?? (r.partnership === 'Unknown partnership' ? '' : partnershipAreaName(r.partnership)));

/** The editable tree for `read`, duplicates marked against `stored` under `partnership`. */
export function buildPreview(read: ReadPageResult, readOn: string): PagePreview {
  const lines = read.text.split(/\r\n|\r|\n/);
  const sourceOf = (n: number) => (lines[n - 1] ?? '').trim();
  const pageRecord = read.records.find((r) => !(r.kind === 'review' && r.catalogue));
  const preview: PagePreview = { partnership: pageRecord ? publisher(pageRecord) : '', address: read.address, readOn, reviews: [], briefings: [], note: read.note, unlinked: [] };
  const byLine = new Map<number, PreviewReview>();
  const byName = new Map<string, PreviewReview[]>();
  read.records.forEach((r, i) => {
    if (r.kind === 'review') {
      const own = r.catalogue ? publisher(r) || r.partnership : null;
      const row: PreviewReview = {
        key: `r${i}`, include: true, case: r.case, type: r.type, published: r.published ?? '', line: r.line, source: sourceOf(r.line),
        duplicate: false, partnership: own, briefings: [],
      };
      preview.reviews.push(row);
      byLine.set(r.line, row);
      const name = caseNameKey(r.case);
      byName.set(name, [...(byName.get(name) ?? []), row]);
      return;
    }
    const b: PreviewBriefing = { key: `b${i}`, include: true, title: r.title, kind: r.briefing_kind, published: r.published ?? '', line: r.line, source: sourceOf(r.line), duplicate: false };
    // The review the briefing sits under on the page; else the one review the page gives the name it names.
    let owner = r.review_line !== null ? byLine.get(r.review_line) : undefined;
    if (!owner && r.review) {
      const named = byName.get(caseNameKey(r.review)) ?? [];
      if (named.length === 1) owner = named[0];
      else if (named.length > 1) {
        preview.unlinked.push(`“${r.title}” (line ${r.line}) names review “${r.review}”, and ${named.length} reviews on this page have that name `
          + `(lines ${named.map((x) => x.line).join(', ')}): it is listed with the briefings that belong to no review.`);
      }
    }
    (owner ? owner.briefings : preview.briefings).push(b);
  });
  return preview;
}

/** Marks rows whose record is already stored for its partnership. */
export function markDuplicates(preview: PagePreview, stored: StoredKeys): PagePreview {
  const pid = (p: string | null) => partnershipId(p || preview.partnership);
  return {
    ...preview,
    reviews: preview.reviews.map((r) => ({
      ...r,
      duplicate: stored.reviews.has(reviewCaseKey({ partnership_id: pid(r.partnership), case_name: r.case })),
      briefings: r.briefings.map((b) => ({ ...b, duplicate: stored.briefings.has(briefingKey({ partnership_id: pid(r.partnership), title: b.title })) })),
    })),
    briefings: preview.briefings.map((b) => ({ ...b, duplicate: stored.briefings.has(briefingKey({ partnership_id: pid(null), title: b.title })) })),
  };
}

const REGIONS = (regions as { regions: Record<string, string> }).regions;

function dated(published: string): Pick<Review, 'published' | 'published_on' | 'year'> {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(published.trim());
  if (!m) return { published: null, published_on: null, year: null };
  return { published: published.trim(), published_on: `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`, year: Number(m[1]) };
}

/** Whether a typed date is one the import accepts (empty, YYYY, YYYY-MM or YYYY-MM-DD). */
export const validDate = (s: string) => s.trim() === '' || dated(s).published !== null;

/** The kept rows as import records; the page's address and the date read go with every record. */
export function previewToRecords(preview: PagePreview, origin = 'import-page'): ImportRecords {
  const out = emptyRecords();
  const partnerships = new Map<string, Partnership>();
  const partnershipFor = (name: string | null) => {
    const area = partnershipAreaName(name || preview.partnership);
    const id = partnershipId(area);
    if (!partnerships.has(id)) partnerships.set(id, { id, name: area, region: REGIONS[area] ?? null });
    return id;
  };
  const where = (line: number) => `Read from ${preview.address ?? 'a partnership page'} (line ${line}) on ${preview.readOn}.`;
  const briefing = (b: PreviewBriefing, pid: string, reviewId: string | null): Briefing => ({
    id: `${origin}-${pid}-${slugify(b.title)}`, partnership_id: pid, title: b.title.trim(), briefing_kind: b.kind, review_id: reviewId,
    ...dated(b.published), text: null, source_url: preview.address, origin,
  });
  const madeUpId = madeUpReviewIds();
  for (const r of preview.reviews) {
    const pid = partnershipFor(r.partnership);
    const id = madeUpId(`${origin}-${pid}-${slugify(r.case)}`, dated(r.published).year);
    const reviewId = r.include ? id : null;
    if (r.include) {
      out.reviews.push({
        id: reviewId!, partnership_id: pid, case_name: r.case.trim(), review_type: r.type, ...dated(r.published),
        summary: where(r.line), findings: null, recommendations: null, source_url: preview.address, origin,
      });
      out.rows.push(r.line);
    }
    for (const b of r.briefings) if (b.include) out.briefings.push(briefing(b, pid, reviewId));
  }
  const pid = preview.briefings.some((b) => b.include) ? partnershipFor(null) : null;
  for (const b of preview.briefings) if (b.include && pid) out.briefings.push(briefing(b, pid, null));
  out.partnerships = [...partnerships.values()];
  return out;
}

/** Counts of what the user has kept. */
export function keptCounts(preview: PagePreview): { reviews: number; briefings: number } {
  const briefings = preview.reviews.flatMap((r) => r.briefings).concat(preview.briefings).filter((b) => b.include).length;
  return { reviews: preview.reviews.filter((r) => r.include).length, briefings };
}

export type { PageBriefing, PageReview };
