/**
 * Gathered catalogue entries (data/catalogue/reviews.jsonl, see its README)
 * become reviews with their learning keywords as "catalogue" theme tags.
 * Each entry's nation is kept on its partnership's row: the nation filter
 * (England by default) decides whether entries from elsewhere count.
 */
import { partnershipId, partnershipRecord, slugify } from '../../src/schema/partnership-name.ts';
import type { Partnership, Review, ReviewType, ThemeTag } from '../../src/schema/records.ts';
import { REVIEW_TYPES } from '../../src/schema/records.ts';

/** One line of data/catalogue/reviews.jsonl. */
export interface CatalogueEntry {
  partnership_published: string;
  /** Best statutory-area name, or "Anonymous". */
  partnership: string;
  nation: 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';
  case: string;
  review_type: string;
  /** YYYY or YYYY-MM, or null when the source gives no date. */
  published: string | null;
  summary: string;
  keywords: string[];
  source_url: string;
  read_on: string;
}

export interface CatalogueEntryRecords {
  partnerships: Partnership[];
  reviews: Review[];
  tags: ThemeTag[];
  /** Entries per nation. */
  nations: Record<string, number>;
  problems: string[];
}

const DATE = /^(\d{4})(?:-(\d{2}))?$/;

/** Converts entries; `keywordThemes` maps a lower-case keyword to theme ids. */
export function catalogueEntriesToRecords(
  entries: readonly CatalogueEntry[],
  keywordThemes: Readonly<Record<string, readonly string[]>>,
  knownThemes: ReadonlySet<string>,
): CatalogueEntryRecords {
  const out: CatalogueEntryRecords = { partnerships: [], reviews: [], tags: [], nations: {}, problems: [] };
  const partnerships = new Map<string, Partnership>();
  entries.forEach((e, i) => {
    const where = `entry ${i + 1} (${e.case})`;
    out.nations[e.nation] = (out.nations[e.nation] ?? 0) + 1;
    if (!REVIEW_TYPES.includes(e.review_type as ReviewType)) out.problems.push(`${where}: unknown review type "${e.review_type}"`);
    const date = e.published === null ? null : DATE.exec(e.published);
    if (e.published !== null && !date) out.problems.push(`${where}: published "${e.published}" is not YYYY or YYYY-MM`);
    const pid = partnershipId(e.partnership);
    // The same alias rules as every other source, so a board's former name lands on its partnership's row.
    if (!partnerships.has(pid)) partnerships.set(pid, { ...partnershipRecord(e.partnership), nation: e.nation });
    else if (partnerships.get(pid)!.nation !== e.nation) out.problems.push(`${where}: ${e.partnership} is in ${partnerships.get(pid)!.nation} on another entry`);
    const year = date ? Number(date[1]) : null;
    const id = `entry-${pid}-${slugify(e.case)}`;
    out.reviews.push({
      id, partnership_id: pid, case_name: e.case,
      review_type: REVIEW_TYPES.includes(e.review_type as ReviewType) ? (e.review_type as ReviewType) : 'other',
      published: date ? e.published : null,
      published_on: date ? `${date[1]}-${date[2] ?? '01'}-01` : null,
      year, summary: e.summary, findings: null, recommendations: null, source_url: e.source_url, origin: 'catalogue-entries',
    });
    const themes = new Set<string>();
    for (const k of e.keywords) {
      const mapped = keywordThemes[k.toLowerCase()];
      if (!mapped) out.problems.push(`${where}: keyword "${k}" has no entry in keyword-themes.json`);
      for (const t of mapped ?? []) if (knownThemes.has(t)) themes.add(t);
    }
    for (const theme_id of [...themes].sort()) {
      out.tags.push({ entity_type: 'review', entity_id: id, theme_id, score: 1, source: 'catalogue', accepted: true });
    }
  });
  out.partnerships = [...partnerships.values()];
  return out;
}
