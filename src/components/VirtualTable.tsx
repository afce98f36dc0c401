/**
 * A sortable table that renders only the rows in view, so tens of thousands
 * of rows scroll smoothly. Rows have a fixed height (cells clamp their text).
 * ARIA table roles keep it a table for screen readers; aria-rowcount and
 * aria-rowindex tell them how many rows exist beyond the rendered ones.
 */
import { useState, type ReactNode, type UIEvent } from 'react';

export interface VirtualColumn<Row, Sort extends string> {
  id: string;
  label: string;
  /** CSS grid track, e.g. "2fr" or "8rem". */
  width: string;
  /** Sorting key for this column, when sortable. */
  sort?: Sort;
  render(row: Row): ReactNode;
}

export interface VirtualTableProps<Row, Sort extends string> {
  label: string;
  rows: readonly Row[];
  columns: VirtualColumn<Row, Sort>[];
  rowKey(row: Row): string;
  rowHeight: number;
  /** Height of the scrolling body in pixels. */
  height: number;
  sort: { key: Sort; descending: boolean };
  onSort(key: Sort): void;
  selectedKey?: string | null;
  /** Rows drawn above and below the visible ones, so fast scrolling shows no blanks. */
  overscan?: number;
}

/** The rows to draw for a scroll position: [first, last) row indexes. */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

export function VirtualTable<Row, Sort extends string>(props: VirtualTableProps<Row, Sort>) {
  const { label, rows, columns, rowKey, rowHeight, height, sort, onSort, selectedKey, overscan = 6 } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const [first, last] = visibleRange(scrollTop, height, rowHeight, rows.length, overscan);
  const template = columns.map((c) => c.width).join(' ');
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup">
        <div className="vtable__row vtable__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const active = c.sort !== undefined && c.sort === sort.key;
            return (
              <div key={c.id} role="columnheader" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                {c.sort ? (
                  <button type="button" className="vtable__sort" onClick={() => onSort(c.sort!)}>
                    {c.label}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                ) : c.label}
              </div>
            );
          })}
        </div>
      </div>
      <div className="vtable__body" role="rowgroup" style={{ height }} onScroll={onScroll}>
        <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
          {rows.slice(first, last).map((row, i) => {
            const key = rowKey(row);
            return (
              <div key={key} role="row" aria-rowindex={first + i + 2} aria-selected={selectedKey === key || undefined}
                className={`vtable__row${selectedKey === key ? ' vtable__row--selected' : ''}`}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${(first + i) * rowHeight}px)` }}>
                {columns.map((c) => <div key={c.id} role="cell">{c.render(row)}</div>)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
