/**
 * Window scores: a passage longer than the model's window is also scored in windows of a few
 * sentences, and each theme's passage score becomes a mix of the whole-passage score and the
 * windows' noisy-OR. A review summary names five or six themes, several in one clause each;
 * in the whole passage's normalised features such a clause weighs little, in a window of two
 * or three sentences it stands out (measured in the README, "Theme tagging").
 * A passage within the window size is scored once, as before.
 */
import { splitPassages } from './passages.ts';

export interface WindowOptions {
  /** Window size in characters (0 or absent: whole passages only). */
  windowChars?: number;
  /** Weight of the windows' noisy-OR in the passage score (the rest is the whole passage's). */
  windowMix?: number;
}

/** The window texts of a passage, or none when it fits one window (or windows are off). */
export function windowTexts(text: string, opts: WindowOptions): string[] {
  const w = opts.windowChars ?? 0;
  if (!(w > 0) || !((opts.windowMix ?? 0) > 0) || text.length <= w) return [];
  const parts = splitPassages(text, w);
  return parts.length > 1 ? parts.map((p) => p.text) : [];
}

/**
 * Mixes into `whole` (per-theme probabilities, changed in place) the noisy-OR held in `keep`
 * (per theme, the product of 1 − p over the windows).
 */
export function mixWindows(whole: Float64Array, keep: Float64Array, mix: number): Float64Array {
  for (let t = 0; t < whole.length; t++) whole[t] = (1 - mix) * whole[t]! + mix * (1 - keep[t]!);
  return whole;
}
