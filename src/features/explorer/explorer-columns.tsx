import type { MouseEvent } from 'react';
import { HighlightedText } from '../../components/HighlightedText.tsx';
import type { VirtualColumn } from '../../components/VirtualTable.tsx';
import type { ExplorerRow, ExplorerSort } from '../../queries/explorer-list-sql.ts';
import { findHits } from '../../queries/search.ts';
import { BRIEFING_KIND_LABELS, REVIEW_TYPE_LABELS, type BriefingKind, type ReviewType } from '../../schema/records.ts';

/** Review type or briefing kind in words. */
export function typeLabel(row: Pick<ExplorerRow, 'kind' | 'type'>): string {
  return row.kind === 'review'
    ? REVIEW_TYPE_LABELS[row.type as ReviewType] ?? row.type
    : BRIEFING_KIND_LABELS[row.type as BriefingKind] ?? row.type;
}

/** The explorer's columns; the title links to the item's detail (`?review=` or `?briefing=`). */
export function explorerColumns(q: string, hrefFor: (row: ExplorerRow) => string, open: (row: ExplorerRow) => void): VirtualColumn<ExplorerRow, ExplorerSort>[] {
  const follow = (e: MouseEvent<HTMLAnchorElement>, row: ExplorerRow) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    open(row);
  };
  return [
    {
      id: 'title', label: 'Case or title', width: 'minmax(14rem, 3fr)', sort: 'title',
      render: (r) => (
        <div className={`explorer-title${r.snippet ? ' explorer-title--snippet' : ''}`}>
          <a href={hrefFor(r)} onClick={(e) => follow(e, r)}>{r.title}</a>
          {r.snippet && <HighlightedText className="explorer-snippet" text={r.snippet} highlights={findHits(r.snippet, q).map((h) => ({ ...h, className: 'explorer-hit' }))} />}
        </div>
      ),
    },
    { id: 'partnership', label: 'Partnership', width: 'minmax(8rem, 1.3fr)', sort: 'partnership', render: (r) => r.partnership },
    {
      id: 'type', label: 'Type', width: 'minmax(8rem, 1.2fr)', sort: 'type',
      render: (r) => <><span className={`explorer-kind explorer-kind--${r.kind}`}>{r.kind === 'review' ? 'Review' : 'Briefing'}</span> {typeLabel(r)}</>,
    },
    { id: 'published', label: 'Published', width: '7rem', sort: 'published_on', render: (r) => r.published ?? '—' },
    {
      id: 'themes', label: 'Themes', width: 'minmax(10rem, 2fr)', sort: 'themes',
      render: (r) => (r.theme_count ? <span title={r.themes}>{r.theme_count}: {r.themes}</span> : <span className="hint">none yet</span>),
    },
  ];
}
