/** Settings every chart shares: accessibility, palette, fonts. */
import { CATEGORY_COLOURS } from '../palette.ts';

/** ARIA description on and decal patterns, so colour is never the only cue. */
export function baseOption(description: string) {
  return {
    aria: { enabled: true, label: { description }, decal: { show: true } },
    color: CATEGORY_COLOURS,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1f2933' },
    // No animation: a filter change redraws every chart once, at once. Animated updates repainted
    // each chart for ~300 ms on the main thread, on top of the next change's work.
    animation: false,
  };
}

/** Axis name styling used across charts. */
export const axisName = { nameLocation: 'middle' as const, nameTextStyle: { color: '#3e4c59', fontSize: 12 } };

/**
 * How an option builder draws for an exported image rather than the screen.
 * `counts`: an image has no tooltip, so every share also shows its count and
 * base ("33% (4 of 12)", or the base on the axis and the count at the point).
 */
export interface DrawFor { counts?: boolean }
