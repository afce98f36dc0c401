import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type SyntheticEvent } from 'react';
import { HEATMAP_COLUMN_LABEL_WIDTH, HEATMAP_ROW_LABEL_WIDTH, placedCells, type HeatmapSpec } from '../options/heatmap.ts';
import { heatmapMinWidth } from '../options/fit-labels.ts';
import { cellColour, labelColour, SCALE_GRADIENT } from './heatmap-colour.ts';

export interface HeatmapGridProps {
  spec: HeatmapSpec;
  /** Height of a row of cells, in CSS pixels. */
  rowHeight: number;
  /** A click on the cell in column `x`, row `y` (indexes into the spec's labels), or Enter on it. */
  onCell?: (x: number, y: number) => void;
  /** What the rows are ("Partnership", "Theme"): the header of the row names' column, for screen readers. */
  rowsName: string;
}

/** Average glyph width of the 12 px column names, to size the room their slant takes. */
const GLYPH = 6.4;

/**
 * A heatmap drawn by the page, not on a canvas: a grid of cells the browser lays out and paints, off the main
 * thread where it can. A filter change redraws only what changed, where ECharts repainted the whole canvas and
 * every one of its texts (13–130 ms a change for 465 cells at ten times national scale). It reads as the
 * exported image does (same scale, labels and slanted column names: options/heatmap.ts draws those); a hover
 * shows the cell's tooltip, a click reports the cell. Marks itself drawn once laid out, as EChart does.
 *
 * Being elements, it is also a grid for the keyboard and screen readers: one tab stop, arrow keys (Home, End)
 * move between cells, Enter filters as a click does, and each cell is read with its row, column and counts.
 */
export function HeatmapGrid({ spec, rowHeight, onCell, rowsName, points }: HeatmapGridProps & {
  /** How many values it plots (count-plotted.ts, from the option), for tests and exports to agree with. */
  points: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const cellByPlace = useMemo(() => new Map(placedCells(spec).map((c) => [`${c.x}:${c.y}`, c])), [spec]);
  const columns = spec.xLabels.length;
  const rows = spec.yLabels.length;
  // The one cell in the tab order; arrow keys move it. Kept inside the grid when the grid shrinks.
  const [active, setActive] = useState({ x: 0, y: 0 });
  const at = { x: Math.min(active.x, columns - 1), y: Math.min(active.y, rows - 1) };
  const moved = useRef(false);
  const longest = Math.max(0, ...spec.xLabels.map((l) => l.length));
  // The slanted names' height: their width (cut at the label width) at 45°, plus room for the text's own height.
  const header = Math.round(Math.min(HEATMAP_COLUMN_LABEL_WIDTH, longest * GLYPH) * Math.SQRT1_2) + 18;

  useLayoutEffect(() => {
    const node = box.current!;
    // Laid out now, as a canvas chart's draw is: what is left for the frame is painting.
    void node.offsetHeight;
    node.setAttribute('data-points', String(points));
    node.setAttribute('data-chart-ready', String(performance.now()));
  }, [cellByPlace, points]);

  // After an arrow key, focus follows the active cell.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-x="${at.x}"][data-y="${at.y}"]`)?.focus();
  }, [at.x, at.y]);

  const cellElement = (e: SyntheticEvent) => (e.target as HTMLElement).closest<HTMLElement>('.heatmap__cell');
  const cellOf = (el: HTMLElement) => cellByPlace.get(`${el.dataset.x}:${el.dataset.y}`);
  // The cell whose tooltip shows: when the numbers change under a still pointer (or focus), its text follows.
  const tipped = useRef<HTMLElement | null>(null);
  const tipFor = (el: HTMLElement | null) => {
    const cell = el ? cellOf(el) : undefined;
    const node = tip.current!;
    tipped.current = el;
    if (!el || !cell?.tooltip) {
      node.hidden = true;
      return;
    }
    node.textContent = cell.tooltip;
    node.hidden = false;
    // Above the cell, kept inside the chart: left-aligned in the left half, right-aligned in the right half.
    const { offsetLeft, offsetTop, offsetWidth } = el;
    const width = box.current!.clientWidth;
    const right = offsetLeft > width / 2;
    node.style.left = right ? '' : `${offsetLeft}px`;
    node.style.right = right ? `${width - offsetLeft - offsetWidth}px` : '';
    node.style.top = `${offsetTop - 6}px`;
  };
  const showTip = (e: SyntheticEvent) => tipFor(cellElement(e));
  const hideTip = () => tipFor(null);
  useLayoutEffect(() => {
    const el = tipped.current;
    if (el) tipFor(el.isConnected ? el : null);
  }, [cellByPlace]);
  const choose = (e: SyntheticEvent) => {
    const el = cellElement(e);
    const cell = el && cellOf(el);
    if (cell) onCell?.(cell.x, cell.y);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step: Record<string, [number, number]> = {
      ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1], Home: [-columns, 0], End: [columns, 0],
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(e);
      return;
    }
    const [dx, dy] = step[e.key] ?? [0, 0];
    if (!dx && !dy) return;
    e.preventDefault();
    moved.current = true;
    setActive({ x: Math.max(0, Math.min(columns - 1, at.x + dx)), y: Math.max(0, Math.min(rows - 1, at.y + dy)) });
  };

  const style = {
    '--heatmap-columns': columns,
    '--heatmap-header': `${header}px`,
    '--heatmap-row': `${rowHeight}px`,
    '--heatmap-row-label': `${HEATMAP_ROW_LABEL_WIDTH}px`,
    '--heatmap-column-label': `${HEATMAP_COLUMN_LABEL_WIDTH}px`,
    // Narrower (a phone), it scrolls sideways rather than squeeze its values.
    minWidth: heatmapMinWidth(columns),
  } as CSSProperties;

  const chart = (
    <div ref={box} className="echart heatmap-chart" style={style} data-chart-ready="">
      <div
        ref={grid}
        className="heatmap"
        role="grid"
        aria-label={spec.description}
        onMouseOver={showTip}
        onMouseLeave={hideTip}
        onFocus={showTip}
        onBlur={hideTip}
        onClick={choose}
        onKeyDown={onKeyDown}
      >
        <div role="row" className="heatmap__row">
          <div role="columnheader" className="heatmap__corner"><span className="visually-hidden">{rowsName}</span></div>
          {spec.xLabels.map((label, x) => (
            <div key={`c${x}`} role="columnheader" className="heatmap__column" style={{ gridColumn: x + 2 }}>
              <span className="heatmap__column-name" title={label}>{label}</span>
            </div>
          ))}
        </div>
        {spec.yLabels.map((label, y) => (
          <div key={`r${y}`} role="row" className="heatmap__row">
            <div role="rowheader" className="heatmap__row-name" style={{ gridRow: y + 2 }} title={label}>{label}</div>
            {spec.xLabels.map((_, x) => {
              const c = cellByPlace.get(`${x}:${y}`);
              const fill = c ? cellColour(spec, c.value) : undefined;
              return (
                <div
                  key={x}
                  role="gridcell"
                  data-x={x}
                  data-y={y}
                  tabIndex={x === at.x && y === at.y ? 0 : -1}
                  aria-label={c?.tooltip || undefined}
                  // A position with no value shows the row's band, as the axis's split areas do in the image.
                  className={c ? 'heatmap__cell' : `heatmap__cell heatmap__cell--empty${y % 2 ? ' heatmap__cell--odd' : ''}`}
                  style={{ gridColumn: x + 2, gridRow: y + 2, ...(fill ? { background: fill, color: labelColour(fill) } : {}) }}
                >
                  {c?.label}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <HeatmapKey spec={spec} />
      <div ref={tip} className="heatmap__tip" hidden aria-hidden="true" />
    </div>
  );
  return <div className="echart-scroll" tabIndex={0} role="region" aria-label={`${spec.description} (scrolls sideways)`}>{chart}</div>;
}

/** The colour scale: a gradient between its end values, or the bands with their names. */
function HeatmapKey({ spec }: { spec: HeatmapSpec }) {
  if (spec.pieces) {
    return (
      <ul className="heatmap__key">
        {spec.pieces.map((p) => (
          <li key={p.label}><span className="heatmap__swatch" style={{ background: p.color }} />{p.label}</li>
        ))}
      </ul>
    );
  }
  return (
    <div className="heatmap__key">
      <span>{spec.scaleText[0]}</span>
      <span className="heatmap__gradient" style={{ background: SCALE_GRADIENT }} />
      <span>{spec.scaleText[1]}</span>
    </div>
  );
}
