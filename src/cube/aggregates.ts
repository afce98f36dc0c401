/**
 * The filter-driven dashboard aggregates over the cube: the same rows, in the
 * same order, as totalsSql, reviewsPerYearByPartnershipSql, themeShareSql,
 * themeByYearSql and themeWindowCountsSql (aggregates.test.ts checks them
 * against the SQL).
 */
import type { Filters } from '../queries/filters.ts';
import type { ReviewsPerYearRow, TotalsRow } from '../queries/overview.ts';
import type { ThemeShareRow, WindowCountsRow } from '../queries/themes.ts';
import type { ThemeYearRow } from '../queries/trends.ts';
import type { ReviewCube } from './review-cube.ts';
import { selectBriefings, selectReviews, type SearchHits } from './select.ts';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const NO_PARTNERSHIP = 65535;

/** Reviews, briefings and partnerships matching the filters, and the reviews' year span. */
export function totals(cube: ReviewCube, f: Filters, hits: SearchHits | null): TotalsRow {
  const r = selectReviews(cube, f, hits);
  const b = selectBriefings(cube, f, hits);
  const seen = new Uint8Array(NO_PARTNERSHIP + 1);
  let reviews = 0, briefings = 0, partnerships = 0, undated = 0, first = Infinity, last = -Infinity;
  const see = (p: number) => { if (p !== NO_PARTNERSHIP && !seen[p]) { seen[p] = 1; partnerships++; } };
  for (let i = 0; i < r.length; i++) {
    if (!r[i]) continue;
    reviews++;
    see(cube.reviews.partnership[i]!);
    const y = cube.reviews.year[i]!;
    if (y === 0) undated++;
    else if (y < first) first = y;
    if (y !== 0 && y > last) last = y;
  }
  for (let i = 0; i < b.length; i++) if (b[i]) { briefings++; see(cube.briefings.partnership[i]!); }
  return {
    reviews, briefings, partnerships,
    first_year: first === Infinity ? null : first, last_year: last === -Infinity ? null : last, undated_reviews: undated,
  };
}

/** Reviews per year by partnership, the `top` partnerships by reviews and the rest as "Other partnerships". */
export function reviewsPerYearByPartnership(cube: ReviewCube, f: Filters, hits: SearchHits | null, top = 8): ReviewsPerYearRow[] {
  const r = selectReviews(cube, f, hits, { datedOnly: true });
  const perPartnership = new Map<number, number>();
  for (let i = 0; i < r.length; i++) if (r[i]) perPartnership.set(cube.reviews.partnership[i]!, (perPartnership.get(cube.reviews.partnership[i]!) ?? 0) + 1);
  // Ties by id; partnership indexes are in id order.
  const rank = new Map([...perPartnership].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p], k) => [p, k + 1]));
  const cells = new Map<string, ReviewsPerYearRow & { rank: number }>();
  for (let i = 0; i < r.length; i++) {
    const p = cube.reviews.partnership[i]!;
    if (!r[i] || p === NO_PARTNERSHIP) continue;
    const k = rank.get(p)!;
    const shown = k <= top;
    const name = shown ? cube.partnerships[p]!.name : 'Other partnerships';
    const year = cube.reviews.year[i]!;
    const key = `${year}\u0000${name}`;
    const cell = cells.get(key);
    if (cell) { cell.reviews++; cell.rank = Math.min(cell.rank, k); }
    else cells.set(key, { year, partnership: name, partnership_id: shown ? cube.partnerships[p]!.id : '', reviews: 1, rank: k });
  }
  return [...cells.values()]
    .sort((a, b) => a.year - b.year || a.rank - b.rank || byText(a.partnership, b.partnership))
    .map(({ rank: _rank, ...row }) => row);
}

/** Tagged reviews in the population (theme filter left out) and their theme counts. */
function population(cube: ReviewCube, f: Filters, hits: SearchHits | null, datedOnly: boolean) {
  const tagged = selectReviews(cube, f, hits, { ignoreThemes: true, taggedOnly: true, datedOnly });
  const { start, themes } = cube.reviews.themes;
  const perTheme = new Int32Array(cube.themes.length);
  let total = 0;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    total++;
    for (let k = start[i]!; k < start[i + 1]!; k++) perTheme[themes[k]!]!++;
  }
  return { tagged, total, perTheme };
}

/** Every current theme's count and share of tagged reviews, most frequent first. */
export function themeShare(cube: ReviewCube, f: Filters, hits: SearchHits | null): ThemeShareRow[] {
  const { total, perTheme } = population(cube, f, hits, false);
  return cube.themes
    .map((th, t) => ({ th, n: perTheme[t]! }))
    .filter(({ th }) => !th.retired && th.group !== null)
    .map(({ th, n }) => ({ theme_id: th.id, theme: th.label, group: th.group!, reviews: n, total, share: total ? n / total : 0 }))
    .sort((a, b) => b.reviews - a.reviews || byText(a.theme, b.theme));
}

/** Per shown theme (the theme filter's, else the `top` most frequent), tagged reviews by year. */
export function themeByYear(cube: ReviewCube, f: Filters, hits: SearchHits | null, top = 5): ThemeYearRow[] {
  const { tagged, perTheme } = population(cube, f, hits, true);
  const { start, themes } = cube.reviews.themes;
  const perYear = new Map<number, { total: number; perTheme: Int32Array }>();
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const y = cube.reviews.year[i]!;
    let cell = perYear.get(y);
    if (!cell) perYear.set(y, (cell = { total: 0, perTheme: new Int32Array(cube.themes.length) }));
    cell.total++;
    for (let k = start[i]!; k < start[i + 1]!; k++) cell.perTheme[themes[k]!]!++;
  }
  const chosen = f.themes.length
    ? f.themes.map((id) => cube.themes.findIndex((t) => t.id === id)).filter((t) => t >= 0)
    : cube.themes.map((_, t) => t).filter((t) => perTheme[t]! > 0)
      .sort((a, b) => perTheme[b]! - perTheme[a]! || byText(cube.themes[a]!.id, cube.themes[b]!.id)).slice(0, top);
  const rows: ThemeYearRow[] = [];
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const cell = perYear.get(year)!;
    for (const t of chosen) {
      const n = cell.perTheme[t]!;
      rows.push({ year, theme_id: cube.themes[t]!.id, theme: cube.themes[t]!.label, reviews: n, total: cell.total, share: n / cell.total });
    }
  }
  return rows;
}

/** Per current theme, tagged reviews in the recent window and the earlier one before it. */
export function themeWindowCounts(cube: ReviewCube, f: Filters, hits: SearchHits | null, recentYears: number, earlierYears: number, minLatest = 1): WindowCountsRow[] {
  const { tagged } = population(cube, f, hits, true);
  const perYear = new Map<number, number>();
  for (let i = 0; i < tagged.length; i++) if (tagged[i]) perYear.set(cube.reviews.year[i]!, (perYear.get(cube.reviews.year[i]!) ?? 0) + 1);
  const qualifying = [...perYear].filter(([, n]) => n >= minLatest).map(([y]) => y);
  if (!qualifying.length) return [];
  const latest = Math.max(...qualifying);
  const { start, themes } = cube.reviews.themes;
  const recent = new Int32Array(cube.themes.length);
  const earlier = new Int32Array(cube.themes.length);
  let recentTotal = 0, earlierTotal = 0;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const y = cube.reviews.year[i]!;
    const into = y > latest ? null : y > latest - recentYears ? recent : y > latest - recentYears - earlierYears ? earlier : null;
    if (!into) continue;
    if (into === recent) recentTotal++;
    else earlierTotal++;
    for (let k = start[i]!; k < start[i + 1]!; k++) into[themes[k]!]!++;
  }
  return cube.themes
    .map((th, t) => ({ th, t }))
    .filter(({ th }) => !th.retired)
    .sort((a, b) => byText(a.th.label, b.th.label))
    .map(({ th, t }) => ({
      theme_id: th.id, theme: th.label, latest_year: latest,
      recent: recent[t]!, recent_total: recentTotal, earlier: earlier[t]!, earlier_total: earlierTotal,
    }));
}
