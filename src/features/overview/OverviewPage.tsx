import { useDeferredValue } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { ExplorerLink } from '../explorer/ExplorerLink.tsx';
import { useFilters } from '../../state/url-state.ts';
import type { Filters } from '../../filters/filters.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { aggregateQuery } from '../../queries/coordinator.ts';
import { reviewsPerYearByPartnership, totals as totalsAggregate } from '../../queries/overview.ts';
import { themeShare, themeWindowCounts } from '../../queries/themes.ts';
import { themeByYear } from '../../queries/trends.ts';
import { chartFootnote } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { ThemeTrendCard } from '../trends/ThemeTrendCard.tsx';
import { defaultTrendMeasure } from '../../charts/options/theme-trend.ts';
import { LATEST_YEAR_MIN, LatestChangeCard } from './LatestChangeCard.tsx';
import { OverviewHeadline } from './OverviewHeadline.tsx';
import { relaxHint } from '../../filters/relax-hint.ts';
import { TopThemesCard } from './TopThemesCard.tsx';
import { useCrossFilter } from '../../state/use-cross-filter.ts';

/**
 * Overview: totals, reviews per year, the top themes, their trend and what changed in the latest year.
 * The theme charts render just after the headline on a filter change (useDeferredValue): on a laptop's first
 * screen only the headline shows, and its numbers and chart reach the screen without waiting for the rest.
 */
export default function OverviewPage() {
  const { db, dataVersion } = useDatabase();
  const [filters] = useFilters();
  const themeFilters = useDeferredValue(filters);
  const cross = useCrossFilter();
  const { names } = useFilterOptions();
  const totals = useQuery({ ...aggregateQuery(db, totalsAggregate, filters, dataVersion), placeholderData: keepPreviousData });
  const perYear = useQuery({ ...aggregateQuery(db, reviewsPerYearByPartnership, filters, dataVersion), placeholderData: keepPreviousData });
  const footnote = chartFootnote(filters, names);

  return (
    <ViewState queries={[totals, perYear]} what="overview">
      {() => {
        if (totals.data!.reviews === 0 && totals.data!.briefings === 0) {
          return <StatusMessage kind="empty">No reviews or briefings match these filters. {relaxHint(filters)}</StatusMessage>;
        }
        return (
          <>
            <ExplorerLink />
            <OverviewHeadline totals={totals.data!} perYear={perYear.data!} footnote={footnote} onYearClick={cross.setYear} typeFiltered={filters.types.length > 0} />
            <OverviewThemes filters={themeFilters} deferred={themeFilters !== filters} onTheme={cross.addTheme} onYear={cross.setYear} />
          </>
        );
      }}
    </ViewState>
  );
}

/** The theme charts for `filters` (the deferred copy of the page's: `deferred` while they trail the headline's). */
function OverviewThemes({ filters, deferred, onTheme, onYear }: { filters: Filters; deferred: boolean; onTheme(themeId: string): void; onYear(year: number): void }) {
  const { db, dataVersion } = useDatabase();
  const { names } = useFilterOptions();
  const totals = useQuery({ ...aggregateQuery(db, totalsAggregate, filters, dataVersion), placeholderData: keepPreviousData });
  const shares = useQuery({ ...aggregateQuery(db, themeShare, filters, dataVersion), placeholderData: keepPreviousData });
  const trend = useQuery({ ...aggregateQuery(db, themeByYear, filters, dataVersion), placeholderData: keepPreviousData });
  const latest = useQuery({ ...aggregateQuery(db, themeWindowCounts, filters, dataVersion, 1, 3, LATEST_YEAR_MIN), placeholderData: keepPreviousData });
  const footnote = chartFootnote(filters, names);
  return (
    <ViewState queries={[totals, shares, trend, latest]} what="theme charts" deferred={deferred}>
      {() => {
        const tagged = shares.data![0]?.total ?? 0;
        if (tagged === 0) {
          return <StatusMessage kind="empty">None of the matching reviews has a theme tagged yet, so there are no theme charts. {relaxHint(filters)}</StatusMessage>;
        }
        return (
          <>
            <h2 className="dash-section-title">Themes</h2>
            <div className="chart-grid">
              <TopThemesCard rows={shares.data!} selected={filters.themes} footnote={footnote} years={{ first: totals.data!.first_year, last: totals.data!.last_year }} onTheme={onTheme} />
              <ThemeTrendCard id="top-theme-trend" rows={trend.data!} measure={defaultTrendMeasure(trend.data!)} footnote={footnote} onYear={onYear} />
            </div>
            <LatestChangeCard rows={latest.data!} footnote={footnote} onTheme={onTheme} />
          </>
        );
      }}
    </ViewState>
  );
}
