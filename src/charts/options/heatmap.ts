/** A heatmap of categories × categories with a sequential, greyscale-safe colour scale. */
import { SEQUENTIAL_COLOURS } from '../palette.ts';
import { baseOption, CANVAS_TOOLTIP } from './common.ts';

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
  /** Values from here up get light label text (defaults to 55% of the scale). */
  darkFrom?: number;
}


/** Heatmap option: x labels on top (rotated), y labels left, the colour scale underneath. */
export function heatmapOption(spec: HeatmapSpec) {
  const cells = spec.cells.filter((c) => c.x >= 0 && c.x < spec.xLabels.length && c.y >= 0 && c.y < spec.yLabels.length);
  const darkFrom = spec.darkFrom ?? spec.min + 0.55 * (spec.max - spec.min);
  const bands = [cells.filter((c) => c.value < darkFrom), cells.filter((c) => c.value >= darkFrom)];
  return {
    ...baseOption(spec.description),
    // Decals would hide the colour scale; values are printed in the cells instead.
    aria: { enabled: true, label: { description: spec.description }, decal: { show: false } },
    tooltip: {
      ...CANVAS_TOOLTIP,
      trigger: 'item' as const,
      formatter: (p: { seriesIndex: number; dataIndex: number }) => bands[p.seriesIndex]?.[p.dataIndex]?.tooltip ?? '',
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category' as const, data: spec.xLabels, position: 'top' as const, name: spec.xName,
      axisLabel: { rotate: 45, interval: 0, width: 150, overflow: 'truncate' as const }, splitArea: { show: true },
    },
    yAxis: {
      type: 'category' as const, data: spec.yLabels, inverse: true, name: spec.yName,
      axisLabel: { interval: 0, width: 170, overflow: 'truncate' as const }, splitArea: { show: true },
    },
    visualMap: spec.pieces
      ? { type: 'piecewise' as const, pieces: spec.pieces, orient: 'horizontal' as const, left: 'center', bottom: 0 }
      : {
          min: spec.min, max: spec.max, calculable: false, orient: 'horizontal' as const, left: 'center', bottom: 0,
          text: [spec.scaleText[1], spec.scaleText[0]], inRange: { color: SEQUENTIAL_COLOURS },
        },
    // Two series, dark text and light text (on the dark end of the scale, for AA contrast), each with one
    // plain series-level label: per-cell label colours (or rich text) cost ECharts ~50 ms for 465 cells.
    series: bands.map((band, k) => ({
      type: 'heatmap' as const,
      // Drawn in one pass, whatever the number of cells (the canvas layers: echarts.ts).
      progressive: 0,
      cursor: 'pointer',
      data: band.map((c) => [c.x, c.y, c.value]),
      label: { show: true, fontSize: 10, color: k === 0 ? '#1f2933' : '#ffffff', formatter: (p: { dataIndex: number }) => band[p.dataIndex]?.label ?? '' },
      emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 2 } },
    })),
  };
}
