import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { ExplorerLink } from '../explorer/ExplorerLink.tsx';
import { useFilters, useUrlParam } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { aggregateQuery } from '../../queries/coordinator.ts';
import { cooccurrence } from '../../queries/cooccurrence.ts';
import { chartFootnote } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { relaxHint } from '../../filters/relax-hint.ts';
import { useCrossFilter } from '../../state/use-cross-filter.ts';
import { CooccurrenceCard, type PairMeasure } from './CooccurrenceCard.tsx';

/** Co-occurrence: which themes are tagged on the same reviews, by count or by lift over chance. */
export default function CooccurrencePage() {
  const { db, dataVersion } = useDatabase();
  const [filters] = useFilters();
  const cross = useCrossFilter();
  const { names } = useFilterOptions();
  const [measureParam, setMeasure] = useUrlParam('measure');
  const measure: PairMeasure = measureParam === 'lift' ? 'lift' : 'count';
  const matrix = useQuery({ ...aggregateQuery(db, cooccurrence, filters, dataVersion), placeholderData: keepPreviousData });
  const toggle = (
    <fieldset className="trends-measure">
      <legend>Show</legend>
      {(['count', 'lift'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="pair-measure" value={m} checked={measure === m} onChange={() => setMeasure(m === 'count' ? null : m)} />
          {m === 'count' ? 'Reviews with both' : 'Lift over chance'}
        </label>
      ))}
    </fieldset>
  );
  return (
    <ViewState queries={[matrix]} what="theme co-occurrence">
      {() => matrix.data!.length === 0 ? (
        <StatusMessage kind="empty">No tagged reviews match these filters. {relaxHint(filters)}</StatusMessage>
      ) : (
        <>
        <ExplorerLink />
        <CooccurrenceCard rows={matrix.data!} measure={measure} footnote={chartFootnote(filters, names)} actions={toggle}
          onPair={(a, b) => cross.setThemes(a === b ? [a] : [a, b])} />
        </>
      )}
    </ViewState>
  );
}
