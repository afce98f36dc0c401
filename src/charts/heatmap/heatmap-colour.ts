/**
 * The colours of a heatmap drawn on the page: the same scale ECharts' visualMap gives the exported images
 * (options/heatmap.ts), so a cell reads the same on screen and in print.
 */
import { SEQUENTIAL_COLOURS } from '../palette.ts';
import type { HeatmapSpec } from '../options/heatmap.ts';

type Rgb = [number, number, number];

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const STOPS = SEQUENTIAL_COLOURS.map(rgb);

/** A continuous scale from `min` to `max` through the sequential colours, linear between stops (as ECharts does). */
export function sequentialColour(value: number, min: number, max: number): string {
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
  const at = t * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(at));
  const f = at - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  return hex([0, 1, 2].map((k) => a[k]! + (b[k]! - a[k]!) * f) as Rgb);
}

/** The band a value falls in: from its `min` (inclusive) to its `max` (exclusive), as the bands' labels read. */
export function pieceFor(value: number, pieces: NonNullable<HeatmapSpec['pieces']>) {
  return pieces.find((p) => (p.min === undefined || value >= p.min) && (p.max === undefined || value < p.max));
}

/** The fill of a cell of this spec. */
export function cellColour(spec: Pick<HeatmapSpec, 'min' | 'max' | 'pieces'>, value: number): string {
  if (spec.pieces) return pieceFor(value, spec.pieces)?.color ?? 'transparent';
  return sequentialColour(value, spec.min, spec.max);
}

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The text colour for a label on `background`: white or black, whichever contrasts more. Against any fill one
 * of them reaches WCAG AA's 4.5:1 for small text; the page's softer ink does not across the scale's middle
 * (its blues from about #4f9ac9 to #2f7fbf leave both it and white under 4.5).
 */
export function labelColour(background: string): '#ffffff' | '#000000' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000';
  const l = luminance(background);
  return (1.05 / (l + 0.05) > (l + 0.05) / 0.05) ? '#ffffff' : '#000000';
}

/** The CSS gradient of the continuous scale's key. */
export const SCALE_GRADIENT = `linear-gradient(to right, ${SEQUENTIAL_COLOURS.join(', ')})`;
