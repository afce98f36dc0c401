/** Headline numbers and the reviews-per-year chart. */
import { briefingWhere, reviewWhere } from './filters.ts';
import { type Filters } from '../filters/filters.ts';
import { NO_PARTNERSHIP, type FilterIndex } from '../filter-index/filter-index.ts';
import { selectBriefings, selectReviews, type SearchHits } from '../filter-index/select.ts';
import type { Aggregate } from './aggregate.ts';
import { STATUTORY_PARTNERSHIP_IDS } from './partnerships.ts';
import { str } from './sql.ts';

export interface TotalsRow {
  reviews: number;
  /** De-duplicated: one briefing listed under several reviews counts once (see briefing_facts). */
  briefings: number;
  /** Briefing records before de-duplication. */
  briefing_records: number;
  /** Statutory partnerships with a matching review or briefing. */
  partnerships: number;
  /** Joint arrangements and other sources (national bodies, charities, authors) with a matching item. */
  other_sources: number;
  /** Matching reviews and briefings whose partnership is not known. */
  not_known_items: number;
  /** Title-only reviews that match the other filters but are set apart (0 when the switch includes them). */
  title_only_reviews: number;
  first_year: number | null;
  last_year: number | null;
  undated_reviews: number;
}

/** Reviews, briefings and partnerships matching the filters, and the year span of the reviews. */
export function totalsSql(f: Filters): string {
  return `
WITH r AS (SELECT r.partnership_id, r.year FROM review_facts r WHERE ${reviewWhere(f)}),
     b AS (SELECT b.partnership_id, bf.briefing_key FROM briefings b JOIN briefing_facts bf ON bf.id = b.id WHERE ${briefingWhere(f)}),
     who AS (SELECT x.partnership_id, coalesce(p.kind, 'partnership') AS kind FROM (SELECT partnership_id FROM r UNION ALL SELECT partnership_id FROM b) x
             LEFT JOIN partnerships p ON p.id = x.partnership_id)
SELECT (SELECT count(*) FROM r)::INTEGER AS reviews,
       (SELECT count(DISTINCT briefing_key) FROM b)::INTEGER AS briefings,
       (SELECT count(*) FROM b)::INTEGER AS briefing_records,
       (SELECT count(DISTINCT partnership_id) FILTER (WHERE kind = 'partnership') FROM who)::INTEGER AS partnerships,
       (SELECT count(DISTINCT partnership_id) FILTER (WHERE kind IN ('joint', 'source')) FROM who)::INTEGER AS other_sources,
       (SELECT count(*) FILTER (WHERE kind = 'not-known') FROM who)::INTEGER AS not_known_items,
       (SELECT count(*) FROM review_facts r WHERE ${reviewWhere({ ...f, titleOnly: true })} AND r.title_only AND NOT ${f.titleOnly})::INTEGER AS title_only_reviews,
       (SELECT min(year) FROM r)::INTEGER AS first_year,
       (SELECT max(year) FROM r)::INTEGER AS last_year,
       (SELECT count(*) FROM r WHERE year IS NULL)::INTEGER AS undated_reviews`;
}

export interface ReviewsPerYearRow {
  year: number;
  partnership: string;
  partnership_id: string;
  reviews: number;
}

/** The series the reviews-per-year chart folds the rest into: other partnerships, other sources and unknown publishers. */
export const OTHER_PUBLISHERS = 'Other partnerships and sources';

/**
 * Reviews per publication year, by partnership. Only statutory partnerships are
 * named (an inspectorate or the national panel is not a partnership); those beyond
 * the `top` with most reviews, other sources and unknown publishers are folded into
 * OTHER_PUBLISHERS so the chart stays legible.
 */
export function reviewsPerYearByPartnershipSql(f: Filters, top = 8): string {
  return `
WITH r AS (SELECT r.partnership_id, r.year FROM review_facts r WHERE ${reviewWhere(f)} AND r.year IS NOT NULL),
ranked AS (
  SELECT partnership_id, row_number() OVER (ORDER BY count(*) DESC, partnership_id) AS rank
  FROM r WHERE partnership_id IN (${STATUTORY_PARTNERSHIP_IDS}) GROUP BY partnership_id
)
SELECT r.year::INTEGER AS year,
       CASE WHEN k.rank <= ${top} THEN p.name ELSE ${str(OTHER_PUBLISHERS)} END AS partnership,
       CASE WHEN k.rank <= ${top} THEN p.id ELSE '' END AS partnership_id,
       count(*)::INTEGER AS reviews
FROM r LEFT JOIN ranked k USING (partnership_id) JOIN partnerships p ON p.id = r.partnership_id
GROUP BY ALL
ORDER BY year, min(k.rank) NULLS LAST, partnership`;
}

const KIND_PARTNERSHIP = 0, KIND_NOT_KNOWN = 1, KIND_OTHER = 2;
const kindCodes = new WeakMap<FilterIndex, Uint8Array>();

/** Each partnership's kind as a small code, once per index: the totals look it up for every item. */
function partnershipKinds(index: FilterIndex): Uint8Array {
  let codes = kindCodes.get(index);
  if (!codes) {
    codes = new Uint8Array(NO_PARTNERSHIP + 1);
    index.partnerships.forEach((p, i) => { codes![i] = p.kind === 'partnership' ? KIND_PARTNERSHIP : p.kind === 'not-known' ? KIND_NOT_KNOWN : KIND_OTHER; });
    kindCodes.set(index, codes);
  }
  return codes;
}

/** Reviews, briefings (de-duplicated) and partnerships matching the filters, and the reviews' year span. */
function totalsFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null): TotalsRow {
  const r = selectReviews(index, f, hits);
  const b = selectBriefings(index, f, hits);
  const kinds = partnershipKinds(index);
  const seen = new Uint8Array(NO_PARTNERSHIP + 1);
  let reviews = 0, records = 0, partnerships = 0, others = 0, notKnown = 0, undated = 0, first = Infinity, last = -Infinity;
  const see = (p: number) => {
    const kind = kinds[p]!;
    if (kind === KIND_NOT_KNOWN) notKnown++;
    if (p === NO_PARTNERSHIP || seen[p]) return;
    seen[p] = 1;
    if (kind === KIND_PARTNERSHIP) partnerships++;
    else if (kind === KIND_OTHER) others++;
  };
  for (let i = 0; i < r.length; i++) {
    if (!r[i]) continue;
    reviews++;
    see(index.reviews.partnership[i]!);
    const y = index.reviews.year[i]!;
    if (y === 0) undated++;
    else if (y < first) first = y;
    if (y !== 0 && y > last) last = y;
  }
  // A key is the index of its group's first briefing, so a flag per briefing counts distinct keys.
  const keySeen = new Uint8Array(b.length);
  let keys = 0;
  for (let i = 0; i < b.length; i++) {
    if (!b[i]) continue;
    records++;
    const key = index.briefings.key[i]!;
    if (!keySeen[key]) { keySeen[key] = 1; keys++; }
    see(index.briefings.partnership[i]!);
  }
  let titleOnly = 0;
  if (!f.titleOnly) {
    const all = selectReviews(index, f, hits, { keepTitleOnly: true });
    for (let i = 0; i < all.length; i++) if (all[i] && index.reviews.titleOnly[i]) titleOnly++;
  }
  return {
    reviews, briefings: keys, briefing_records: records, partnerships, other_sources: others, not_known_items: notKnown,
    title_only_reviews: titleOnly,
    first_year: first === Infinity ? null : first, last_year: last === -Infinity ? null : last, undated_reviews: undated,
  };
}

/** The headline numbers: defined by totalsSql, answered from the filter index. */
export const totals: Aggregate<[], TotalsRow> = { key: ['overview', 'totals'], sql: totalsSql, fromIndex: totalsFromIndex };

/** Reviews per year by partnership, the `top` statutory partnerships by reviews and the rest as OTHER_PUBLISHERS. */
function reviewsPerYearByPartnershipFromIndex(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 8): ReviewsPerYearRow[] {
  const r = selectReviews(index, f, hits, { datedOnly: true });
  const { partnership, year } = index.reviews;
  // Counted in typed arrays, not maps keyed by strings: at x10 this runs over 15,000 reviews per filter change.
  const perPartnership = new Int32Array(index.partnerships.length);
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (let i = 0; i < r.length; i++) {
    if (!r[i]) continue;
    const p = partnership[i]!;
    if (p !== NO_PARTNERSHIP) perPartnership[p]!++;
    const y = year[i]!;
    if (y < firstYear) firstYear = y;
    if (y > lastYear) lastYear = y;
  }
  // Ranked as the SQL ranks (statutory partnerships only, by reviews, then id; partnership indexes are in id order).
  const kinds = partnershipKinds(index);
  const ranked = [...perPartnership.keys()].filter((p) => perPartnership[p]! > 0 && kinds[p] === KIND_PARTNERSHIP);
  ranked.sort((a, b) => perPartnership[b]! - perPartnership[a]! || a - b);
  const named = ranked.slice(0, top);
  const shown = named.map((p) => index.partnerships[p]!);
  // Column per review's partnership: its place among the shown, or the last column, OTHER_PUBLISHERS.
  const other = shown.length;
  const columnOf = new Int32Array(perPartnership.length).fill(other);
  named.forEach((p, c) => (columnOf[p] = c));
  const columns = other + 1;
  const years = firstYear === Infinity ? 0 : lastYear - firstYear + 1;
  const cells = new Int32Array(years * columns);
  for (let i = 0; i < r.length; i++) {
    const p = partnership[i]!;
    if (r[i] && p !== NO_PARTNERSHIP) cells[(year[i]! - firstYear) * columns + columnOf[p]!]!++;
  }
  // In the SQL's order: by year, then rank (the shown partnerships, then the rest).
  const rows: ReviewsPerYearRow[] = [];
  for (let y = 0; y < years; y++) {
    for (let c = 0; c < columns; c++) {
      const reviews = cells[y * columns + c]!;
      if (!reviews) continue;
      const shownHere = shown[c];
      rows.push({ year: firstYear + y, partnership: shownHere?.name ?? OTHER_PUBLISHERS, partnership_id: shownHere?.id ?? '', reviews });
    }
  }
  return rows;
}

/** The reviews-per-year chart: defined by reviewsPerYearByPartnershipSql, answered from the filter index. */
export const reviewsPerYearByPartnership: Aggregate<[top?: number], ReviewsPerYearRow[]> = { key: ['overview', 'reviewsPerYearByPartnership'], sql: reviewsPerYearByPartnershipSql, fromIndex: reviewsPerYearByPartnershipFromIndex };
