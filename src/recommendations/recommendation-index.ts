/**
 * The Recommendations view without a query per filter change: every
 * recommendation's list row (text and all), its review's position in the
 * filter index and its themes, in the list's order. A filter change is one
 * pass over these after the filter index has chosen the reviews. The SQL in
 * src/queries/recommendations.ts stays the definition; a test checks the two
 * agree row for row. Pure: no engine, no React.
 */
import { byText, themeLists, type ThemeLists } from '../filter-index/filter-index.ts';
import type { Filters } from '../filters/filters.ts';
import type { KindThemeRow, KindYearRow, OwnerRow, RecommendationListRow } from './answer-rows.ts';

export interface RecommendationIndex {
  /** The list's rows in its order (newest reviews first, text order within a review). */
  rows: RecommendationListRow[];
  /** The review's position in the filter index (review_facts in id order); -1 when it has none. */
  review: Int32Array;
  /** Each recommendation's theme rows (recommendation_themes, duplicates kept) as indexes into themeIds. */
  themes: ThemeLists;
  themeIds: string[];
  /** The theme's label, or its id when the theme is not in the themes table. */
  themeLabels: string[];
}

/**
 * Builds the index from the list's rows (in its order), the filter index's review ids (in its order),
 * the (recommendation, theme) rows and the themes' labels.
 */
export function buildRecommendationIndex(
  rows: RecommendationListRow[], reviewIds: readonly string[], themeRows: readonly { rec_id: string; theme_id: string }[], labels: ReadonlyMap<string, string>,
): RecommendationIndex {
  const reviewAt = new Map(reviewIds.map((id, i) => [id, i]));
  const position = new Map(rows.map((r, i) => [r.id, i]));
  const themeIds = [...new Set(themeRows.map((t) => t.theme_id))].sort(byText);
  const themeOf = new Map(themeIds.map((id, i) => [id, i]));
  const pairs = themeRows.flatMap((t) => {
    const i = position.get(t.rec_id);
    return i === undefined ? [] : [[i, themeOf.get(t.theme_id)!] as const];
  }).sort((a, b) => a[0] - b[0]);
  return {
    rows,
    review: Int32Array.from(rows, (r) => reviewAt.get(r.review_id) ?? -1),
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
  for (let i = 0; i < index.rows.length; i++) {
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

/** What the Recommendations view's headline counts, all under the same filters. */
export interface RecommendationBase {
  /** Recommendations the filters keep. */
  recommendations: number;
  /** Distinct reviews those recommendations come from. */
  reviews: number;
  /** Reviews the review filters keep (the base: with no theme filter, the Overview's review count). */
  ofReviews: number;
}

/** Counts the selected recommendations, the reviews they come from and the reviews the filters keep (`reviews`, from selectReviews). */
export function recommendationBase(index: RecommendationIndex, selected: readonly number[], reviews: Uint8Array): RecommendationBase {
  const from = new Set<number>();
  for (const i of selected) from.add(index.review[i]!);
  let ofReviews = 0;
  for (let r = 0; r < reviews.length; r++) if (reviews[r]) ofReviews++;
  return { recommendations: selected.length, reviews: from.size, ofReviews };
}

/** As kindsByYearSql: per year and kind, with each year's total as the share's base. */
export function kindsByYearFromIndex(index: RecommendationIndex, selected: readonly number[]): KindYearRow[] {
  const counts = new Map<number, Map<string, number>>();
  for (const i of selected) {
    const { year, kind } = index.rows[i]!;
    if (year === null) continue;
    const kinds = counts.get(year) ?? counts.set(year, new Map()).get(year)!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
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
      const { kind } = index.rows[i]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
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
    const r = index.rows[i]!;
    if (r.status !== 'not-started' && r.status !== 'in-progress') continue;
    // DuckDB's trim() removes spaces only.
    const owner = r.owner.replace(/^ +| +$/g, '') === '' ? 'No owner' : r.owner;
    const row = owners.get(owner) ?? owners.set(owner, { owner, open: 0, overdue: 0 }).get(owner)!;
    row.open++;
    if (r.due_on !== '' && r.due_on < today) row.overdue++;
  }
  return [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || byText(a.owner, b.owner));
}
