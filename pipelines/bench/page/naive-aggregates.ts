/**
 * The naive way to draw the dashboard: load every table as plain row objects
 * and compute the Overview and theme-share aggregates with array methods, per
 * filter change. Same semantics as src/queries (manual tags override the model;
 * themes must all be present; top 8 partnerships, the rest folded together).
 */
import { tableFromIPC } from 'apache-arrow';

export interface NaiveFilters {
  partnerships: string[];
  regions: string[];
  yearFrom: number | null;
  yearTo: number | null;
  types: string[];
  themes: string[];
}

type Row = Record<string, unknown>;
interface ReviewRow { id: string; partnership_id: string; review_type: string; year: number | null }
interface BriefingRow { id: string; partnership_id: string; year: number | null }

async function rows(base: string, table: string): Promise<Row[]> {
  const res = await fetch(`${base}${table}.arrows`);
  if (!res.ok) throw new Error(`Could not fetch ${table} (HTTP ${res.status})`);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r: { toJSON(): Row }) => r.toJSON());
}

/** Effective themes per entity key ("review:<id>"), with manual accept/reject overriding the model. */
function effectiveThemes(tags: Row[]): Map<string, Set<string>> {
  const manual = new Map<string, boolean>();
  for (const t of tags) if (t.source === 'manual') {
    const k = `${t.entity_type}:${t.entity_id}:${t.theme_id}`;
    manual.set(k, (manual.get(k) ?? false) || t.accepted === true);
  }
  const out = new Map<string, Set<string>>();
  const add = (entity: string, theme: string) => (out.get(entity) ?? out.set(entity, new Set()).get(entity)!).add(theme);
  for (const t of tags) {
    const k = `${t.entity_type}:${t.entity_id}:${t.theme_id}`;
    if (t.source !== 'manual' && !manual.has(k)) add(`${t.entity_type}:${t.entity_id}`, String(t.theme_id));
  }
  for (const [k, accepted] of manual) if (accepted) add(k.slice(0, k.lastIndexOf(':')), k.slice(k.lastIndexOf(':') + 1));
  return out;
}

function time<T>(timings: Record<string, number[]>, label: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  (timings[label] ??= []).push(performance.now() - started);
  return result;
}

/** Loads the dataset as row objects, then runs the aggregates once per filter set; returns timings per aggregate. */
export async function naiveAggregates(base: string, filterSets: NaiveFilters[]) {
  const loadStarted = performance.now();
  const [reviews, briefings, partnerships, tags] = await Promise.all(['reviews', 'briefings', 'partnerships', 'theme_tags'].map((t) => rows(base, t)));
  const themesOf = effectiveThemes(tags!);
  const loadMs = performance.now() - loadStarted;
  const regionOf = new Map(partnerships!.map((p) => [p.id as string, p.region as string | null]));
  const nameOf = new Map(partnerships!.map((p) => [p.id as string, p.name as string]));
  const timings: Record<string, number[]> = {};
  let checksum = 0;
  for (const f of filterSets) {
    const inArea = (pid: string) => (!f.partnerships.length || f.partnerships.includes(pid)) && (!f.regions.length || f.regions.includes(regionOf.get(pid) ?? ''));
    const inYears = (y: number | null) => (f.yearFrom === null || (y !== null && y >= f.yearFrom)) && (f.yearTo === null || (y !== null && y <= f.yearTo));
    const review = (r: ReviewRow, themes = true) => inArea(r.partnership_id) && inYears(r.year) && (!f.types.length || f.types.includes(r.review_type)) &&
      (!themes || !f.themes.length || f.themes.every((t) => themesOf.get(`review:${r.id}`)?.has(t)));
    const briefing = (b: BriefingRow) => inArea(b.partnership_id) && inYears(b.year) && (!f.themes.length || f.themes.every((t) => themesOf.get(`briefing:${b.id}`)?.has(t)));
    time(timings, 'overview.totals', () => {
      const r = (reviews as unknown as ReviewRow[]).filter((x) => review(x));
      const b = (briefings as unknown as BriefingRow[]).filter(briefing);
      const years = r.map((x) => x.year).filter((y): y is number => y !== null);
      checksum += r.length + b.length + new Set([...r, ...b].map((x) => x.partnership_id)).size + Math.min(...years) + Math.max(...years);
    });
    time(timings, 'overview.reviewsPerYearByPartnership', () => {
      const r = (reviews as unknown as ReviewRow[]).filter((x) => review(x) && x.year !== null);
      const perPartnership = new Map<string, number>();
      for (const x of r) perPartnership.set(x.partnership_id, (perPartnership.get(x.partnership_id) ?? 0) + 1);
      const top = new Set([...perPartnership].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([id]) => id));
      const cells = new Map<string, number>();
      for (const x of r) {
        const k = `${x.year}|${top.has(x.partnership_id) ? nameOf.get(x.partnership_id) : 'Other partnerships'}`;
        cells.set(k, (cells.get(k) ?? 0) + 1);
      }
      checksum += [...cells.keys()].sort().length;
    });
    time(timings, 'themes.share', () => {
      const tagged = (reviews as unknown as ReviewRow[]).filter((x) => review(x, false) && themesOf.has(`review:${x.id}`));
      const counts = new Map<string, number>();
      for (const x of tagged) for (const t of themesOf.get(`review:${x.id}`)!) counts.set(t, (counts.get(t) ?? 0) + 1);
      checksum += [...counts.entries()].sort((a, b) => b[1] - a[1]).length + tagged.length;
    });
  }
  return { loadMs, timings, checksum, rows: { reviews: reviews!.length, briefings: briefings!.length, theme_tags: tags!.length } };
}
