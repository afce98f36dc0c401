/**
 * The briefing planner's filter-driven aggregates over the index: the same rows
 * as plannerYearsSql and themeCoverageSql (planner.test.ts checks them against
 * the SQL). Briefings are dated by their own date, else their review's, and
 * partnership statements never count.
 */
import type { Filters } from '../filters/filters.ts';
import type { PlannerYearsRow } from '../queries/planner.ts';
import type { ThemeCoverage } from '../planner/score.ts';
import type { PlannerWindow } from '../planner/window.ts';
import type { FilterIndex } from '../filter-index/filter-index.ts';
import { selectBriefings, selectReviews, type SearchHits } from '../filter-index/select.ts';

/** Briefings in scope that count: the filters (their years aside) and no statements. */
function scopedBriefings(index: FilterIndex, scope: Filters, hits: SearchHits | null): Uint8Array {
  const b = selectBriefings(index, scope, hits, { ignoreYears: true });
  for (let i = 0; i < b.length; i++) if (index.briefings.statement[i]) b[i] = 0;
  return b;
}

const hasThemes = (start: Int32Array, i: number) => start[i] !== start[i + 1];

/** The year span of the tagged reviews in scope, and what cannot be counted. */
export function plannerYears(index: FilterIndex, scope: Filters, hits: SearchHits | null): PlannerYearsRow {
  const r = selectReviews(index, scope, hits);
  const { year, themes } = index.reviews;
  let reviews = 0, untagged = 0, undated = 0, first = Infinity, last = -Infinity;
  for (let i = 0; i < r.length; i++) {
    if (!r[i]) continue;
    reviews++;
    if (!hasThemes(themes.start, i)) { untagged++; continue; }
    const y = year[i]!;
    if (y === 0) { undated++; continue; }
    if (y < first) first = y;
    if (y > last) last = y;
  }
  const b = scopedBriefings(index, scope, hits);
  let briefings = 0, untaggedBriefings = 0;
  for (let i = 0; i < b.length; i++) {
    if (!b[i]) continue;
    briefings++;
    if (!hasThemes(index.briefings.themes.start, i)) untaggedBriefings++;
  }
  return {
    latest_year: last === -Infinity ? null : last, first_year: first === Infinity ? null : first,
    reviews, untagged_reviews: untagged, undated_reviews: undated,
    briefings, untagged_briefings: untaggedBriefings, partnerships: index.partnershipsWithData,
  };
}

/** Per current theme: review recurrence in and before the window, and the briefings covering it. */
export function themeCoverage(index: FilterIndex, scope: Filters, hits: SearchHits | null, w: PlannerWindow): ThemeCoverage[] {
  const T = index.themes.length;
  const r = selectReviews(index, scope, hits);
  const rt = index.reviews.themes;
  const inWindow = new Int32Array(T), before = new Int32Array(T);
  let windowTotal = 0, beforeTotal = 0;
  for (let i = 0; i < r.length; i++) {
    const y = index.reviews.year[i]!;
    if (!r[i] || y === 0 || !hasThemes(rt.start, i)) continue;
    const into = y >= w.from && y <= w.to ? inWindow : y < w.from ? before : null;
    if (into === inWindow) windowTotal++;
    else if (into === before) beforeTotal++;
    if (into) for (let k = rt.start[i]!; k < rt.start[i + 1]!; k++) into[rt.themes[k]!]!++;
  }
  const b = scopedBriefings(index, scope, hits);
  const bt = index.briefings.themes;
  const briefings = new Int32Array(T), recent = new Int32Array(T), undated = new Int32Array(T), latestYear = new Int32Array(T);
  const latestOn: Array<string | null> = new Array(T).fill(null);
  const latest: Array<string | null> = new Array(T).fill(null);
  for (let i = 0; i < b.length; i++) {
    if (!b[i]) continue;
    const y = index.briefings.datedYear[i]!;
    const on = index.briefings.datedOn[i]!;
    const published = index.briefings.datedPublished[i]!;
    for (let k = bt.start[i]!; k < bt.start[i + 1]!; k++) {
      const t = bt.themes[k]!;
      briefings[t]!++;
      if (y === 0) undated[t]!++;
      else {
        if (y >= w.from) recent[t]!++;
        if (y > latestYear[t]!) latestYear[t] = y;
      }
      // arg_max(published, published_on): rows with either missing do not take part.
      if (on !== null && published !== null && (latestOn[t] === null || on > latestOn[t]!)) { latestOn[t] = on; latest[t] = published; }
    }
  }
  return index.themes
    .map((th, t) => ({ th, t }))
    .filter(({ th }) => !th.retired && th.group !== null)
    .sort((a, b) => (a.th.id < b.th.id ? -1 : a.th.id > b.th.id ? 1 : 0))
    .map(({ th, t }) => ({
      theme_id: th.id, label: th.label, group_label: th.group!,
      window_total: windowTotal, window_reviews: inWindow[t]!, before_total: beforeTotal, before_reviews: before[t]!,
      briefings: briefings[t]!, briefings_recent: recent[t]!, briefings_undated: undated[t]!,
      latest_briefing_year: latestYear[t]! || null, latest_briefing: latest[t]!,
    }));
}
