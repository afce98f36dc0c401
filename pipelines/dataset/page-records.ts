/**
 * Page records (from the page pipeline) → reviews and briefings for the bundled
 * dataset. Only facts are kept (names, types, dates, titles); a review's
 * summary is written here from those facts, never copied from the page.
 */
import { partnershipAreaName, partnershipId, partnershipRecord, slugify } from '../../src/schema/partnership-name.ts';
import { BRIEFING_KIND_LABELS, REVIEW_TYPE_LABELS, type Briefing, type Partnership, type Review } from '../../src/schema/records.ts';
import type { PageBriefing, PageRecord, PageReview } from '../../src/ingest/pages/parse-page.ts';

/** A page review without its page prose: findings are kept as a count only. */
export type PageReviewFact = Pick<PageReview, 'kind' | 'partnership' | 'case' | 'type' | 'published' | 'source'> & { findings?: string[] };
export type PageBriefingFact = Pick<PageBriefing, 'kind' | 'partnership' | 'title' | 'briefing_kind' | 'review' | 'published' | 'source'>;
export type PageFact = PageReviewFact | PageBriefingFact;

/** Keeps only the fields the bundled dataset may hold (no page prose). */
export function toFact(record: PageRecord | PageFact): PageFact {
  if (record.kind === 'review') {
    const { kind, partnership, case: caseName, type, published, source, findings } = record;
    return { kind, partnership, case: caseName, type, published, source, findings: findings?.length ? [`${findings.length}`] : [] };
  }
  const { kind, partnership, title, briefing_kind, review, published, source } = record;
  return { kind, partnership, title, briefing_kind, review, published, source };
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → first day of that period, and its year. */
export function publishedDate(published: string | null): { published_on: string | null; year: number | null } {
  const m = published?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) return { published_on: null, year: null };
  return { published_on: `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`, year: Number(m[1]) };
}

function reviewSummary(r: PageReviewFact, area: string, briefings: PageBriefingFact[]): string {
  const when = r.published ? `published ${r.published}` : 'publication date not given';
  const parts = [`${REVIEW_TYPE_LABELS[r.type]} by ${area} about ${r.case} (${when}).`];
  const findingCount = Number(r.findings?.[0] ?? 0);
  if (findingCount > 0) parts.push(`The source page lists ${findingCount} reasons why the child was not protected.`);
  const topics = briefings.filter((b) => b.briefing_kind === '7-minute-briefing').map((b) => b.title);
  if (topics.length) parts.push(`7-minute briefings from this review: ${topics.join('; ')}.`);
  const others = briefings.filter((b) => b.briefing_kind !== '7-minute-briefing');
  if (others.length) parts.push(`Also published: ${others.map((b) => BRIEFING_KIND_LABELS[b.briefing_kind].toLowerCase()).join(', ')}.`);
  return parts.join(' ');
}

export interface PageDataset {
  partnerships: Partnership[];
  reviews: Review[];
  briefings: Briefing[];
}

/**
 * Builds reviews and briefings from page facts; ids are stable slugs.
 * `addresses` maps a capture's file name to the page's public address: records
 * link to the page, never to the file (null when the address is not recorded).
 */
export function pageFactsToRecords(facts: readonly PageFact[], addresses: Readonly<Record<string, string | null>> = {}): PageDataset {
  const address = (source: string | null) => (source === null ? null : addresses[source] ?? (/^https?:\/\//i.test(source) ? source : null));
  const out: PageDataset = { partnerships: [], reviews: [], briefings: [] };
  const seenPartnerships = new Set<string>();
  // Reviews per partnership and case name: a briefing links by name only when one review has it, on its own
  // page or else at all (a partnership reuses "Child A"; see src/ingest/review-links.ts).
  const reviewIds = new Map<string, Array<{ id: string; source: string | null }>>();
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  for (const fact of facts) {
    const pid = partnershipId(fact.partnership);
    if (!seenPartnerships.has(pid)) {
      seenPartnerships.add(pid);
      out.partnerships.push(partnershipRecord(fact.partnership));
    }
  }
  for (const fact of facts) {
    if (fact.kind !== 'review') continue;
    const pid = partnershipId(fact.partnership);
    const id = uniqueId(`page-${pid}-${slugify(fact.case)}`);
    reviewIds.set(`${pid}|${fact.case}`, [...(reviewIds.get(`${pid}|${fact.case}`) ?? []), { id, source: fact.source }]);
    const linked = facts.filter((b): b is PageBriefingFact => b.kind === 'briefing' && b.review === fact.case && partnershipId(b.partnership) === pid);
    out.reviews.push({
      id, partnership_id: pid, case_name: fact.case, review_type: fact.type, ...publishedDate(fact.published),
      published: fact.published, summary: reviewSummary(fact, partnershipAreaName(fact.partnership), linked),
      findings: null, recommendations: null, source_url: address(fact.source), origin: 'pages',
    });
  }
  for (const fact of facts) {
    if (fact.kind !== 'briefing') continue;
    const pid = partnershipId(fact.partnership);
    const named = fact.review ? reviewIds.get(`${pid}|${fact.review}`) ?? [] : [];
    const onPage = named.filter((r) => r.source === fact.source);
    const reviewId = (onPage.length === 1 ? onPage[0]!.id : null) ?? (named.length === 1 ? named[0]!.id : null);
    const review = reviewId ? out.reviews.find((r) => r.id === reviewId) : undefined;
    const published = fact.published ?? review?.published ?? null;
    out.briefings.push({
      id: uniqueId(`page-${pid}-${slugify(fact.review ?? 'topic')}-${slugify(fact.title)}`),
      partnership_id: pid, title: fact.title, briefing_kind: fact.briefing_kind, review_id: reviewId,
      published, ...publishedDate(published), text: null, source_url: address(fact.source), origin: 'pages',
    });
  }
  return out;
}
