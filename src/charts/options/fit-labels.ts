/**
 * Category labels that fit the space they are drawn in. On screen the option
 * builders wrap long theme and partnership names beside bars at a fixed width
 * (and cut the heatmaps' slanted column names, which the tooltip and table
 * give whole); exported images and narrow screens instead get labels as wide
 * as they need (up to a limit) and wrapped beyond it, so no name is ever cut short.
 */

type Box = Record<string, unknown>;
const asList = (v: unknown): Box[] => (Array.isArray(v) ? v : v ? [v] : []) as Box[];

// ECharts measures text itself, but option builders run without a canvas: estimate from an average glyph.
const GLYPH = 0.6;

/** Estimated pixel width of the longest label on a category axis. */
export function longestLabelWidth(axis: Box, fontSize: number): number {
  const labels = asList(axis.data).map((d) => String(d && typeof d === 'object' ? (d as Box).value ?? '' : d ?? ''));
  return Math.ceil(Math.max(0, ...labels.map((l) => l.length)) * fontSize * GLYPH);
}

function fitAxis(axis: Box, maxWidth: number, fontSize: number): Box {
  const label = (axis.axisLabel ?? {}) as Box;
  if (axis.type !== 'category' || (label.width === undefined && label.overflow === undefined)) return axis;
  const needed = longestLabelWidth(axis, fontSize);
  return {
    ...axis,
    axisLabel: {
      ...label,
      fontSize,
      lineHeight: Math.round(fontSize * 1.15),
      width: Math.min(needed, maxWidth),
      // Wider than the limit: wrap onto more lines rather than cut with "…".
      overflow: needed > maxWidth ? 'break' : 'none',
    },
  };
}

/** Text broken into lines of at most `width` characters, at spaces. */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Values on value axes thin out instead of overlapping ("20%40%60%"); on narrow charts a long axis name wraps. */
function thinValueAxis(axis: Box, narrowWidth: number | null): Box {
  if (axis.type !== 'value') return axis;
  // ECharts does not wrap axis names (nameTextStyle overflow is ignored there): break the lines here.
  const name = narrowWidth && typeof axis.name === 'string' ? { name: wrapWords(axis.name, Math.floor(narrowWidth / (12 * GLYPH))) } : {};
  return { ...axis, ...(narrowWidth ? { splitNumber: 3 } : {}), ...name, axisLabel: { ...((axis.axisLabel ?? {}) as Box), hideOverlap: true } };
}

/**
 * The option with category labels up to `maxWidth` px wide, wrapped beyond
 * that; never truncated. `narrowWidth` (a phone-sized chart's width) also
 * wraps axis names and lets the legend scroll instead of piling up.
 */
export function fitCategoryLabels<T extends object>(option: T, maxWidth: number, fontSize = 12, narrowWidth: number | null = null): T {
  const o = option as Box;
  const fit = (v: unknown) => {
    if (v === undefined) return v;
    const list = asList(v).map((a) => thinValueAxis(fitAxis(a, maxWidth, fontSize), narrowWidth));
    return Array.isArray(v) ? list : list[0];
  };
  const out: Box = { ...o, xAxis: fit(o.xAxis), yAxis: fit(o.yAxis) };
  if (narrowWidth && o.legend) out.legend = asList(o.legend).map((l) => ({ ...l, type: 'scroll' }));
  return out as T;
}

/** A heatmap's legible width: room for a readable value in every column, beside the row names. */
export const heatmapMinWidth = (columns: number): number => 180 + columns * 34;

/**
 * The width a chart needs to stay legible, when more than a phone gives it:
 * a heatmap needs room for a readable value in every column.
 */
export function minChartWidth(option: object): number | undefined {
  const o = option as Box;
  if (!asList(o.series).some((s) => s.type === 'heatmap')) return undefined;
  const columns = asList(o.xAxis).reduce((n, a) => Math.max(n, asList(a.data).length), 0);
  return columns ? heatmapMinWidth(columns) : undefined;
}

/** Below this width a chart counts as narrow (phones): smaller wrapped labels, fewer ticks. */
export const NARROW_CHART = 560;

const besideBar = (s: Box) => s.type === 'bar' && !!(s.label as Box | undefined)?.show && (s.label as Box).position === 'right';

/**
 * Value labels beside bars ("+33 pts (3 of 7 vs 2 of 20)") wrap within a
 * fixed width on narrow charts, and the plot leaves them that room, instead
 * of running off the canvas edge.
 */
function roomForBarLabels(option: Box, width: number): Box {
  const series = asList(option.series);
  if (!series.some(besideBar)) return option;
  const labelWidth = Math.round(width * 0.24);
  const fitted = series.map((s) => (besideBar(s) ? { ...s, label: { ...(s.label as Box), width: labelWidth, overflow: 'break', lineHeight: 13 } } : s));
  const grid = option.grid === undefined ? undefined
    // The labels wrap within labelWidth, so that is their room: a wider margin kept for one-line labels on
    // wide screens (top themes' "29% · national 60%") would squeeze the bars of a phone-sized plot.
    : asList(option.grid).map((g) => ({ ...g, right: labelWidth + 8 }));
  return {
    ...option,
    series: Array.isArray(option.series) ? fitted : fitted[0],
    ...(grid ? { grid: Array.isArray(option.grid) ? grid : grid[0] } : {}),
  };
}

/** The option as drawn in a box `width` px wide: unchanged on wide screens, fitted on narrow ones. */
export function fitToWidth<T extends object>(option: T, width: number): T {
  if (!width || width >= NARROW_CHART) return option;
  // An axis name is centred on the plot, which starts right of the category labels: it has about half the width.
  const fitted = fitCategoryLabels(option, Math.max(90, Math.round(width * 0.4)), 11, Math.round(width * 0.55)) as Box;
  // A horizontal axis name wrapped onto more lines pushes into the legend below: lower the plot's bottom edge.
  const extra = asList(fitted.xAxis).reduce((n, a) => Math.max(n, String(a.name ?? '').split('\n').length - 1), 0) * 15;
  const grid = extra && fitted.grid !== undefined
    ? asList(fitted.grid).map((g) => ({ ...g, bottom: (typeof g.bottom === 'number' ? g.bottom : 60) + extra }))
    : null;
  const withRoom = grid ? { ...fitted, grid: Array.isArray(fitted.grid) ? grid : grid[0] } : fitted;
  return roomForBarLabels(withRoom, width) as T;
}

/**
 * Extra height a chart needs on a narrow screen, where its category labels
 * wrap onto two or three lines: a bar per theme at 26 px would print them over
 * each other. 1 when the rows have room (or the axis is not a category axis).
 */
export function narrowHeightFactor(option: object): number {
  const o = option as Box;
  const rows = asList(o.yAxis).reduce((n, a) => (a.type === 'category' ? Math.max(n, asList(a.data).length) : n), 0);
  return rows > 8 ? 1.5 : 1;
}
