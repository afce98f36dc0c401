/** Settings every chart shares: accessibility, palette, fonts. */
import { CATEGORY_COLOURS } from '../palette.ts';

/**
 * The charts' typeface and text colour. Single quotes inside: a font reaches SVG exports as an attribute, where
 * double quotes would end it.
 */
export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
export const INK = '#1f2933';

/**
 * ARIA description on and decal patterns, so colour is never the only cue.
 * `decal: false` for charts where colour carries nothing a pattern would
 * separate (one series of bars): patterns there cost redraw time and say nothing.
 */
export function baseOption(description: string, { decal = true }: { decal?: boolean } = {}) {
  return {
    aria: { enabled: true, label: { description }, decal: { show: decal } },
    color: CATEGORY_COLOURS,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    // No animation: a filter change redraws every chart once, at once. Animated updates repainted
    // each chart for ~300 ms on the main thread, on top of the next change's work.
    animation: false,
  };
}

/**
 * Tooltips drawn on the chart's canvas: ECharts' default HTML tooltip forces a
 * page layout on every redraw. Formatters then return plain text, lines split
 * by "\n" (nothing is parsed as HTML, so names need no escaping).
 */
export const CANVAS_TOOLTIP = { renderMode: 'richText' as const };

/**
 * Stacked bars drawn as one path per series ("large" mode) instead of a rect per bar: the picture, the
 * decal patterns, the axis tooltip and clicks (by the bar under the pointer) are the same, but each bar's
 * pattern fill and hover states cost ECharts about half of a redraw (9 series × 17 years at x10). The
 * per-series fade on hover is what is given up: large mode has no hover states.
 */
export const STACKED_BAR_PATHS = { large: true, largeThreshold: 0 } as const;

/**
 * A series that only draws text over another series' marks (a heatmap's cell labels, see heatmap.ts):
 * silent, no tooltip, and not data, so counts of what a chart plots and its description leave it out.
 */
export const LABEL_LAYER = { type: 'custom' as const, id: 'label-layer', silent: true, z: 3, tooltip: { show: false } };

export const isLabelLayer = (series: unknown): boolean => (series as { id?: unknown } | null)?.id === LABEL_LAYER.id;

/**
 * Theme and partnership names beside bars, wrapped onto a second line at `width` px rather than cut with "…"
 * ("Fathers and men in the hous…" told the reader nothing the bar did not). Rows are at least 26 px tall, room
 * for two lines at this height; exports and phones widen or re-wrap them (fit-labels.ts).
 */
export const wrappedLabels = (width: number) => ({ width, overflow: 'break' as const, lineHeight: 13 });

/** Axis name styling used across charts. */
export const axisName = { nameLocation: 'middle' as const, nameTextStyle: { color: '#3e4c59', fontSize: 12 } };

/**
 * How an option builder draws for an exported image rather than the screen.
 * `counts`: an image has no tooltip, so every share also shows its count and
 * base ("33% (4 of 12)", or the base on the axis and the count at the point).
 */
export interface DrawFor { counts?: boolean }
