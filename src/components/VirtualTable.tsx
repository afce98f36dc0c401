/**
 * A sortable table that renders only the rows in view, so tens of thousands
 * of rows scroll smoothly. Rows have a fixed height (cells clamp their text).
 * Rows may arrive later than the scroll position asks for them (fetched page
 * by page): until then a placeholder of the same height stands in. ARIA table
 * roles keep it a table for screen readers; aria-rowcount and aria-rowindex
 * tell them how many rows exist beyond the rendered ones.
 */
import { useEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';

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
  /** How many rows the table has, loaded or not. */
  rowCount: number;
  /** The row at an index, or undefined while it is still loading. */
  rowAt(index: number): Row | undefined;
  /** Told the [first, last) row indexes drawn, whenever they change, so the caller can load them. */
  onRangeChange?(first: number, last: number): void;
  /** Scrolls back to the top whenever this changes (new filters or sort: a new list). */
  resetKey?: string;
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
  const { label, rowCount, rowAt, onRangeChange, resetKey, columns, rowKey, rowHeight, height, sort, onSort, selectedKey, overscan = 6 } = props;
  const body = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, resetKey });
  // A new list starts at the top: reset during render, so no frame draws the old position's rows of the new list.
  if (scroll.resetKey !== resetKey) setScroll({ top: 0, resetKey });
  const top = scroll.resetKey === resetKey ? scroll.top : 0;
  const [first, last] = visibleRange(top, height, rowHeight, rowCount, overscan);
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [resetKey]);
  useEffect(() => onRangeChange?.(first, last), [first, last, onRangeChange]);
  const template = columns.map((c) => c.width).join(' ');
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScroll({ top: e.currentTarget.scrollTop, resetKey });
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rowAt(index);
    const key = row === undefined ? null : rowKey(row);
    const style = { gridTemplateColumns: template, height: rowHeight, transform: `translateY(${index * rowHeight}px)` };
    rows.push(key === null ? (
      <div key={`loading:${index}`} role="row" aria-rowindex={index + 2} aria-busy="true" className="vtable__row vtable__row--loading" style={style}>
        <div role="cell" aria-colspan={columns.length} className="vtable__placeholder">Loading row {(index + 1).toLocaleString('en-GB')}…</div>
      </div>
    ) : (
      <div key={key} role="row" data-row-key={key} aria-rowindex={index + 2} aria-selected={selectedKey === key || undefined}
        className={`vtable__row${selectedKey === key ? ' vtable__row--selected' : ''}`} style={style}>
        {columns.map((c) => <div key={c.id} role="cell">{c.render(row!)}</div>)}
      </div>
    ));
  }
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rowCount + 1}>
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
      <div className="vtable__body" role="rowgroup" style={{ height }} onScroll={onScroll} ref={body}>
        <div style={{ height: rowCount * rowHeight, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
}
