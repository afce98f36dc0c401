/**
 * Catalogue entries in the shape of the labelled case files (one JSON object per
 * line: partnership, case or title, year, text, gold theme ids, source_url)
 * become reviews or briefings, with the gold themes kept as manual tags.
 */
import { partnershipId, partnershipRecord, slugify } from '../schema/partnership-name.ts';
import type { Briefing, Partnership, Review, ThemeTag } from '../schema/records.ts';
import { briefingKindFromTitle, reviewTypeFromEvidence } from '../schema/review-type.ts';

export interface CatalogueLine {
  id?: unknown;
  partnership?: unknown;
  case?: unknown;
  title?: unknown;
  year?: unknown;
  text?: unknown;
  gold?: unknown;
  source_url?: unknown;
  review_type?: unknown;
}

export interface CatalogueRecords {
  partnerships: Partnership[];
  reviews: Review[];
  briefings: Briefing[];
  tags: ThemeTag[];
  problems: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function yearOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null;
}

function goldTags(entityType: 'review' | 'briefing', entityId: string, gold: unknown, known: ReadonlySet<string>, problems: string[], where: string): ThemeTag[] {
  if (!Array.isArray(gold)) return [];
  const ids = [...new Set(gold.filter((g): g is string => typeof g === 'string'))];
  const unknown = ids.filter((g) => !known.has(g));
  if (unknown.length) problems.push(`${where}: unknown theme id(s) ${unknown.join(', ')} ignored`);
  return ids
    .filter((g) => known.has(g))
    .map((theme_id) => ({ entity_type: entityType, entity_id: entityId, theme_id, score: 1, source: 'manual' as const, accepted: true }));
}

/**
 * Converts parsed catalogue lines. Lines with `case` are reviews, lines with
 * `title` are briefings; a line with neither, or without text, is reported.
 */
export function catalogueLinesToRecords(lines: readonly CatalogueLine[], origin: string, knownThemes: ReadonlySet<string>): CatalogueRecords {
  const out: CatalogueRecords = { partnerships: [], reviews: [], briefings: [], tags: [], problems: [] };
  const partnerships = new Map<string, Partnership>();
  lines.forEach((line, i) => {
    const where = `line ${i + 1}`;
    const rawPartnership = str(line.partnership);
    const text = str(line.text);
    const caseName = str(line.case);
    const title = str(line.title);
    if (!rawPartnership || !text || (!caseName && !title)) {
      out.problems.push(`${where}: needs "partnership", "text" and either "case" (a review) or "title" (a briefing)`);
      return;
    }
    const pid = partnershipId(rawPartnership);
    if (!partnerships.has(pid)) partnerships.set(pid, partnershipRecord(rawPartnership));
    const year = yearOf(line.year);
    const published = year === null ? null : String(year);
    const publishedOn = year === null ? null : `${year}-01-01`;
    const id = str(line.id) ?? `${origin}-${pid}-${slugify(caseName ?? title ?? String(i))}`;
    if (caseName) {
      const type = reviewTypeFromEvidence({ label: str(line.review_type), publisher: rawPartnership, caseName, text, year });
      out.reviews.push({
        id, partnership_id: pid, case_name: caseName, review_type: type, published, published_on: publishedOn, year,
        summary: text, findings: null, recommendations: null, source_url: str(line.source_url), origin,
      });
      out.tags.push(...goldTags('review', id, line.gold, knownThemes, out.problems, where));
    } else if (title) {
      out.briefings.push({
        id, partnership_id: pid, title, briefing_kind: briefingKindFromTitle(title), review_id: null, published,
        published_on: publishedOn, year, text, source_url: str(line.source_url), origin,
      });
      out.tags.push(...goldTags('briefing', id, line.gold, knownThemes, out.problems, where));
    }
  });
  out.partnerships = [...partnerships.values()];
  return out;
}
