/**
 * The planner's time window and scope. The window defaults to the last three
 * publication years present in the data (not the calendar: the bundle may end
 * years ago), and the scope is the shared filters minus the ones the planner
 * replaces or cannot use.
 */
import type { Filters } from '../filters/filters.ts';

/** Inclusive publication-year range the planner calls "recent". */
export interface PlannerWindow {
  from: number;
  to: number;
}

export const DEFAULT_WINDOW_YEARS = 3;

/** The last `years` publication years ending at the data's latest year. */
export function defaultWindow(latestYear: number, years = DEFAULT_WINDOW_YEARS): PlannerWindow {
  return { from: latestYear - (years - 1), to: latestYear };
}

export interface ResolvedWindow {
  window: PlannerWindow;
  /** Set when the requested window could not be used as given; says what was done instead. */
  notice: string | null;
}

const parseYear = (raw: string | null): number | null => {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) ? n : NaN;
};

/**
 * The window from the URL's `from`/`to` text, falling back to the default for
 * missing or unreadable years and swapping a reversed range, with a notice.
 */
export function resolveWindow(rawFrom: string | null, rawTo: string | null, latestYear: number): ResolvedWindow {
  const fallback = defaultWindow(latestYear);
  const from = parseYear(rawFrom);
  const to = parseYear(rawTo);
  const unreadable = [Number.isNaN(from) && rawFrom, Number.isNaN(to) && rawTo].filter(Boolean);
  let window: PlannerWindow = {
    from: from === null || Number.isNaN(from) ? fallback.from : from,
    to: to === null || Number.isNaN(to) ? fallback.to : to,
  };
  // Only one end given: keep the default length on the other side of it.
  if (from !== null && !Number.isNaN(from) && (to === null || Number.isNaN(to)) && from > window.to) window.to = from;
  if (to !== null && !Number.isNaN(to) && (from === null || Number.isNaN(from)) && to < window.from) window.from = to - (DEFAULT_WINDOW_YEARS - 1);
  const notices: string[] = [];
  if (unreadable.length) notices.push(`“${unreadable.join('”, “')}” is not a year, so the default window is used there.`);
  if (window.from > window.to) {
    window = { from: window.to, to: window.from };
    notices.push(`The window was reversed; showing ${window.from}–${window.to}.`);
  }
  return { window, notice: notices.length ? notices.join(' ') : null };
}

/** "2023–2025", or "2024" for a one-year window. */
export function windowLabel(w: PlannerWindow): string {
  return w.from === w.to ? `${w.from}` : `${w.from}–${w.to}`;
}

/** Number of publication years in the window. */
export const windowYears = (w: PlannerWindow) => w.to - w.from + 1;

/**
 * The shared filters as the planner's scope: partnerships, regions and review
 * types narrow it; the planner's own window replaces the shared years; theme
 * and text filters are dropped because the planner ranks every theme.
 */
export function plannerScope(f: Filters): Filters {
  return { ...f, yearFrom: null, yearTo: null, themes: [], q: '' };
}

/** The shared filters the planner leaves out, in words, so the page can say so. */
export function ignoredFilters(f: Filters): string[] {
  return [
    (f.yearFrom !== null || f.yearTo !== null) && 'the year filter as a filter (it sets the default window, which the years above can change)',
    f.themes.length > 0 && 'the theme filter (every theme is ranked)',
    f.q.trim() !== '' && 'the text search',
  ].filter((s): s is string => typeof s === 'string');
}

/** The single partnership in scope, when exactly one is chosen (for the local-versus-rest comparison). */
export function singlePartnership(f: Filters): string | null {
  return f.partnerships.length === 1 ? f.partnerships[0]! : null;
}
