/** Which reviews and briefings the shared filters keep, as a 0/1 flag per item: the index's WHERE clause. */
import { DEFAULT_NATION, NO_FILTERS, tagSourceMask, type Filters } from '../filters/filters.ts';
import { NO_PARTNERSHIP, type FilterIndex, type ThemeLists } from './filter-index.ts';

export interface SearchHits {
  reviews: Int32Array;
  briefings: Int32Array;
}

export interface SelectOptions {
  ignoreThemes?: boolean;
  ignoreYears?: boolean;
  ignorePartnerships?: boolean;
  /** Only reviews with a publication year. */
  datedOnly?: boolean;
  /** Only reviews carrying at least one theme. */
  taggedOnly?: boolean;
  /** Keep title-only reviews whatever the filters say (as reviewWhere's keepTitleOnly). */
  keepTitleOnly?: boolean;
}

/** Which partnership indexes the partnership, region and nation filters allow. */
interface PartnershipFilter {
  flags: Uint8Array;
  /** Whether an item with no partnership row passes (only the nation filter lets it: it counts as England's). */
  orphans: boolean;
}

/** The partnership, region and nation filters as flags over the partnerships (null: all pass). */
function partnershipFlags(index: FilterIndex, f: Filters, ignore: boolean): PartnershipFilter | null {
  const ids = new Set(ignore ? [] : f.partnerships);
  const regions = new Set(ignore ? [] : f.regions);
  if (!ids.size && !regions.size && f.nation === null) return null;
  const flags = Uint8Array.from(index.partnerships, (p) =>
    (!ids.size || ids.has(p.id)) && (!regions.size || (p.region !== null && regions.has(p.region))) &&
    (f.nation === null || p.nation === f.nation) ? 1 : 0);
  return { flags, orphans: !ids.size && !regions.size && (f.nation === null || f.nation === DEFAULT_NATION) };
}

const passes = (allowed: PartnershipFilter | null, p: number) =>
  !allowed || (p === NO_PARTNERSHIP || p >= allowed.flags.length ? allowed.orphans : allowed.flags[p] === 1);

/** True when the item's theme list holds every wanted theme index. */
function hasAll(lists: ThemeLists, item: number, wanted: readonly number[]): boolean {
  for (const t of wanted) {
    let found = false;
    for (let k = lists.start[item]!; k < lists.start[item + 1]!; k++) if (lists.themes[k] === t) { found = true; break; }
    if (!found) return false;
  }
  return true;
}

/** Theme indexes of the theme filter; null when a chosen theme does not exist (nothing can match). */
function wantedThemes(index: FilterIndex, f: Filters): number[] | null {
  const wanted = [...new Set(f.themes)].map((id) => index.themes.findIndex((t) => t.id === id));
  return wanted.includes(-1) ? null : wanted;
}

function hitFlags(count: number, hits: Int32Array): Uint8Array {
  const flags = new Uint8Array(count);
  for (const i of hits) flags[i] = 1;
  return flags;
}

/**
 * The last selections per index, by what they depend on: one filter change asks for the same few selections
 * from several aggregates (at x10, 15,000 reviews and 60,000 briefings each time). Callers must not write into
 * a returned array.
 */
const KEPT_SELECTIONS = 32;
const selections = new WeakMap<FilterIndex, Map<string, Uint8Array>>();
const hitIds = new WeakMap<SearchHits, number>();
let nextHitId = 1;

function selectionKey(kind: string, f: Filters, hits: SearchHits | null, opts: object): string {
  const text = f.q.trim() && hits ? (hitIds.get(hits) ?? hitIds.set(hits, nextHitId++).get(hits)) : 0;
  return JSON.stringify([kind, f.partnerships, f.regions, f.nation, f.yearFrom, f.yearTo, f.types, f.themes, f.titleOnly, f.tagSources, text, opts]);
}

function remembered(index: FilterIndex, key: string, select: () => Uint8Array): Uint8Array {
  let kept = selections.get(index);
  if (!kept) selections.set(index, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const out = select();
  kept.set(key, out);
  if (kept.size > KEPT_SELECTIONS) kept.delete(kept.keys().next().value!);
  return out;
}

/** Reviews matching the filters (as reviewWhere does), with the options' narrowing. Read-only: shared between callers. */
export function selectReviews(index: FilterIndex, f: Filters, hits: SearchHits | null, opts: SelectOptions = {}): Uint8Array {
  return remembered(index, selectionKey('reviews', f, hits, opts), () => computeReviews(index, f, hits, opts));
}

function computeReviews(index: FilterIndex, f: Filters, hits: SearchHits | null, opts: SelectOptions): Uint8Array {
  const { count, partnership, year, type, themes, titleOnly, tagSources } = index.reviews;
  const sourceMask = tagSourceMask(f.tagSources);
  const dropTitleOnly = !f.titleOnly && !opts.keepTitleOnly;
  const out = new Uint8Array(count);
  const allowedP = partnershipFlags(index, f, !!opts.ignorePartnerships);
  const from = opts.ignoreYears ? null : f.yearFrom;
  const to = opts.ignoreYears ? null : f.yearTo;
  const types = f.types.length ? Uint8Array.from(index.reviewTypes, (t) => (f.types as string[]).includes(t) ? 1 : 0) : null;
  const wanted = opts.ignoreThemes || !f.themes.length ? [] : wantedThemes(index, f);
  if (wanted === null) return out;
  const text = f.q.trim() && hits ? hitFlags(count, hits.reviews) : null;
  for (let i = 0; i < count; i++) {
    const y = year[i]!;
    if (!passes(allowedP, partnership[i]!)) continue;
    if ((from !== null || to !== null || opts.datedOnly) && y === 0) continue;
    if ((from !== null && y < from) || (to !== null && y > to)) continue;
    if (types && !types[type[i]!]) continue;
    if (opts.taggedOnly && themes.start[i] === themes.start[i + 1]) continue;
    if (wanted.length && !hasAll(themes, i, wanted)) continue;
    if (text && !text[i]) continue;
    if (dropTitleOnly && titleOnly[i]) continue;
    if (sourceMask && !(tagSources[i]! & sourceMask)) continue;
    out[i] = 1;
  }
  return out;
}

/** Briefings matching the filters (as briefingWhere does: review types do not apply). Read-only: shared between callers. */
export function selectBriefings(index: FilterIndex, f: Filters, hits: SearchHits | null, opts: { ignoreYears?: boolean } = {}): Uint8Array {
  return remembered(index, selectionKey('briefings', f, hits, opts), () => computeBriefings(index, f, hits, opts));
}

function computeBriefings(index: FilterIndex, f: Filters, hits: SearchHits | null, opts: { ignoreYears?: boolean }): Uint8Array {
  const { count, partnership, year, themes } = index.briefings;
  const out = new Uint8Array(count);
  const allowedP = partnershipFlags(index, f, false);
  const wanted = f.themes.length ? wantedThemes(index, f) : [];
  if (wanted === null) return out;
  const text = f.q.trim() && hits ? hitFlags(count, hits.briefings) : null;
  for (let i = 0; i < count; i++) {
    const y = year[i]!;
    if (!passes(allowedP, partnership[i]!)) continue;
    if (!opts.ignoreYears) {
      if ((f.yearFrom !== null || f.yearTo !== null) && y === 0) continue;
      if ((f.yearFrom !== null && y < f.yearFrom) || (f.yearTo !== null && y > f.yearTo)) continue;
    }
    if (wanted.length && !hasAll(themes, i, wanted)) continue;
    if (text && !text[i]) continue;
    out[i] = 1;
  }
  return out;
}

const WARM_OPTIONS: SelectOptions[] = [{}, { keepTitleOnly: true }, { datedOnly: true }, { ignoreThemes: true, taggedOnly: true, datedOnly: true }, { ignorePartnerships: true }, { ignoreYears: true }];

/**
 * One step per kind of filter (a theme, two themes, a review type, a year range, a region, a partnership): each
 * runs the selections that filter takes, on filters drawn from the index, keeping nothing. Run while the page is
 * idle, they let the engine compile the selection loops for every kind of filter before a user's first change
 * of that kind: cold, a first theme or type filter took 20–45 ms of selections at x10, and 2–5 ms afterwards.
 */
export function warmUpSteps(index: FilterIndex): Array<() => void> {
  const [first, second] = index.themes;
  const region = index.partnerships.find((p) => p.region !== null)?.region;
  const samples: Array<Partial<Filters>> = [
    first ? { themes: [first.id] } : {},
    first && second ? { themes: [first.id, second.id] } : {},
    index.reviewTypes[0] ? { types: [index.reviewTypes[0]] as Filters['types'] } : {},
    { yearFrom: 2015, yearTo: 2020 },
    region ? { regions: [region] } : {},
    index.partnerships[0] ? { partnerships: [index.partnerships[0].id] } : {},
  ];
  return samples.map((sample) => () => {
    const f = { ...NO_FILTERS, ...sample };
    for (const opts of WARM_OPTIONS) computeReviews(index, f, null, opts);
    computeBriefings(index, f, null, {});
    computeBriefings(index, f, null, { ignoreYears: true });
  });
}

const populations = new WeakMap<Uint8Array, { total: number; perTheme: Int32Array }>();

/** Tagged reviews in the population (theme filter left out) and their theme counts. Read-only: shared between callers. */
export function taggedPopulation(index: FilterIndex, f: Filters, hits: SearchHits | null, datedOnly: boolean) {
  const tagged = selectReviews(index, f, hits, { ignoreThemes: true, taggedOnly: true, datedOnly });
  // Counted once per selection: the selection itself is remembered, so its counts can hang off it.
  let counts = populations.get(tagged);
  if (!counts) {
    const { start, themes } = index.reviews.themes;
    const perTheme = new Int32Array(index.themes.length);
    let total = 0;
    for (let i = 0; i < tagged.length; i++) {
      if (!tagged[i]) continue;
      total++;
      for (let k = start[i]!; k < start[i + 1]!; k++) perTheme[themes[k]!]!++;
    }
    populations.set(tagged, (counts = { total, perTheme }));
  }
  return { tagged, ...counts };
}
