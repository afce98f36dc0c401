/** The URL as React state: the shared filters and view parameters, so every view is shareable and back/forward work. */
import { useCallback, useMemo } from 'react';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { filtersFromSearch, searchFromFilters } from '../filters/url.ts';
import { navigate, useLocation } from './router.ts';

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
