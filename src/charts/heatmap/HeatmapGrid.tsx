import { useLayoutEffect, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import { HEATMAP_COLUMN_LABEL_WIDTH, HEATMAP_ROW_LABEL_WIDTH, placedCells, type HeatmapSpec } from '../options/heatmap.ts';
import { heatmapMinWidth } from '../options/fit-labels.ts';
import { cellColour, labelColour, SCALE_GRADIENT } from './heatmap-colour.ts';

export interface HeatmapGridProps {
  spec: HeatmapSpec;
  /** Height of a row of cells, in CSS pixels. */
  rowHeight: number;
  /** A click on the cell in column `x`, row `y` (indexes into the spec's labels). */
  onCell?: (x: number, y: number) => void;
}

/** Average glyph width of the 12 px column names, to size the room their slant takes. */
const GLYPH = 6.4;

/**
 * A heatmap drawn by the page, not on a canvas: a grid of cells the browser lays out and paints, off the main
 * thread where it can. A filter change redraws only what changed, where ECharts repainted the whole canvas and
 * every one of its texts (13–130 ms a change for 465 cells at ten times national scale). It reads as the
 * exported image does (same scale, labels and slanted column names: options/heatmap.ts draws those); a hover
 * shows the cell's tooltip, a click reports the cell. Marks itself drawn once laid out, as EChart does.
 */
export function HeatmapGrid({ spec, rowHeight, onCell, points }: HeatmapGridProps & {
  /** How many values it plots (count-plotted.ts, from the option), for tests and exports to agree with. */
  points: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const cells = useMemo(() => placedCells(spec), [spec]);
  const cellByPlace = useMemo(() => new Map(cells.map((c) => [`${c.x}:${c.y}`, c])), [cells]);
  const longest = Math.max(0, ...spec.xLabels.map((l) => l.length));
  // The slanted names' height: their width (cut at the label width) at 45°, plus room for the text's own height.
  const header = Math.round(Math.min(HEATMAP_COLUMN_LABEL_WIDTH, longest * GLYPH) * Math.SQRT1_2) + 18;

  useLayoutEffect(() => {
    const node = box.current!;
    // Laid out now, as a canvas chart's draw is: what is left for the frame is painting.
    void node.offsetHeight;
    node.setAttribute('data-points', String(points));
    node.setAttribute('data-chart-ready', String(performance.now()));
  }, [cells, points]);

  const cellAt = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.heatmap__cell');
    return el ? { el, cell: cellByPlace.get(`${el.dataset.x}:${el.dataset.y}`) } : null;
  };
  const showTip = (e: MouseEvent) => {
    const hit = cellAt(e);
    const node = tip.current!;
    if (!hit?.cell?.tooltip) {
      node.hidden = true;
      return;
    }
    node.textContent = hit.cell.tooltip;
    node.hidden = false;
    // Above the cell, kept inside the chart: left-aligned in the left half, right-aligned in the right half.
    const { offsetLeft, offsetTop, offsetWidth } = hit.el;
    const width = box.current!.clientWidth;
    const right = offsetLeft > width / 2;
    node.style.left = right ? '' : `${offsetLeft}px`;
    node.style.right = right ? `${width - offsetLeft - offsetWidth}px` : '';
    node.style.top = `${offsetTop - 6}px`;
  };

  const style = {
    '--heatmap-columns': spec.xLabels.length,
    '--heatmap-header': `${header}px`,
    '--heatmap-row': `${rowHeight}px`,
    '--heatmap-row-label': `${HEATMAP_ROW_LABEL_WIDTH}px`,
    '--heatmap-column-label': `${HEATMAP_COLUMN_LABEL_WIDTH}px`,
    // Narrower (a phone), it scrolls sideways rather than squeeze its values.
    minWidth: heatmapMinWidth(spec.xLabels.length),
  } as CSSProperties;

  const chart = (
    <div ref={box} className="echart heatmap-chart" role="img" aria-label={spec.description} style={style} data-chart-ready="">
      <div
        className="heatmap"
        onMouseOver={showTip}
        onMouseLeave={() => (tip.current!.hidden = true)}
        onClick={(e) => {
          const hit = cellAt(e);
          if (hit?.cell) onCell?.(hit.cell.x, hit.cell.y);
        }}
      >
        {spec.xLabels.map((label, x) => (
          <div key={`c${x}`} className="heatmap__column" style={{ gridColumn: x + 2 }}>
            <span className="heatmap__column-name" title={label}>{label}</span>
          </div>
        ))}
        {spec.yLabels.map((label, y) => (
          <div key={`r${y}`} className="heatmap__row-name" style={{ gridRow: y + 2 }} title={label}>{label}</div>
        ))}
        {spec.yLabels.map((_, y) => (
          <div key={`b${y}`} className={`heatmap__band${y % 2 ? ' heatmap__band--odd' : ''}`} style={{ gridRow: y + 2 }} />
        ))}
        {cells.map((c) => {
          const fill = cellColour(spec, c.value);
          return (
            <div
              key={`${c.x}:${c.y}`}
              data-x={c.x}
              data-y={c.y}
              className="heatmap__cell"
              style={{ gridColumn: c.x + 2, gridRow: c.y + 2, background: fill, color: labelColour(fill) }}
            >
              {c.label}
            </div>
          );
        })}
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
