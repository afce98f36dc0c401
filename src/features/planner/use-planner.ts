/** Everything the planner view shows, from the shared filters and the planner's URL parameters. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { navigate, useLocation } from '../../state/router.ts';
import { useFilters } from '../../state/url-state.ts';
import type { Filters } from '../../filters/filters.ts';
import { aggregateQuery } from '../../queries/coordinator.ts';
import { plannerYears, themeCoverage, type PlannerYearsRow } from '../../queries/planner.ts';
import { PARAM, searchWithWeights, searchWithWindow, weightsFromSearch } from '../../planner/params.ts';
import { rankThemes, type Ranking, type Weights } from '../../planner/score.ts';
import { plannerScope, resolveWindow, type PlannerWindow } from '../../planner/window.ts';

export interface PlannerState {
  filters: Filters;
  scope: Filters;
  weights: Weights;
  setWeights(next: Weights): void;
  years: PlannerYearsRow | undefined;
  window: PlannerWindow | null;
  windowNotice: string | null;
  /** `null` puts the default window back. */
  setWindow(next: PlannerWindow | null): void;
  ranking: Ranking | undefined;
  /** Themes briefed inside the window are ranked too (off: they are set apart). */
  rankBriefed: boolean;
  setRankBriefed(on: boolean): void;
  error: Error | null;
}

/** Reads the planner's state from the URL and runs its two queries (year span, then coverage). */
export function usePlanner(): PlannerState {
  const { db, dataVersion } = useDatabase();
  const [filters] = useFilters();
  const { pathname, search } = useLocation();
  const scope = useMemo(() => plannerScope(filters), [filters]);
  const weights = useMemo(() => weightsFromSearch(search), [search]);
  const years = useQuery(aggregateQuery(db, plannerYears, scope, dataVersion));

  const params = new URLSearchParams(search);
  // The shared year filter, when set, is the default window: the planner and the Partnerships view then count the same reviews.
  const rawFrom = params.get(PARAM.from) ?? (filters.yearFrom !== null ? String(filters.yearFrom) : null);
  const rawTo = params.get(PARAM.to) ?? (filters.yearTo !== null ? String(filters.yearTo) : null);
  const latest = years.data?.latest_year ?? null;
  const resolved = useMemo(() => (latest === null ? null : resolveWindow(rawFrom, rawTo, latest)), [latest, rawFrom, rawTo]);
  const window = resolved?.window ?? null;

  // Hooks cannot be conditional: until the year span is known the query is disabled and its window a placeholder.
  const coverage = useQuery({
    ...aggregateQuery(db, themeCoverage, scope, dataVersion, window ?? { from: 0, to: 0 }),
    enabled: window !== null,
  });
  // Themes briefed inside the window are set apart unless the URL asks to rank them (?briefed=rank).
  const rankBriefed = params.get('briefed') === 'rank';
  const ranking = useMemo(
    () => (coverage.data ? rankThemes(coverage.data, weights, { setApartBriefed: !rankBriefed }) : undefined),
    [coverage.data, weights, rankBriefed],
  );
  const setRankBriefed = useCallback((on: boolean) => {
    const p = new URLSearchParams(search);
    if (on) p.set('briefed', 'rank');
    else p.delete('briefed');
    const q = p.toString();
    navigate(pathname + (q ? `?${q}` : ''));
  }, [pathname, search]);

  // Weights move with every arrow key: replace the history entry rather than pile them up.
  const setWeights = useCallback((next: Weights) => navigate(pathname + searchWithWeights(search, next), { replace: true }), [pathname, search]);
  const setWindow = useCallback((next: PlannerWindow | null) => navigate(pathname + searchWithWindow(search, next)), [pathname, search]);

  return {
    filters, scope, weights, setWeights, years: years.data, window, windowNotice: resolved?.notice ?? null, setWindow,
    ranking, rankBriefed, setRankBriefed, error: years.error ?? coverage.error ?? null,
  };
}
