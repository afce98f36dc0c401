/**
 * Text copied from a national case-review catalogue listing. Each entry reads:
 *
 *   2024 - Somewhere - Child X
 *   A summary paragraph (one or more lines).
 *   Learning includes: a; b; c.
 *   Recommendations include: x; y.
 *
 * Entries become reviews; each listed learning item maps to a theme (a manual,
 * accepted tag) or is reported as unmatched.
 */
import { partnershipId, partnershipRecord, slugify } from '../schema/partnership-name.ts';
import type { Partnership, Review, ThemeTag } from '../schema/records.ts';
import { reviewTypeFromEvidence, reviewTypeFromLabel } from '../schema/review-type.ts';
import { emptyRecords, type ImportRecords } from './metadata-records.ts';
import { splitList, type ThemeMatcher } from './theme-matcher.ts';

const HEADING = /^\s*((?:19|20)\d{2})\s+[-–—]\s+(.+?)\s+[-–—]\s+(.+?)\s*$/;
const LEARNING = /^\s*(?:key\s+)?learning(?:\s+(?:includes?|points?|themes?))?\s*:\s*(.*)$/i;
const RECOMMENDATIONS = /^\s*recommendations?(?:\s+includes?)?\s*:\s*(.*)$/i;

interface Entry {
  line: number;
  year: number;
  partnership: string;
  caseName: string;
  summary: string[];
  learning: string[];
  recommendations: string[];
}

export interface CatalogueResult extends ImportRecords {
  /** Learning items that matched no theme, with the entry they came from. */
  unmatched: Array<{ entry: string; phrase: string }>;
  entries: number;
}

function entries(text: string): Entry[] {
  const out: Entry[] = [];
  let current: Entry | null = null;
  let section: 'summary' | 'learning' | 'recommendations' = 'summary';
  text.split(/\r?\n/).forEach((raw, i) => {
    const heading = raw.match(HEADING);
    if (heading) {
      current = { line: i + 1, year: Number(heading[1]), partnership: heading[2]!, caseName: heading[3]!, summary: [], learning: [], recommendations: [] };
      out.push(current);
      section = 'summary';
      return;
    }
    if (!current || !raw.trim()) return;
    const learning = raw.match(LEARNING);
    const recs = raw.match(RECOMMENDATIONS);
    if (learning) (section = 'learning'), current.learning.push(learning[1]!);
    else if (recs) (section = 'recommendations'), current.recommendations.push(recs[1]!);
    else current[section].push(raw.trim());
  });
  return out;
}

const joined = (lines: string[]) => lines.join(' ').replace(/\s+/g, ' ').trim() || null;

/** A case name with a trailing "(CSPR)"-style type label split off. */
function caseAndType(raw: string): { caseName: string; typeLabel: string | null } {
  const m = raw.match(/^(.*?)\s*\(([^)]+)\)\s*$/);
  return m && reviewTypeFromLabel(m[2]) ? { caseName: m[1]!, typeLabel: m[2]! } : { caseName: raw, typeLabel: null };
}

/** Parses catalogue text into reviews and manual theme tags; see the module comment for the shape. */
export function parseCataloguePage(text: string, matcher: ThemeMatcher, origin = 'import-catalogue'): CatalogueResult {
  const out: CatalogueResult = { ...emptyRecords(), unmatched: [], entries: 0 };
  const partnerships = new Map<string, Partnership>();
  const found = entries(text);
  out.entries = found.length;
  for (const e of found) {
    const where = `line ${e.line} (${e.partnership} – ${e.caseName})`;
    const pid = partnershipId(e.partnership);
    const { caseName, typeLabel } = caseAndType(e.caseName);
    if (!pid || !caseName) {
      out.problems.push({ row: e.line, message: `${where}: needs a partnership and a case name; entry skipped`, skipped: true });
      continue;
    }
    if (!partnerships.has(pid)) partnerships.set(pid, partnershipRecord(e.partnership));
    const summary = joined(e.summary);
    const findings = joined(e.learning);
    if (!summary) out.problems.push({ row: e.line, message: `${where}: no summary paragraph`, skipped: false });
    if (!findings) out.problems.push({ row: e.line, message: `${where}: no "Learning includes:" line, so no themes`, skipped: false });
    const id = `${origin}-${pid}-${slugify(caseName)}`;
    const review: Review = {
      id, partnership_id: pid, case_name: caseName,
      review_type: reviewTypeFromEvidence({ label: typeLabel, publisher: e.partnership, caseName, text: summary, year: e.year }),
      published: String(e.year), published_on: `${e.year}-01-01`, year: e.year,
      summary, findings, recommendations: joined(e.recommendations), source_url: null, origin,
    };
    out.reviews.push(review);
    out.rows.push(e.line);
    const themeIds = new Set<string>();
    for (const phrase of splitList(findings ?? '')) {
      const m = matcher.match(phrase);
      if (m) themeIds.add(m.themeId);
      else out.unmatched.push({ entry: `${e.partnership} – ${caseName}`, phrase });
    }
    out.tags.push(...[...themeIds].map((theme_id): ThemeTag => ({ entity_type: 'review', entity_id: id, theme_id, score: 1, source: 'manual', accepted: true })));
  }
  out.partnerships = [...partnerships.values()];
  if (!found.length) out.problems.push({ row: 1, message: 'No entries found. Each entry must start with a line like "2024 - Somewhere - Child X".', skipped: true });
  return out;
}
