/** A heatmap of categories × categories with a sequential, greyscale-safe colour scale. */
import { SEQUENTIAL_COLOURS } from '../palette.ts';
import { baseOption, CANVAS_TOOLTIP, CHART_FONT, INK, LABEL_LAYER } from './common.ts';
import { cellColour, labelColour } from '../heatmap/heatmap-colour.ts';

export interface HeatmapCell {
  /** Column and row, as indexes into the axis labels: two rows may read the same (two partnerships of one name). */
  x: number;
  y: number;
  value: number;
  /** Text drawn in the cell. */
  label: string;
  /** Tooltip text (plain). */
  tooltip: string;
}

export interface HeatmapSpec {
  xLabels: string[];
  yLabels: string[];
  cells: HeatmapCell[];
  xName: string;
  yName: string;
  min: number;
  max: number;
  /** Legend text for the colour scale ends. */
  scaleText: [string, string];
  description: string;
  /** Banded scale instead of a continuous one (e.g. lift below, near and above chance). */
  pieces?: { min?: number; max?: number; label: string; color: string }[];
  /** Line height of a cell's label, for labels of two lines (a print's share over its count). */
  labelLineHeight?: number;
}

/**
 * Slanted column names are cut beyond this width: wide enough for all but the longest theme names (a 150 px cut
 * left "Adolescents and transi…"); the cards' heights leave the room it takes (HEATMAP_LABEL_ROOM).
 */
export const HEATMAP_COLUMN_LABEL_WIDTH = 200;
/** Row names (partnerships, themes) are cut beyond this width: "Cambridgeshire and Peterborough (8)" fits. */
export const HEATMAP_ROW_LABEL_WIDTH = 220;
/** Height a heatmap needs besides its rows: slanted column names, the colour scale and margins. */
export const HEATMAP_LABEL_ROOM = 235;
const LABEL_FONT = `10px ${CHART_FONT}`;

interface RenderApi { coord(value: number[]): number[] }

/**
 * The cells' labels, as a silent custom series of plain text over the cells: ECharts' own heatmap labels (a label
 * object per cell, laid out and styled per draw) were two thirds of a heatmap's draw. Silent, so a click and the
 * tooltip reach the cell underneath. Only exported images draw this option (the screen's heatmaps are
 * HeatmapGrid), so each label's colour is worked out as it is drawn, not as the option is built on every change.
 */
function cellLabels(spec: HeatmapSpec, cells: readonly HeatmapCell[], lineHeight: number | undefined) {
  const labelled = cells.filter((c) => c.label !== '');
  return {
    ...LABEL_LAYER,
    coordinateSystem: 'cartesian2d' as const,
    encode: { x: 0, y: 1 },
    data: labelled.map((c) => [c.x, c.y]),
    renderItem: (params: { dataIndex: number }, api: RenderApi) => {
      const cell = labelled[params.dataIndex]!;
      const [x, y] = api.coord([cell.x, cell.y]);
      return {
        type: 'text' as const, x, y, silent: true,
        style: {
          text: cell.label, font: LABEL_FONT, fill: labelColour(cellColour(spec, cell.value)),
          align: 'center' as const, verticalAlign: 'middle' as const, ...(lineHeight ? { lineHeight } : {}),
        },
      };
    },
  };
}

/** The cells that have a row and a column. */
export const placedCells = (spec: HeatmapSpec) => spec.cells.filter((c) => c.x >= 0 && c.x < spec.xLabels.length && c.y >= 0 && c.y < spec.yLabels.length);

/** Heatmap option: x labels on top (rotated), y labels left, the colour scale underneath. */
export function heatmapOption(spec: HeatmapSpec) {
  const cells = placedCells(spec);
  const cellSeries = {
    type: 'heatmap' as const,
    // Drawn in one pass, whatever the number of cells (the canvas layers: echarts.ts).
    progressive: 0,
    cursor: 'pointer',
    data: cells.map((c) => [c.x, c.y, c.value]),
    emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } },
  };
  return {
    ...baseOption(spec.description),
    // Decals would hide the colour scale; values are printed in the cells instead.
    aria: { enabled: true, label: { description: spec.description }, decal: { show: false } },
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'item' as const,
      formatter: (p: { seriesIndex: number; dataIndex: number }) => (p.seriesIndex === 0 ? cells[p.dataIndex]?.tooltip ?? '' : ''),
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category' as const, data: spec.xLabels, position: 'top' as const, name: spec.xName,
      axisLabel: { rotate: 45, interval: 0, width: HEATMAP_COLUMN_LABEL_WIDTH, overflow: 'truncate' as const }, splitArea: { show: true },
    },
    yAxis: {
      type: 'category' as const, data: spec.yLabels, inverse: true, name: spec.yName,
      axisLabel: { interval: 0, width: HEATMAP_ROW_LABEL_WIDTH, overflow: 'truncate' as const }, splitArea: { show: true },
    },
    // The scale colours the cells only (series 0), not the label layer.
    visualMap: spec.pieces
      ? { type: 'piecewise' as const, seriesIndex: 0, pieces: spec.pieces, orient: 'horizontal' as const, left: 'center', bottom: 0 }
      : {
          seriesIndex: 0, min: spec.min, max: spec.max, calculable: false, orient: 'horizontal' as const, left: 'center', bottom: 0,
          text: [spec.scaleText[1], spec.scaleText[0]], inRange: { color: SEQUENTIAL_COLOURS },
        },
    series: [cellSeries, cellLabels(spec, cells, spec.labelLineHeight)] as [typeof cellSeries, ReturnType<typeof cellLabels>],
  };
}
