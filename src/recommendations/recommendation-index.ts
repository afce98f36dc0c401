/**
 * The Recommendations view's per-filter counts without a query: every
 * recommendation as its review's position in the filter index, its year,
 * kind, tracking and themes, in the list's order. A filter change is one pass
 * over these arrays after the filter index has chosen the reviews. The SQL in
 * src/queries/recommendations.ts stays the definition; a test checks the two
 * agree row for row. Pure: no engine, no React.
 */
import { byText, themeLists, type ThemeLists } from '../filter-index/filter-index.ts';
import type { Filters } from '../filters/filters.ts';
import type { KindThemeRow, KindYearRow, OwnerRow } from '../queries/recommendations.ts';

export interface RecommendationIndex {
  /** Recommendation ids in the list's order (newest reviews first, text order within a review). */
  ids: string[];
  /** The review's position in the filter index (review_facts in id order); -1 when it has none. */
  review: Int32Array;
  /** Publication year of the review; 0 when undated. */
  year: Int16Array;
  kind: string[];
  status: string[];
  owner: string[];
  dueOn: string[];
  /** Each recommendation's theme rows (recommendation_themes, duplicates kept) as indexes into themeIds. */
  themes: ThemeLists;
  themeIds: string[];
  /** The theme's label, or its id when the theme is not in the themes table. */
  themeLabels: string[];
}

export interface RecommendationIndexRow {
  id: string;
  review: number;
  year: number;
  kind: string;
  status: string;
  owner: string;
  due_on: string;
}

/** Builds the index from its rows (in list order), the (recommendation, theme) rows and the themes' labels. */
export function buildRecommendationIndex(
  rows: readonly RecommendationIndexRow[], themeRows: readonly { rec_id: string; theme_id: string }[], labels: ReadonlyMap<string, string>,
): RecommendationIndex {
  const position = new Map(rows.map((r, i) => [r.id, i]));
  const themeIds = [...new Set(themeRows.map((t) => t.theme_id))].sort(byText);
  const themeOf = new Map(themeIds.map((id, i) => [id, i]));
  const pairs = themeRows.flatMap((t) => {
    const i = position.get(t.rec_id);
    return i === undefined ? [] : [[i, themeOf.get(t.theme_id)!] as const];
  }).sort((a, b) => a[0] - b[0]);
  return {
    ids: rows.map((r) => r.id),
    review: Int32Array.from(rows, (r) => r.review),
    year: Int16Array.from(rows, (r) => r.year),
    kind: rows.map((r) => r.kind),
    status: rows.map((r) => r.status),
    owner: rows.map((r) => r.owner),
    dueOn: rows.map((r) => r.due_on),
    themes: themeLists(rows.length, pairs.map((p) => p[0]), pairs.map((p) => p[1])),
    themeIds,
    themeLabels: themeIds.map((id) => labels.get(id) ?? id),
  };
}

/**
 * Positions (in list order) of the recommendations the filters keep: their
 * review passes the review filters (`reviews`, from selectReviews with the
 * theme filter ignored) and their own themes hold every chosen theme.
 */
export function selectRecommendations(index: RecommendationIndex, reviews: Uint8Array, f: Filters): number[] {
  const wanted = [...new Set(f.themes)].map((id) => index.themeIds.indexOf(id));
  if (wanted.includes(-1)) return [];
  const { start, themes } = index.themes;
  const out: number[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    const r = index.review[i]!;
    if (r < 0 || !reviews[r]) continue;
    let all = true;
    for (const t of wanted) {
      let found = false;
      for (let k = start[i]!; k < start[i + 1]!; k++) if (themes[k] === t) { found = true; break; }
      if (!found) { all = false; break; }
    }
    if (all) out.push(i);
  }
  return out;
}

/** As kindsByYearSql: per year and kind, with each year's total as the share's base. */
export function kindsByYearFromIndex(index: RecommendationIndex, selected: readonly number[]): KindYearRow[] {
  const counts = new Map<number, Map<string, number>>();
  for (const i of selected) {
    const year = index.year[i]!;
    if (!year) continue;
    const kinds = counts.get(year) ?? counts.set(year, new Map()).get(year)!;
    kinds.set(index.kind[i]!, (kinds.get(index.kind[i]!) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).flatMap(([year, kinds]) => {
    const total = [...kinds.values()].reduce((s, n) => s + n, 0);
    return [...kinds].sort((a, b) => byText(a[0], b[0])).map(([kind, n]) => ({ year, kind, recommendations: n, total, share: n / total }));
  });
}

/** As kindsByThemeSql: per theme and kind, for the `top` themes with most recommendations (ties by theme id). */
export function kindsByThemeFromIndex(index: RecommendationIndex, selected: readonly number[], top = 12): KindThemeRow[] {
  const per = new Map<number, Map<string, number>>();
  for (const i of selected) {
    for (let k = index.themes.start[i]!; k < index.themes.start[i + 1]!; k++) {
      const t = index.themes.themes[k]!;
      const kinds = per.get(t) ?? per.set(t, new Map()).get(t)!;
      kinds.set(index.kind[i]!, (kinds.get(index.kind[i]!) ?? 0) + 1);
    }
  }
  const ranked = [...per].map(([t, kinds]) => ({ t, kinds, total: [...kinds.values()].reduce((s, n) => s + n, 0) }))
    .sort((a, b) => b.total - a.total || byText(index.themeIds[a.t]!, index.themeIds[b.t]!))
    .slice(0, top);
  return ranked.flatMap(({ t, kinds }) => [...kinds].sort((a, b) => byText(a[0], b[0])).map(([kind, n]) => ({
    theme_id: index.themeIds[t]!, theme: index.themeLabels[t]!, kind, recommendations: n,
  })));
}

/** As openByOwnerSql: open (not started or in progress) per owner, and how many are due before `today`. */
export function openByOwnerFromIndex(index: RecommendationIndex, selected: readonly number[], today: string): OwnerRow[] {
  const owners = new Map<string, OwnerRow>();
  for (const i of selected) {
    const status = index.status[i]!;
    if (status !== 'not-started' && status !== 'in-progress') continue;
    // DuckDB's trim() removes spaces only.
    const owner = index.owner[i]!.replace(/^ +| +$/g, '') === '' ? 'No owner' : index.owner[i]!;
    const row = owners.get(owner) ?? owners.set(owner, { owner, open: 0, overdue: 0 }).get(owner)!;
    row.open++;
    const due = index.dueOn[i]!;
    if (due !== '' && due < today) row.overdue++;
  }
  return [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || byText(a.owner, b.owner));
}
