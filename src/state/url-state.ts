/** Filters ⇄ URL query string, so every view is shareable and back/forward work. */
import { useCallback, useMemo } from 'react';
import { NO_FILTERS, type Filters } from '../queries/filters.ts';
import { REVIEW_TYPES, type ReviewType } from '../schema/records.ts';
import { navigate, useLocation } from './router.ts';

const list = (p: URLSearchParams, key: string) => p.get(key)?.split(',').filter(Boolean) ?? [];
const year = (p: URLSearchParams, key: string) => {
  const n = Number(p.get(key));
  return p.has(key) && Number.isInteger(n) ? n : null;
};

/** Reads filters from a query string; unknown values are dropped. */
export function filtersFromSearch(search: string): Filters {
  const p = new URLSearchParams(search);
  return {
    partnerships: list(p, 'p'),
    regions: list(p, 'region'),
    yearFrom: year(p, 'from'),
    yearTo: year(p, 'to'),
    types: list(p, 'type').filter((t): t is ReviewType => (REVIEW_TYPES as readonly string[]).includes(t)),
    themes: list(p, 'theme'),
    q: p.get('q') ?? '',
  };
}

/** Writes filters into a query string, keeping any other parameters. */
export function searchFromFilters(f: Filters, base = ''): string {
  const p = new URLSearchParams(base);
  const set = (key: string, value: string) => (value ? p.set(key, value) : p.delete(key));
  set('p', f.partnerships.join(','));
  set('region', f.regions.join(','));
  set('from', f.yearFrom === null ? '' : String(f.yearFrom));
  set('to', f.yearTo === null ? '' : String(f.yearTo));
  set('type', f.types.join(','));
  set('theme', f.themes.join(','));
  set('q', f.q);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The shared filters and a setter that records each change in history. */
export function useFilters(): [Filters, (next: Partial<Filters>, opts?: { replace?: boolean }) => void, () => void] {
  const { pathname, search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const setFilters = useCallback(
    (next: Partial<Filters>, opts?: { replace?: boolean }) =>
      navigate(pathname + searchFromFilters({ ...filters, ...next }, search), opts),
    [pathname, search, filters],
  );
  const reset = useCallback(() => navigate(pathname + searchFromFilters(NO_FILTERS, search)), [pathname, search]);
  return [filters, setFilters, reset];
}

/** A view-specific URL parameter (not a shared filter), e.g. the chosen partnership on one view. */
export function useUrlParam(key: string): [string | null, (value: string | null, opts?: { replace?: boolean }) => void] {
  const { pathname, search } = useLocation();
  const value = new URLSearchParams(search).get(key);
  const set = useCallback(
    (next: string | null, opts?: { replace?: boolean }) => {
      const p = new URLSearchParams(search);
      if (next === null || next === '') p.delete(key);
      else p.set(key, next);
      const s = p.toString();
      navigate(pathname + (s ? `?${s}` : ''), opts);
    },
    [key, pathname, search],
  );
  return [value, set];
}
