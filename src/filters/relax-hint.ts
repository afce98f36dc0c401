/** What to say when nothing matches: name the filters in force that could be relaxed. */
import { isUnfiltered, type Filters } from './filters.ts';

/** A sentence naming the filters to relax, e.g. "Remove the theme filter or the text search." */
export function relaxHint(f: Filters): string {
  if (isUnfiltered(f)) return 'The dataset has no tagged reviews yet: tag reviews or load a dataset with theme tags.';
  const parts = [
    f.q.trim() && `the text search “${f.q.trim()}”`,
    f.themes.length && 'a theme filter',
    f.types.length && 'a review-type filter',
    (f.yearFrom !== null || f.yearTo !== null) && 'the year range',
    f.partnerships.length && 'a partnership',
    f.regions.length && 'a region',
  ].filter(Boolean) as string[];
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : parts[0];
  return `Try removing ${list}, or use “Reset filters”.`;
}
