/**
 * The briefing planner: per-theme recurrence in recent reviews against the
 * briefings that cover it, the evidence behind a theme, and one partnership
 * against the rest. Every builder takes the planner's scope (shared filters
 * via plannerScope) and window.
 *
 * Shares are of tagged reviews (those carrying at least one theme), as on the
 * other views: a review nobody has read for themes yet says nothing about them.
 *
 * Briefing dates: an undated briefing written on a review takes the review's
 * date (a briefing follows its review); a partnership statement is not a
 * briefing and never counts as coverage.
 *
 * Longer than most query modules: its five queries share the tagged-review
 * condition and the briefing-dating CTE, which must not drift apart.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { PlannerWindow } from '../planner/window.ts';
import { briefingWhere, reviewWhere } from './filters.ts';
import { type Filters } from '../filters/filters.ts';
import { int, str } from './sql.ts';
import { queryFiltered } from './search-hits.ts';
import { itemsByTheme, type FilterIndex } from '../filter-index/filter-index.ts';
import { selectBriefings, selectReviews, type SearchHits } from '../filter-index/select.ts';
import type { ThemeEvidenceRow } from '../planner/material.ts';
import type { ThemeCoverage } from '../planner/score.ts';
import type { Aggregate } from './aggregate.ts';
import { STATUTORY_PARTNERSHIP_IDS } from './partnerships.ts';
import { totals, totalsSql } from './overview.ts';

export interface PlannerYearsRow {
  /** Latest and earliest publication year of the tagged reviews in scope (null when none is dated). */
  latest_year: number | null;
  first_year: number | null;
  reviews: number;
  /** Reviews in scope that cannot count: no theme yet, or (tagged but) no publication year. */
  untagged_reviews: number;
  undated_reviews: number;
  /** Briefings in scope (statements aside), and how many of them carry no theme at all. */
  briefings: number;
  untagged_briefings: number;
  /**
   * Statutory partnerships with a review or briefing under the scope's other filters (nation, types,
   * title-only, tag sources; the partnership and region filters left out): the partnerships one
   * partnership can be compared with, counted as the Overview counts partnerships (totals).
   */
  partnerships: number;
}

/** Condition on a `review_facts` row aliased `r`: it carries at least one theme. */
const IS_TAGGED = 'r.theme_count > 0';

/** The year span of the reviews in scope, which sets the default window, and what cannot be counted. */
export function plannerYearsSql(scope: Filters): string {
  return `
WITH bd AS (${datedBriefingsSql(scope)})
SELECT max(r.year) FILTER (WHERE ${IS_TAGGED})::INTEGER AS latest_year,
       min(r.year) FILTER (WHERE ${IS_TAGGED})::INTEGER AS first_year,
       count(*)::INTEGER AS reviews,
       count(*) FILTER (WHERE NOT ${IS_TAGGED})::INTEGER AS untagged_reviews,
       count(*) FILTER (WHERE r.year IS NULL AND ${IS_TAGGED})::INTEGER AS undated_reviews,
       (SELECT count(DISTINCT briefing_key) FROM bd)::INTEGER AS briefings,
       (SELECT count(DISTINCT briefing_key) FROM bd WHERE id NOT IN (SELECT entity_id FROM entity_themes WHERE entity_type = 'briefing'))::INTEGER AS untagged_briefings,
       (SELECT partnerships FROM (${totalsSql(comparable(scope))}))::INTEGER AS partnerships
FROM review_facts r WHERE ${reviewWhere(scope)}`;
}

/** The scope one partnership is compared within: every partnership and region (as localVsRestSql counts "the rest"). */
function comparable(scope: Filters): Filters {
  return { ...scope, partnerships: [], regions: [] };
}

/** Briefings in scope with an effective date (their own, else their review's). Aliased `bd`. */
function datedBriefingsSql(scope: Filters): string {
  return `
SELECT b.id, b.title, b.partnership_id, b.briefing_kind, b.review_id, bf.briefing_key, bf.linked_reviews,
       COALESCE(b.year, rv.year) AS year,
       CASE WHEN b.year IS NULL THEN rv.published ELSE b.published END AS published,
       CASE WHEN b.year IS NULL THEN rv.published_on ELSE b.published_on END AS published_on,
       (b.year IS NULL AND rv.year IS NOT NULL) AS dated_by_review
FROM briefings b JOIN briefing_facts bf ON bf.id = b.id LEFT JOIN reviews rv ON rv.id = b.review_id
WHERE ${briefingWhere(scope, { ignoreYears: true })} AND b.briefing_kind <> 'statement'`;
}

/** One row per (non-retired) theme: review recurrence in and before the window, and briefing coverage. */
export function themeCoverageSql(scope: Filters, w: PlannerWindow): string {
  const inWindow = `year BETWEEN ${int(w.from)} AND ${int(w.to)}`;
  return `
WITH scoped AS (SELECT r.id, r.year FROM review_facts r WHERE ${reviewWhere(scope)} AND r.year IS NOT NULL AND ${IS_TAGGED}),
totals AS (
  SELECT count(*) FILTER (WHERE ${inWindow})::INTEGER AS window_total,
         count(*) FILTER (WHERE year < ${int(w.from)})::INTEGER AS before_total
  FROM scoped
),
review_counts AS (
  SELECT et.theme_id,
         count(*) FILTER (WHERE s.${inWindow}) AS window_reviews,
         count(*) FILTER (WHERE s.year < ${int(w.from)}) AS before_reviews
  FROM scoped s JOIN review_theme_facts et ON et.id = s.id
  GROUP BY et.theme_id
),
bd AS (${datedBriefingsSql(scope)}),
briefing_counts AS (
  SELECT et.theme_id, count(DISTINCT bd.briefing_key) AS briefings,
         count(DISTINCT bd.briefing_key) FILTER (WHERE bd.year >= ${int(w.from)}) AS briefings_recent,
         count(DISTINCT bd.briefing_key) FILTER (WHERE bd.year IS NULL) AS briefings_undated,
         max(bd.year) AS latest_briefing_year,
         arg_max(bd.published, bd.published_on) AS latest_briefing
  FROM bd JOIN entity_themes et ON et.entity_type = 'briefing' AND et.entity_id = bd.id
  GROUP BY et.theme_id
)
SELECT t.id AS theme_id, t.label, g.label AS group_label,
       totals.window_total, COALESCE(rc.window_reviews, 0)::INTEGER AS window_reviews,
       totals.before_total, COALESCE(rc.before_reviews, 0)::INTEGER AS before_reviews,
       COALESCE(bc.briefings, 0)::INTEGER AS briefings,
       COALESCE(bc.briefings_recent, 0)::INTEGER AS briefings_recent,
       COALESCE(bc.briefings_undated, 0)::INTEGER AS briefings_undated,
       bc.latest_briefing_year::INTEGER AS latest_briefing_year, bc.latest_briefing
FROM themes t JOIN theme_groups g ON g.id = t.group_id CROSS JOIN totals
LEFT JOIN review_counts rc ON rc.theme_id = t.id
LEFT JOIN briefing_counts bc ON bc.theme_id = t.id
WHERE NOT t.retired
ORDER BY t.id`;
}

/**
 * Evidence sentences as their review's (passage evidence counts for the passage's review), where `where` holds.
 * Two inner joins, not one LEFT JOIN with the entity type in its condition: the engine ran that as a
 * nested loop over every piece of evidence and every passage (134 s at ten times national scale).
 */
function reviewEvidenceSql(where: string): string {
  return `
  SELECT e.theme_id, e.entity_id AS review_id, e.sentence, e.weight, e.rank FROM tag_evidence e WHERE ${where} AND e.entity_type = 'review'
  UNION ALL
  SELECT e.theme_id, p.entity_id, e.sentence, e.weight, e.rank FROM tag_evidence e JOIN passages p ON p.id = e.entity_id
  WHERE ${where} AND e.entity_type = 'passage' AND p.entity_type = 'review'`;
}

/**
 * Up to `perReview` strongest evidence sentences from each of the `maxReviews`
 * reviews in the window most strongly tagged with the theme. Passage evidence
 * counts for the passage's review.
 */
export function themeEvidenceSql(scope: Filters, w: PlannerWindow, themeId: string, maxReviews = 6, perReview = 2): string {
  return `
WITH tagged AS (
  SELECT r.id, r.case_name, r.partnership_id, r.published, r.published_on, r.year, r.summary
  FROM reviews r JOIN entity_themes et ON et.entity_type = 'review' AND et.entity_id = r.id AND et.theme_id = ${str(themeId)}
  WHERE ${reviewWhere(scope)} AND r.year BETWEEN ${int(w.from)} AND ${int(w.to)}
),
ev AS (${reviewEvidenceSql(`e.theme_id = ${str(themeId)}`)}),
ranked_ev AS (
  SELECT *, row_number() OVER (PARTITION BY review_id ORDER BY weight DESC, rank, sentence) AS n
  FROM ev WHERE review_id IN (SELECT id FROM tagged)
),
best AS (
  SELECT t.*, (SELECT max(weight) FROM ranked_ev x WHERE x.review_id = t.id) AS top_weight FROM tagged t
),
chosen AS (
  SELECT * FROM best ORDER BY top_weight DESC NULLS LAST, published_on DESC NULLS LAST, id LIMIT ${int(maxReviews)}
)
SELECT c.id AS review_id, c.case_name, p.name AS partnership, c.published, c.year::INTEGER AS year,
       e.sentence, e.weight, CASE WHEN e.sentence IS NULL THEN c.summary END AS summary,
       (SELECT count(*) FROM tagged)::INTEGER AS reviews_with_theme
FROM chosen c JOIN partnerships p ON p.id = c.partnership_id
LEFT JOIN ranked_ev e ON e.review_id = c.id AND e.n <= ${int(perReview)}
ORDER BY c.top_weight DESC NULLS LAST, c.published_on DESC NULLS LAST, c.id, e.n`;
}

export interface StartingEvidenceRow {
  theme_id: string;
  /** The strongest evidence sentence for the theme among the reviews in the window: a sentence the tagger read as carrying it. */
  sentence: string;
  case_name: string;
  partnership: string;
}

/** Per theme, the strongest evidence sentence in the window's reviews in scope, from reviews that still carry the theme. */
export function startingEvidenceSql(scope: Filters, w: PlannerWindow): string {
  return `
WITH scoped AS (SELECT r.id FROM review_facts r WHERE ${reviewWhere(scope)} AND r.year BETWEEN ${int(w.from)} AND ${int(w.to)}),
ev AS (${reviewEvidenceSql('TRUE')})
SELECT ev.theme_id, arg_max(ev.sentence, ev.weight) AS sentence, arg_max(rv.case_name, ev.weight) AS case_name,
       arg_max(pp.name, ev.weight) AS partnership
FROM ev JOIN scoped s ON s.id = ev.review_id
JOIN entity_themes et ON et.entity_type = 'review' AND et.entity_id = ev.review_id AND et.theme_id = ev.theme_id
JOIN reviews rv ON rv.id = ev.review_id JOIN partnerships pp ON pp.id = rv.partnership_id
GROUP BY ev.theme_id
ORDER BY ev.theme_id`;
}

export interface ThemeBriefingRow {
  id: string;
  title: string;
  partnership: string;
  briefing_kind: string;
  published: string | null;
  dated_by_review: boolean;
  /** Reviews the briefing is listed under (one briefing, linked to several reviews). */
  linked_reviews: number;
}

/** Every briefing in scope on the theme, de-duplicated (one row per briefing, with how many reviews it is linked to), newest first, undated last. */
export function themeBriefingsSql(scope: Filters, themeId: string): string {
  return `
WITH bd AS (${datedBriefingsSql(scope)})
SELECT bd.id, bd.title, p.name AS partnership, bd.briefing_kind, bd.published, bd.dated_by_review, bd.linked_reviews
FROM bd JOIN entity_themes et ON et.entity_type = 'briefing' AND et.entity_id = bd.id AND et.theme_id = ${str(themeId)}
JOIN partnerships p ON p.id = bd.partnership_id
QUALIFY row_number() OVER (PARTITION BY bd.briefing_key ORDER BY bd.published_on DESC NULLS LAST, bd.id) = 1
ORDER BY bd.published_on DESC NULLS LAST, bd.title, bd.id`;
}

export interface LocalVsRestRow {
  theme_id: string;
  label: string;
  local_k: number;
  local_n: number;
  rest_k: number;
  rest_n: number;
}

/**
 * For each theme, reviews in the window carrying it in one partnership and in
 * every other statutory partnership (partnership and region filters left out,
 * review-type filter kept), as the Partnerships view compares.
 */
export function localVsRestSql(scope: Filters, partnershipId: string, w: PlannerWindow): string {
  const others = comparable(scope);
  return `
WITH scoped AS (
  SELECT r.id, r.partnership_id = ${str(partnershipId)} AS is_local FROM review_facts r
  WHERE ${reviewWhere(others)} AND r.year BETWEEN ${int(w.from)} AND ${int(w.to)} AND ${IS_TAGGED}
    AND (r.partnership_id = ${str(partnershipId)} OR r.partnership_id IN (${STATUTORY_PARTNERSHIP_IDS}))
),
n AS (SELECT count(*) FILTER (WHERE is_local) AS local_n, count(*) FILTER (WHERE NOT is_local) AS rest_n FROM scoped),
k AS (
  SELECT et.theme_id, count(*) FILTER (WHERE s.is_local) AS local_k, count(*) FILTER (WHERE NOT s.is_local) AS rest_k
  FROM scoped s JOIN review_theme_facts et ON et.id = s.id GROUP BY et.theme_id
)
SELECT t.id AS theme_id, t.label, COALESCE(k.local_k, 0)::INTEGER AS local_k, n.local_n::INTEGER AS local_n,
       COALESCE(k.rest_k, 0)::INTEGER AS rest_k, n.rest_n::INTEGER AS rest_n
FROM themes t CROSS JOIN n LEFT JOIN k ON k.theme_id = t.id
WHERE NOT t.retired
ORDER BY t.id`;
}

const key = (name: string, ...parts: unknown[]) => ['planner', name, ...parts];

/** TanStack Query options for one theme's evidence sentences. */
export const themeEvidenceQuery = (db: QueryRunner, scope: Filters, w: PlannerWindow, themeId: string, dataVersion: number) =>
  queryOptions({
    queryKey: key('evidence', scope, w, themeId, dataVersion),
    queryFn: ({ signal }) => queryFiltered<ThemeEvidenceRow>(db, scope, themeEvidenceSql(scope, w, themeId), { signal, label: 'planner.evidence' }),
  });

/** TanStack Query options for every theme's starting evidence (the CSV and the print summary). */
export const startingEvidenceQuery = (db: QueryRunner, scope: Filters, w: PlannerWindow, dataVersion: number) =>
  queryOptions({
    queryKey: key('startingEvidence', scope, w, dataVersion),
    queryFn: ({ signal }) => queryFiltered<StartingEvidenceRow>(db, scope, startingEvidenceSql(scope, w), { signal, label: 'planner.startingEvidence' }),
  });

/** TanStack Query options for the briefings on one theme. */
export const themeBriefingsQuery = (db: QueryRunner, scope: Filters, themeId: string, dataVersion: number) =>
  queryOptions({
    queryKey: key('briefings', scope, themeId, dataVersion),
    queryFn: ({ signal }) => queryFiltered<ThemeBriefingRow>(db, scope, themeBriefingsSql(scope, themeId), { signal, label: 'planner.briefings' }),
  });

/** TanStack Query options for one partnership against the rest. */
export const localVsRestQuery = (db: QueryRunner, scope: Filters, partnershipId: string, w: PlannerWindow, dataVersion: number) =>
  queryOptions({
    queryKey: key('localVsRest', scope, partnershipId, w, dataVersion),
    queryFn: ({ signal }) => queryFiltered<LocalVsRestRow>(db, scope, localVsRestSql(scope, partnershipId, w), { signal, label: 'planner.localVsRest' }),
  });

/** Briefings in scope that count: the filters (their years aside) and no statements. */
function scopedBriefings(index: FilterIndex, scope: Filters, hits: SearchHits | null): Uint8Array {
  const b = selectBriefings(index, scope, hits, { ignoreYears: true }).slice();
  for (let i = 0; i < b.length; i++) if (index.briefings.statement[i]) b[i] = 0;
  return b;
}

const hasThemes = (start: Int32Array, i: number) => start[i] !== start[i + 1];

const briefingsByThemeOf = new WeakMap<FilterIndex, ReturnType<typeof itemsByTheme>>();

/** The briefings carrying each theme, once per index: coverage counts walk each theme's own briefings. */
function briefingsByTheme(index: FilterIndex): ReturnType<typeof itemsByTheme> {
  let built = briefingsByThemeOf.get(index);
  if (!built) briefingsByThemeOf.set(index, (built = itemsByTheme(index.briefings.themes, index.themes.length)));
  return built;
}

/** The year span of the tagged reviews in scope, and what cannot be counted. */
function plannerYearsFromIndex(index: FilterIndex, scope: Filters, hits: SearchHits | null): PlannerYearsRow {
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
  // De-duplicated: one briefing listed under several reviews counts once (a key is its group's first briefing's index).
  const keySeen = new Uint8Array(b.length), untaggedSeen = new Uint8Array(b.length);
  let briefings = 0, untaggedBriefings = 0;
  for (let i = 0; i < b.length; i++) {
    if (!b[i]) continue;
    const key = index.briefings.key[i]!;
    if (!keySeen[key]) { keySeen[key] = 1; briefings++; }
    if (!hasThemes(index.briefings.themes.start, i) && !untaggedSeen[key]) { untaggedSeen[key] = 1; untaggedBriefings++; }
  }
  return {
    latest_year: last === -Infinity ? null : last, first_year: first === Infinity ? null : first,
    reviews, untagged_reviews: untagged, undated_reviews: undated,
    briefings, untagged_briefings: untaggedBriefings,
    partnerships: totals.fromIndex(index, comparable(scope), hits).partnerships,
  };
}

/** The year span in scope: defined by plannerYearsSql, answered from the filter index. */
export const plannerYears: Aggregate<[], PlannerYearsRow> = { key: ['planner', 'years'], sql: plannerYearsSql, fromIndex: plannerYearsFromIndex };

/** Per current theme: review recurrence in and before the window, and the briefings covering it. */
function themeCoverageFromIndex(index: FilterIndex, scope: Filters, hits: SearchHits | null, w: PlannerWindow): ThemeCoverage[] {
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
  const byTheme = briefingsByTheme(index);
  // Distinct de-duplication keys per theme, walking each theme's own briefings: a key is marked with the
  // theme's number + 1 the first time it counts, so no mark needs clearing between themes.
  const countedAll = new Int32Array(b.length), countedRecent = new Int32Array(b.length), countedUndated = new Int32Array(b.length);
  const briefings = new Int32Array(T), recent = new Int32Array(T), undated = new Int32Array(T);
  const latestYear = new Int32Array(T);
  const latestOn: Array<string | null> = new Array(T).fill(null);
  const latest: Array<string | null> = new Array(T).fill(null);
  for (let t = 0; t < T; t++) {
    const mark = t + 1;
    for (let p = byTheme.start[t]!; p < byTheme.start[t + 1]!; p++) {
      const i = byTheme.items[p]!;
      if (!b[i]) continue;
      const y = index.briefings.datedYear[i]!;
      const key = index.briefings.key[i]!;
      if (countedAll[key] !== mark) { countedAll[key] = mark; briefings[t]!++; }
      if (y === 0) {
        if (countedUndated[key] !== mark) { countedUndated[key] = mark; undated[t]!++; }
      } else {
        if (y >= w.from && countedRecent[key] !== mark) { countedRecent[key] = mark; recent[t]!++; }
        if (y > latestYear[t]!) latestYear[t] = y;
      }
      // arg_max(published, published_on): rows with either missing do not take part.
      const on = index.briefings.datedOn[i]!;
      const published = index.briefings.datedPublished[i]!;
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

/** The per-theme coverage: defined by themeCoverageSql, answered from the filter index. */
export const themeCoverage: Aggregate<[w: PlannerWindow], ThemeCoverage[]> = { key: ['planner', 'coverage'], sql: themeCoverageSql, fromIndex: themeCoverageFromIndex };
