import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useReturnFocus } from './use-return-focus.ts';
import { useDatabase } from '../../state/database-context.ts';
import { navigate, useLocation } from '../../state/router.ts';
import { useFilters, useUrlParam } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { explorerCountsQuery } from '../../queries/explorer.ts';
import { EXPLORER_SORTS, type ExplorerCounts, type ExplorerQuery, type ExplorerSort, type ItemKind, type KindFilter } from '../../queries/explorer-list-sql.ts';
import { relaxHint } from '../../filters/relax-hint.ts';
import { explorerColumns } from './explorer-columns.tsx';
import { ItemDetailPanel } from './ItemDetailPanel.tsx';
import { useExplorerPages } from './use-explorer-pages.ts';
import { ThemeCorrections } from '../corrections/ThemeCorrections.tsx';

const KINDS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'Reviews and briefings' }, { value: 'review', label: 'Reviews' }, { value: 'briefing', label: 'Briefings' },
];

/** Where an item's detail lives: the current URL plus `?review=` or `?briefing=`. */
function itemHref(pathname: string, search: string, kind: ItemKind | null, id: string | null): string {
  const p = new URLSearchParams(search);
  p.delete('review');
  p.delete('briefing');
  if (kind && id) p.set(kind, id);
  const s = p.toString();
  return pathname + (s ? `?${s}` : '');
}

/** Explorer: every matching review and briefing, sortable and searchable, with a detail panel. */
export default function ExplorerPage() {
  const { db, dataVersion } = useDatabase();
  const [filters] = useFilters();
  const { pathname, search } = useLocation();
  const [kindParam, setKind] = useUrlParam('kind');
  const [sortParam] = useUrlParam('sort');
  const [dirParam] = useUrlParam('dir');
  const [reviewId] = useUrlParam('review');
  const [briefingId] = useUrlParam('briefing');
  const kindId = useId();
  const kind: KindFilter = kindParam === 'review' || kindParam === 'briefing' ? kindParam : 'all';
  const sort: ExplorerSort = (EXPLORER_SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as ExplorerSort) : 'published_on';
  const descending = dirParam ? dirParam === 'desc' : sort === 'published_on' || sort === 'themes';
  const order: ExplorerQuery = useMemo(() => ({ kind, sort, descending }), [kind, sort, descending]);
  const matches = useQuery({ ...explorerCountsQuery(db, filters, kind, dataVersion), placeholderData: keepPreviousData });
  const { top, rowAt, onRangeChange, resetKey, failed } = useExplorerPages(db, filters, order, dataVersion);
  const selected = reviewId ? { kind: 'review' as const, id: reviewId } : briefingId ? { kind: 'briefing' as const, id: briefingId } : null;
  const q = filters.q.trim();
  const selectedKey = selected ? `${selected.kind}:${selected.id}` : null;
  const returnFocus = useReturnFocus(selectedKey);

  const columns = useMemo(
    () => explorerColumns(q, (r) => itemHref(pathname, search, r.kind, r.id), (r) => navigate(itemHref(pathname, search, r.kind, r.id))),
    [q, pathname, search],
  );
  const onSort = (key: ExplorerSort) => {
    const p = new URLSearchParams(search);
    const nextDesc = key === sort ? !descending : key === 'published_on' || key === 'themes';
    p.set('sort', key);
    p.set('dir', nextDesc ? 'desc' : 'asc');
    navigate(`${pathname}?${p.toString()}`, { replace: true });
  };

  const n = (x: number) => x.toLocaleString('en-GB');
  const many = (x: number, one: string, more: string) => `${n(x)} ${x === 1 ? one : more}`;
  // A briefing listed under several reviews has a row for each; the count says how many briefings the rows are, as the Overview counts them.
  const countText = (c: ExplorerCounts) => `${n(c.reviews + c.briefings)} shown: ${many(c.reviews, 'review', 'reviews')}, ${
    c.distinct_briefings < c.briefings
      ? `${n(c.briefings)} briefing rows (${many(c.distinct_briefings, 'briefing', 'briefings')}: one listed under several reviews has a row for each)`
      : many(c.briefings, 'briefing', 'briefings')}`;
  const rowHeight = q ? 96 : 56;

  return (
    <div className={`explorer${selected ? ' explorer--with-detail' : ''}`}>
      <div className="explorer-list">
        <div className="explorer-toolbar">
          <label htmlFor={kindId}>Show</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value === 'all' ? null : e.target.value)}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
          {matches.data && <span className="explorer-count" role="status" data-testid="explorer-count">{countText(matches.data)}</span>}
        </div>
        {q === '' && <p className="hint">Search the text with the search box in the filters above; matches are highlighted.</p>}
        {filters.types.length > 0 && kind !== 'review' && <p className="hint">Briefings are hidden while a review-type filter is on.</p>}
        {failed && (
          <StatusMessage kind="error" action={<button type="button" onClick={() => void failed.refetch()}>Try again</button>}>
            Could not load some rows of the list: {failed.error!.message}. Try again, or reset the filters.
          </StatusMessage>
        )}
        <ViewState queries={[matches, top]} what="list of reviews and briefings">
          {() => {
            const total = matches.data!.reviews + matches.data!.briefings;
            return total === 0 ? (
              <StatusMessage kind="empty">Nothing matches these filters{q ? ` and the search “${q}”` : ''}. {relaxHint(filters)}</StatusMessage>
            ) : (
              <VirtualTable
                label="Reviews and briefings"
                rowCount={total}
                rowAt={rowAt}
                onRangeChange={onRangeChange}
                resetKey={resetKey}
                columns={columns}
                rowKey={(r) => `${r.kind}:${r.id}`}
                rowHeight={rowHeight}
                height={Math.min(560, total * rowHeight)}
                sort={{ key: sort, descending }}
                onSort={onSort}
                selectedKey={selectedKey}
              />
            );
          }}
        </ViewState>
      </div>
      {selected && (
        <ItemDetailPanel kind={selected.kind} id={selected.id} q={q} onClose={() => (returnFocus(), navigate(itemHref(pathname, search, null, null)))}>
          <ThemeCorrections entity={{ type: selected.kind, id: selected.id }} title="Correct the themes" />
        </ItemDetailPanel>
      )}
    </div>
  );
}
