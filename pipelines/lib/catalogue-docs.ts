/**
 * Gathered catalogue entries as a scoring set for the tagger: each entry's summary, with the
 * themes its source's keywords map to as gold. The keyword lists were written by the sources'
 * librarians and name some of a review's learning, not all of it, so every line is partial:
 * recall against them is meaningful, precision only a lower bound.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partnershipId } from '../../src/schema/partnership-name.ts';
import { reviewCaseKey } from '../../src/ingest/merge-reviews.ts';
import { DATA, jsonlFiles, type LabelledDoc } from './training-data.ts';
import { readJsonl } from './jsonl.ts';

interface EntryLine {
  partnership?: unknown;
  case?: unknown;
  summary?: unknown;
  keywords?: unknown;
}

/** Same review when the partnership and the case name agree: the key the dataset build merges on. */
const reviewKey = (partnership: string, caseName: string) => reviewCaseKey({ partnership_id: partnershipId(partnership), case_name: caseName });

export interface CatalogueSet {
  docs: LabelledDoc[];
  /** Entries left out because a labelled case line tells the same review (the tagger may have learned it). */
  alsoLabelled: number;
  /** Entries whose keywords name no theme, or with no summary. */
  noThemes: number;
}

/**
 * Entries with a summary and at least one keyword mapped to a theme, minus reviews that are also
 * labelled case lines (`casesFiles`: every data/cases file unless given).
 */
export function catalogueDocs(entriesPath = join(DATA, 'catalogue', 'reviews.jsonl'), mapPath = join(DATA, 'catalogue', 'keyword-themes.json'), casesFiles = jsonlFiles(join(DATA, 'cases'))): CatalogueSet {
  const map = (JSON.parse(readFileSync(mapPath, 'utf8')) as { keywords: Record<string, string[]> }).keywords;
  const labelled = new Set<string>();
  for (const f of casesFiles) {
    for (const l of readJsonl(f)) {
      const v = l.value as EntryLine | undefined;
      if (typeof v?.partnership === 'string' && typeof v.case === 'string') labelled.add(reviewKey(v.partnership, v.case));
    }
  }
  const out: CatalogueSet = { docs: [], alsoLabelled: 0, noThemes: 0 };
  for (const l of readJsonl(entriesPath)) {
    const v = l.value as EntryLine | undefined;
    if (!v || typeof v.summary !== 'string' || typeof v.partnership !== 'string' || typeof v.case !== 'string' || !Array.isArray(v.keywords)) continue;
    const gold = [...new Set(v.keywords.flatMap((k) => map[String(k).toLowerCase()] ?? []))].sort();
    if (gold.length === 0 || v.summary.trim() === '') {
      out.noThemes++;
      continue;
    }
    if (labelled.has(reviewKey(v.partnership, v.case))) {
      out.alsoLabelled++;
      continue;
    }
    out.docs.push({ id: `catalogue:${l.line}`, entity: 'review', source: entriesPath, text: v.summary, gold, partial: true });
  }
  return out;
}

/** Per theme, [lines whose list names it, of those the lines `tagsOf` tags with it]: what the agreement view counts. */
export function listedAndFound(docs: readonly LabelledDoc[], tagsOf: (text: string) => readonly string[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const d of docs) {
    const tags = new Set(tagsOf(d.text));
    for (const g of d.gold) {
      const [n, k] = out.get(g) ?? [0, 0];
      out.set(g, [n + 1, k + (tags.has(g) ? 1 : 0)]);
    }
  }
  return out;
}
