import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { ExplorerLink } from '../explorer/ExplorerLink.tsx';
import { useFilters, useUrlParam } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { aggregateQuery } from '../../queries/coordinator.ts';
import { themeWindowCounts } from '../../queries/themes.ts';
import { themeByYear } from '../../queries/trends.ts';
import { EMERGING_RULE } from '../../stats/emerging.ts';
import { chartFootnote } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { relaxHint } from '../../filters/relax-hint.ts';
import { useCrossFilter } from '../../state/use-cross-filter.ts';
import { EmergingCard } from './EmergingCard.tsx';
import { MeasureToggle } from './MeasureToggle.tsx';
import { ThemeTrendCard } from './ThemeTrendCard.tsx';
import { defaultTrendMeasure, type TrendMeasure } from '../../charts/options/theme-trend.ts';

/** Trends: chosen themes over the years, and which themes are emerging. */
export default function TrendsPage() {
  const { db, dataVersion } = useDatabase();
  const [filters] = useFilters();
  const [measureParam, setMeasure] = useUrlParam('measure');
  const cross = useCrossFilter();
  const { names } = useFilterOptions();
  const trend = useQuery({ ...aggregateQuery(db, themeByYear, filters, dataVersion), placeholderData: keepPreviousData });
  const dataDefault = defaultTrendMeasure(trend.data ?? []);
  const measure: TrendMeasure = measureParam === 'count' || measureParam === 'share' ? measureParam : dataDefault;
  const windows = useQuery({ ...aggregateQuery(db, themeWindowCounts, filters, dataVersion, EMERGING_RULE.recentYears, EMERGING_RULE.earlierYears), placeholderData: keepPreviousData });
  const footnote = chartFootnote(filters, names);
  return (
    <ViewState queries={[trend, windows]} what="theme trends">
      {() => trend.data!.length === 0 ? (
        <StatusMessage kind="empty">No dated reviews with themes match these filters. {relaxHint(filters)}</StatusMessage>
      ) : (
        <>
          <ExplorerLink />
          <p className="trends-note">
            {filters.themes.length
              ? 'Showing the themes in the Themes filter.'
              : 'Showing the five most frequent themes. Choose themes in the Themes filter above to follow others.'}
          </p>
          <ThemeTrendCard rows={trend.data!} measure={measure} footnote={footnote} onYear={cross.setYear}
            actions={<MeasureToggle value={measure} onChange={(m) => setMeasure(m === dataDefault ? null : m)} />} />
          <EmergingCard rows={windows.data!} footnote={footnote} onTheme={cross.addTheme} />
        </>
      )}
    </ViewState>
  );
}
