import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useDatabase } from '../../app/database-context.ts';
import { navigate, useLocation } from '../../app/router.ts';
import { useFilters, useUrlParam } from '../../app/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { EXPLORER_SORTS, explorerCountsQuery, explorerRowsQuery, type ExplorerRow, type ExplorerSort, type ItemKind, type KindFilter } from '../../queries/explorer.ts';
import { relaxHint } from '../overview/relax-hint.ts';
import { explorerColumns } from './explorer-columns.tsx';
import { ItemDetailPanel } from './ItemDetailPanel.tsx';
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
  const rows = useQuery(explorerRowsQuery(db, filters, { kind, sort, descending }, dataVersion));
  const matches = useQuery(explorerCountsQuery(db, filters, { kind, sort, descending }, dataVersion));
  const selected = reviewId ? { kind: 'review' as const, id: reviewId } : briefingId ? { kind: 'briefing' as const, id: briefingId } : null;
  const q = filters.q.trim();

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
  const counts = (list: ExplorerRow[]) => {
    const c = matches.data;
    if (c && c.reviews + c.briefings > list.length) {
      return `First ${n(list.length)} shown of ${n(c.reviews + c.briefings)} matching (${n(c.reviews)} reviews, ${n(c.briefings)} briefings): narrow the filters, search, or sort to see others`;
    }
    const reviews = list.filter((r) => r.kind === 'review').length;
    return `${n(list.length)} shown: ${n(reviews)} reviews, ${n(list.length - reviews)} briefings`;
  };

  return (
    <div className={`explorer${selected ? ' explorer--with-detail' : ''}`}>
      <div className="explorer-list">
        <div className="explorer-toolbar">
          <label htmlFor={kindId}>Show</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value === 'all' ? null : e.target.value)}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
          {rows.data && <span className="explorer-count" role="status" data-testid="explorer-count">{counts(rows.data)}</span>}
        </div>
        {q === '' && <p className="hint">Search the text with the search box in the filters above; matches are highlighted.</p>}
        {filters.types.length > 0 && kind !== 'review' && <p className="hint">Briefings are hidden while a review-type filter is on.</p>}
        <ViewState queries={[rows]} what="list of reviews and briefings">
          {() => rows.data!.length === 0 ? (
            <StatusMessage kind="empty">Nothing matches these filters{q ? ` and the search “${q}”` : ''}. {relaxHint(filters)}</StatusMessage>
          ) : (
            <VirtualTable
              label="Reviews and briefings"
              rows={rows.data!}
              columns={columns}
              rowKey={(r) => `${r.kind}:${r.id}`}
              rowHeight={q ? 96 : 56}
              height={Math.min(560, Math.max(1, rows.data!.length) * (q ? 96 : 56))}
              sort={{ key: sort, descending }}
              onSort={onSort}
              selectedKey={selected ? `${selected.kind}:${selected.id}` : null}
            />
          )}
        </ViewState>
      </div>
      {selected && (
        <ItemDetailPanel kind={selected.kind} id={selected.id} q={q} onClose={() => navigate(itemHref(pathname, search, null, null))}>
          <ThemeCorrections entity={{ type: selected.kind, id: selected.id }} title="Correct the themes" />
        </ItemDetailPanel>
      )}
    </div>
  );
}
