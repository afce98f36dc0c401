/**
 * The filter-driven dashboard aggregates over the index: the same rows, in the
 * same order, as totalsSql, reviewsPerYearByPartnershipSql, themeShareSql,
 * themeByYearSql, themeWindowCountsSql, partnershipThemeSql,
 * partnershipComparisonSql and cooccurrenceSql (aggregates.test.ts checks
 * them against the SQL).
 */
import type { Filters } from '../filters/filters.ts';
import type { ReviewsPerYearRow, TotalsRow } from '../queries/overview.ts';
import type { ThemeShareRow, WindowCountsRow } from '../queries/themes.ts';
import type { ThemeYearRow } from '../queries/trends.ts';
import type { ComparisonRow, HeatmapCellRow } from '../queries/partnerships.ts';
import type { CooccurrenceRow } from '../queries/cooccurrence.ts';
import type { FilterIndex } from '../filter-index/filter-index.ts';
import { selectBriefings, selectReviews, type SearchHits } from '../filter-index/select.ts';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const NO_PARTNERSHIP = 65535;

/** Reviews, briefings and partnerships matching the filters, and the reviews' year span. */
export function totals(index: FilterIndex, f: Filters, hits: SearchHits | null): TotalsRow {
  const r = selectReviews(index, f, hits);
  const b = selectBriefings(index, f, hits);
  const seen = new Uint8Array(NO_PARTNERSHIP + 1);
  let reviews = 0, briefings = 0, partnerships = 0, undated = 0, first = Infinity, last = -Infinity;
  const see = (p: number) => { if (p !== NO_PARTNERSHIP && !seen[p]) { seen[p] = 1; partnerships++; } };
  for (let i = 0; i < r.length; i++) {
    if (!r[i]) continue;
    reviews++;
    see(index.reviews.partnership[i]!);
    const y = index.reviews.year[i]!;
    if (y === 0) undated++;
    else if (y < first) first = y;
    if (y !== 0 && y > last) last = y;
  }
  for (let i = 0; i < b.length; i++) if (b[i]) { briefings++; see(index.briefings.partnership[i]!); }
  return {
    reviews, briefings, partnerships,
    first_year: first === Infinity ? null : first, last_year: last === -Infinity ? null : last, undated_reviews: undated,
  };
}

/** Reviews per year by partnership, the `top` partnerships by reviews and the rest as "Other partnerships". */
export function reviewsPerYearByPartnership(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 8): ReviewsPerYearRow[] {
  const r = selectReviews(index, f, hits, { datedOnly: true });
  const perPartnership = new Map<number, number>();
  for (let i = 0; i < r.length; i++) if (r[i]) perPartnership.set(index.reviews.partnership[i]!, (perPartnership.get(index.reviews.partnership[i]!) ?? 0) + 1);
  // Ties by id; partnership indexes are in id order.
  const rank = new Map([...perPartnership].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p], k) => [p, k + 1]));
  const cells = new Map<string, ReviewsPerYearRow & { rank: number }>();
  for (let i = 0; i < r.length; i++) {
    const p = index.reviews.partnership[i]!;
    if (!r[i] || p === NO_PARTNERSHIP) continue;
    const k = rank.get(p)!;
    const shown = k <= top;
    const name = shown ? index.partnerships[p]!.name : 'Other partnerships';
    const year = index.reviews.year[i]!;
    const key = `${year}\u0000${name}`;
    const cell = cells.get(key);
    if (cell) { cell.reviews++; cell.rank = Math.min(cell.rank, k); }
    else cells.set(key, { year, partnership: name, partnership_id: shown ? index.partnerships[p]!.id : '', reviews: 1, rank: k });
  }
  return [...cells.values()]
    .sort((a, b) => a.year - b.year || a.rank - b.rank || byText(a.partnership, b.partnership))
    .map(({ rank: _rank, ...row }) => row);
}

/** Tagged reviews in the population (theme filter left out) and their theme counts. */
function population(index: FilterIndex, f: Filters, hits: SearchHits | null, datedOnly: boolean) {
  const tagged = selectReviews(index, f, hits, { ignoreThemes: true, taggedOnly: true, datedOnly });
  const { start, themes } = index.reviews.themes;
  const perTheme = new Int32Array(index.themes.length);
  let total = 0;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    total++;
    for (let k = start[i]!; k < start[i + 1]!; k++) perTheme[themes[k]!]!++;
  }
  return { tagged, total, perTheme };
}

/** Every current theme's count and share of tagged reviews, most frequent first. */
export function themeShare(index: FilterIndex, f: Filters, hits: SearchHits | null): ThemeShareRow[] {
  const { total, perTheme } = population(index, f, hits, false);
  return index.themes
    .map((th, t) => ({ th, n: perTheme[t]! }))
    .filter(({ th }) => !th.retired && th.group !== null)
    .map(({ th, n }) => ({ theme_id: th.id, theme: th.label, group: th.group!, reviews: n, total, share: total ? n / total : 0 }))
    .sort((a, b) => b.reviews - a.reviews || byText(a.theme, b.theme));
}

/** Per shown theme (the theme filter's, else the `top` most frequent), tagged reviews by year. */
export function themeByYear(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 5): ThemeYearRow[] {
  const { tagged, perTheme } = population(index, f, hits, true);
  const { start, themes } = index.reviews.themes;
  const perYear = new Map<number, { total: number; perTheme: Int32Array }>();
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const y = index.reviews.year[i]!;
    let cell = perYear.get(y);
    if (!cell) perYear.set(y, (cell = { total: 0, perTheme: new Int32Array(index.themes.length) }));
    cell.total++;
    for (let k = start[i]!; k < start[i + 1]!; k++) cell.perTheme[themes[k]!]!++;
  }
  const chosen = f.themes.length
    ? f.themes.map((id) => index.themes.findIndex((t) => t.id === id)).filter((t) => t >= 0)
    : index.themes.map((_, t) => t).filter((t) => perTheme[t]! > 0)
      .sort((a, b) => perTheme[b]! - perTheme[a]! || byText(index.themes[a]!.id, index.themes[b]!.id)).slice(0, top);
  const rows: ThemeYearRow[] = [];
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const cell = perYear.get(year)!;
    for (const t of chosen) {
      const n = cell.perTheme[t]!;
      rows.push({ year, theme_id: index.themes[t]!.id, theme: index.themes[t]!.label, reviews: n, total: cell.total, share: n / cell.total });
    }
  }
  return rows;
}

/** Per current theme, tagged reviews in the recent window and the earlier one before it. */
export function themeWindowCounts(index: FilterIndex, f: Filters, hits: SearchHits | null, recentYears: number, earlierYears: number, minLatest = 1): WindowCountsRow[] {
  const { tagged } = population(index, f, hits, true);
  const perYear = new Map<number, number>();
  for (let i = 0; i < tagged.length; i++) if (tagged[i]) perYear.set(index.reviews.year[i]!, (perYear.get(index.reviews.year[i]!) ?? 0) + 1);
  const qualifying = [...perYear].filter(([, n]) => n >= minLatest).map(([y]) => y);
  if (!qualifying.length) return [];
  const latest = Math.max(...qualifying);
  const { start, themes } = index.reviews.themes;
  const recent = new Int32Array(index.themes.length);
  const earlier = new Int32Array(index.themes.length);
  let recentTotal = 0, earlierTotal = 0;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    const y = index.reviews.year[i]!;
    const into = y > latest ? null : y > latest - recentYears ? recent : y > latest - recentYears - earlierYears ? earlier : null;
    if (!into) continue;
    if (into === recent) recentTotal++;
    else earlierTotal++;
    for (let k = start[i]!; k < start[i + 1]!; k++) into[themes[k]!]!++;
  }
  return index.themes
    .map((th, t) => ({ th, t }))
    .filter(({ th }) => !th.retired)
    .sort((a, b) => byText(a.th.label, b.th.label))
    .map(({ th, t }) => ({
      theme_id: th.id, theme: th.label, latest_year: latest,
      recent: recent[t]!, recent_total: recentTotal, earlier: earlier[t]!, earlier_total: earlierTotal,
    }));
}

/** Tagged reviews' counts per (partnership, theme) and per partnership, for the population. */
function byPartnership(index: FilterIndex, tagged: Uint8Array) {
  const T = index.themes.length;
  const totals = new Int32Array(index.partnerships.length);
  const cells = new Int32Array(index.partnerships.length * T);
  const { start, themes } = index.reviews.themes;
  for (let i = 0; i < tagged.length; i++) {
    const p = index.reviews.partnership[i]!;
    if (!tagged[i] || p === NO_PARTNERSHIP) continue;
    totals[p]!++;
    for (let k = start[i]!; k < start[i + 1]!; k++) cells[p * T + themes[k]!]!++;
  }
  return { totals, cells };
}

/** Share of each of the `top` partnerships' tagged reviews carrying each theme (the filter's themes, else every one that occurs). */
export function partnershipTheme(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 15): HeatmapCellRow[] {
  const { tagged, perTheme } = population(index, f, hits, false);
  const { totals: perP, cells } = byPartnership(index, tagged);
  const T = index.themes.length;
  const ranked = index.partnerships.map((p, i) => ({ p, i, total: perP[i]! })).filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total || byText(a.p.name, b.p.name)).slice(0, top);
  const themeSet = index.themes.map((th, t) => ({ th, t }))
    .filter(({ th, t }) => (f.themes.length ? f.themes.includes(th.id) : perTheme[t]! > 0))
    .sort((a, b) => byText(a.th.label, b.th.label));
  return ranked.flatMap(({ p, i, total }) => themeSet.map(({ th, t }) => ({
    partnership_id: p.id, partnership: p.name, theme_id: th.id, theme: th.label,
    reviews: cells[i * T + t]!, total, share: cells[i * T + t]! / total,
  })));
}

/** Per theme, one partnership's tagged reviews against every other partnership's (partnership and region filters left out). */
export function partnershipComparison(index: FilterIndex, f: Filters, hits: SearchHits | null, partnershipId: string): ComparisonRow[] {
  const { tagged, total: all, perTheme } = population(index, { ...f, partnerships: [], regions: [] }, hits, false);
  const p = index.partnerships.findIndex((x) => x.id === partnershipId);
  const own = new Int32Array(index.themes.length);
  let total = 0;
  const { start, themes } = index.reviews.themes;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i] || index.reviews.partnership[i] !== p) continue;
    total++;
    for (let k = start[i]!; k < start[i + 1]!; k++) own[themes[k]!]!++;
  }
  return index.themes.map((th, t) => ({ th, n: own[t]!, o: perTheme[t]! - own[t]! }))
    .filter(({ n, o }) => n + o > 0)
    .sort((a, b) => b.n - a.n || b.o - a.o || byText(a.th.label, b.th.label))
    .map(({ th, n, o }) => ({ theme_id: th.id, theme: th.label, reviews: n, total, others: o, others_total: all - total }));
}

/** Every ordered pair of the `top` most frequent themes, with how many tagged reviews carry both. */
export function cooccurrence(index: FilterIndex, f: Filters, hits: SearchHits | null, top = 20): CooccurrenceRow[] {
  const { tagged, total, perTheme } = population(index, f, hits, false);
  const T = index.themes.length;
  const kept = index.themes.map((_, t) => t).filter((t) => perTheme[t]! > 0)
    .sort((a, b) => perTheme[b]! - perTheme[a]! || byText(index.themes[a]!.id, index.themes[b]!.id)).slice(0, top);
  const isKept = new Uint8Array(T);
  for (const t of kept) isKept[t] = 1;
  const both = new Int32Array(T * T);
  const { start, themes } = index.reviews.themes;
  for (let i = 0; i < tagged.length; i++) {
    if (!tagged[i]) continue;
    for (let a = start[i]!; a < start[i + 1]!; a++) {
      if (!isKept[themes[a]!]) continue;
      for (let b = start[i]!; b < start[i + 1]!; b++) if (isKept[themes[b]!]) both[themes[a]! * T + themes[b]!]!++;
    }
  }
  return kept.flatMap((a) => kept.map((b) => ({
    theme_a: index.themes[a]!.id, label_a: index.themes[a]!.label, theme_b: index.themes[b]!.id, label_b: index.themes[b]!.label,
    both: both[a * T + b]!, count_a: perTheme[a]!, count_b: perTheme[b]!, total,
  })));
}
