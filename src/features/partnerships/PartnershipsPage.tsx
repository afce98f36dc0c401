import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { ExplorerLink } from '../explorer/ExplorerLink.tsx';
import { useFilters, useUrlParam } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { aggregateQuery } from '../../queries/coordinator.ts';
import { partnershipComparison, partnershipTheme } from '../../queries/partnerships.ts';
import { chartFootnote } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { relaxHint } from '../../filters/relax-hint.ts';
import { useCrossFilter } from '../../state/use-cross-filter.ts';
import { ComparisonCard } from './ComparisonCard.tsx';
import { PartnershipHeatmapCard } from './PartnershipHeatmapCard.tsx';
import { plural } from '../../lib/plural.ts';
import type { PartnershipOption } from '../../queries/filter-options.ts';

const TOP = 15;

/**
 * The partnerships one can be compared with the others: statutory partnerships of the nation chosen
 * (other sources are not partnerships; the comparison counts only partnerships), with reviews, and the one
 * already chosen (from the URL) so the list always shows it.
 */
function comparable(options: PartnershipOption[], nation: string | null, chosen: string | null): PartnershipOption[] {
  return options.filter((p) => p.id === chosen || (p.kind === 'partnership' && p.reviews > 0 && (nation === null || p.nation === nation)));
}

/** Partnerships: partnership × theme heatmap and one partnership against all others. */
export default function PartnershipsPage() {
  const { db, dataVersion } = useDatabase();
  const [filters] = useFilters();
  const cross = useCrossFilter();
  const { options, names } = useFilterOptions();
  const [vsParam, setVs] = useUrlParam('vs');
  const selectId = useId();
  const heatmap = useQuery({ ...aggregateQuery(db, partnershipTheme, filters, dataVersion, TOP), placeholderData: keepPreviousData });
  const vs = vsParam ?? filters.partnerships[0] ?? heatmap.data?.[0]?.partnership_id ?? null;
  const comparison = useQuery({
    ...aggregateQuery(db, partnershipComparison, filters, dataVersion, vs ?? ''), enabled: vs !== null,
    // The last comparison stays on screen, as drawn and marked "Updating", while the next is computed
    // (also when the default partnership changes with the filters), so the chart is updated, not rebuilt.
    placeholderData: keepPreviousData,
  });
  const footnote = chartFootnote(filters, names);
  const onCell = (p: string, t: string) => (p ? cross.setPartnership(p, t || undefined) : cross.addTheme(t));
  return (
    // One settled rendering for both charts: the comparison (whose default partnership comes from the
    // heatmap) is drawn in the same pass as the heatmap, not in a second round after it.
    <ViewState queries={vs === null ? [heatmap] : [heatmap, comparison]} what="partnership comparison">
      {() => heatmap.data!.length === 0 ? (
        <StatusMessage kind="empty">No tagged reviews from a statutory partnership match these filters. {relaxHint(filters)}</StatusMessage>
      ) : (
        <>
          <ExplorerLink />
          <PartnershipHeatmapCard rows={heatmap.data!} top={TOP} footnote={footnote} onCell={onCell} />
          <h2 className="dash-section-title">One partnership against all others</h2>
          <div className="partnerships-choose">
            <label htmlFor={selectId}>Partnership to compare</label>
            <select id={selectId} value={vs ?? ''} onChange={(e) => setVs(e.target.value || null)}>
              {comparable(options?.partnerships ?? [], filters.nation, vs).map((p) => (
                <option key={p.id} value={p.id}>{p.name} ({plural(p.reviews, 'review')})</option>
              ))}
            </select>
          </div>
          {vs && (
            <ViewState queries={[comparison]} what="comparison">
              {() => <ComparisonCard name={names.partnership(vs)} rows={comparison.data!} footnote={footnote} onTheme={cross.addTheme} />}
            </ViewState>
          )}
        </>
      )}
    </ViewState>
  );
}
