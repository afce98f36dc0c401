/**
 * Mapped rows of a metadata file → reviews or briefings, partnerships and
 * manual theme tags, with every problem reported against its row. Rows missing
 * a required value are skipped; other problems leave the field empty.
 */
import { checkValue } from './validate/schema-rules.ts';
import { partnershipId, partnershipRecord, slugify } from '../schema/partnership-name.ts';
import { BRIEFING_KINDS, REVIEW_TYPES, type Briefing, type BriefingKind, type Partnership, type Review, type ReviewType, type ThemeTag } from '../schema/records.ts';
import { briefingKindFromTitle, reviewTypeByYear, reviewTypeFromLabel } from '../schema/review-type.ts';
import { parseDate } from './dates.ts';
import { FIELDS, type ColumnMapping, type FieldId, type RecordKind } from './fields.ts';
import type { RawTable } from './raw-table.ts';
import { madeUpReviewIds } from './merge-reviews.ts';
import { describeCandidates, type ReviewLink } from './review-links.ts';
import { splitList, type ThemeMatcher } from './theme-matcher.ts';

export interface RowProblem {
  row: number;
  message: string;
  /** True when the row was left out of the import. */
  skipped: boolean;
}

export interface ImportRecords {
  partnerships: Partnership[];
  reviews: Review[];
  briefings: Briefing[];
  /** Manual (accepted) tags from a themes column or a catalogue's learning list. */
  tags: ThemeTag[];
  problems: RowProblem[];
  /** The source row of each review or briefing, in order (for duplicate messages). */
  rows: number[];
}

export const emptyRecords = (): ImportRecords => ({ partnerships: [], reviews: [], briefings: [], tags: [], problems: [], rows: [] });

export interface MapContext {
  kind: RecordKind;
  origin: string;
  matcher: ThemeMatcher;
  /** The stored review a briefing's review cell names (by id, or by case name when unambiguous; see review-links.ts). */
  reviewFor?: (partnershipId: string, caseOrId: string) => ReviewLink;
  /** Made-up review ids so far and their reviews' years, shared by the slices of one file (map-in-slices.ts). */
  madeUpIds?: Map<string, Array<number | null>>;
}

const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

function reviewType(raw: string | null, year: number | null): ReviewType | null {
  if (!raw) return reviewTypeByYear(year);
  if ((REVIEW_TYPES as readonly string[]).includes(raw.toLowerCase())) return raw.toLowerCase() as ReviewType;
  return reviewTypeFromLabel(raw);
}

function briefingKind(raw: string | null, title: string): BriefingKind {
  const k = raw?.toLowerCase() ?? '';
  if ((BRIEFING_KINDS as readonly string[]).includes(k)) return k as BriefingKind;
  return briefingKindFromTitle(raw ? `${raw} ${title}` : title);
}

/** Converts every row; see the module comment for what happens to problem rows. */
export function mapRecords(table: RawTable, mapping: ColumnMapping, context: MapContext): ImportRecords {
  // Theme lists repeat down a sheet: match each distinct phrase once.
  const matched = new Map<string, ReturnType<ThemeMatcher['match']>>();
  const matcher: ThemeMatcher = { ...context.matcher, match: (phrase: string) => {
    if (!matched.has(phrase)) matched.set(phrase, context.matcher.match(phrase));
    return matched.get(phrase)!;
  } };
  const ctx = { ...context, matcher };
  const out = emptyRecords();
  const partnerships = new Map<string, Partnership>();
  const index = new Map(table.columns.map((c, i) => [c, i]));
  const fields = FIELDS[ctx.kind];
  const madeUpId = madeUpReviewIds(context.madeUpIds);
  table.rows.forEach((cells, i) => {
    if (cells.every((v) => v === null)) return;
    const row = table.firstRowNumber + i;
    const problem = (message: string, skipped = false) => out.problems.push({ row, message: `row ${row}: ${message}`, skipped });
    const get = (f: FieldId): string | null => {
      const col = mapping[f];
      const at = col ? index.get(col) : undefined;
      const v = at === undefined ? null : cells[at];
      return v === null || v === undefined || v.trim() === '' ? null : v.trim();
    };
    const missing = fields.filter((f) => f.required && !get(f.id));
    if (missing.length) return problem(`no ${missing.map((f) => f.label.toLowerCase()).join(' or ')}; row skipped`, true);
    const rawPartnership = get('partnership')!;
    const pid = partnershipId(rawPartnership);
    if (!pid) return problem(`partnership '${rawPartnership}' has no letters or digits; row skipped`, true);
    if (!partnerships.has(pid)) partnerships.set(pid, partnershipRecord(rawPartnership));

    const rawDate = get('published');
    const date = parseDate(rawDate);
    if (rawDate && !date) problem(`date '${rawDate}' is not a date (use e.g. 2022, 2022-03, 14/03/2022 or March 2022); imported without a date`);
    let url = get('source_url');
    if (url && !isUrl(url)) {
      problem(`web address '${url}' does not start with http:// or https://; left out`);
      url = null;
    }
    const dated = { published: date?.published ?? null, published_on: date?.published_on ?? null, year: date?.year ?? null };
    const name = ctx.kind === 'review' ? get('case_name')! : get('title')!;
    const base = `${ctx.origin}-${pid}-${slugify(name) || String(row)}`;
    const id = get('id') ?? (ctx.kind === 'review' ? madeUpId(base, dated.year) : base);
    const badId = checkValue(ctx.kind === 'review' ? 'reviews' : 'briefings', 'id', id);
    if (badId) return problem(`id '${id.slice(0, 40)}' ${badId}; row skipped`, true);

    if (ctx.kind === 'review') {
      const rawType = get('review_type');
      let type = reviewType(rawType, dated.year);
      if (!type) {
        problem(`review type '${rawType}' is not one we know; recorded as "other"`);
        type = 'other';
      }
      out.reviews.push({
        id, partnership_id: pid, case_name: name, review_type: type, ...dated, summary: get('summary'),
        findings: get('findings'), recommendations: get('recommendations'), source_url: url, origin: ctx.origin,
      });
    } else {
      const rawReview = get('review');
      const link: ReviewLink = rawReview && ctx.reviewFor ? ctx.reviewFor(pid, rawReview) : { kind: 'none' };
      const reviewId = link.kind === 'linked' ? link.id : null;
      const partnershipName = partnerships.get(pid)!.name;
      if (link.kind === 'ambiguous') {
        problem(`review '${rawReview}' names ${link.candidates.length} reviews of ${partnershipName} (${describeCandidates(link.candidates, () => partnershipName)}); `
          + 'briefing imported unlinked: put the review\'s id in the review column to link it');
      } else if (rawReview && !reviewId) problem(`review '${rawReview}' is not among the reviews of ${partnershipName}; briefing imported unlinked`);
      out.briefings.push({
        id, partnership_id: pid, title: name, briefing_kind: briefingKind(get('briefing_kind'), name), review_id: reviewId,
        ...dated, text: get('text'), source_url: url, origin: ctx.origin,
      });
    }
    out.rows.push(row);
    out.tags.push(...themeTags(ctx, id, get('themes'), problem));
  });
  out.partnerships = [...partnerships.values()];
  return out;
}

function themeTags(ctx: MapContext, id: string, cell: string | null, problem: (m: string) => void): ThemeTag[] {
  if (!cell) return [];
  const ids = new Set<string>();
  for (const phrase of splitList(cell)) {
    const m = ctx.matcher.match(phrase);
    if (m) ids.add(m.themeId);
    else problem(`theme '${phrase}' matches no theme; left out`);
  }
  return [...ids].map((theme_id) => ({ entity_type: ctx.kind, entity_id: id, theme_id, score: 1, source: 'manual', accepted: true }));
}
