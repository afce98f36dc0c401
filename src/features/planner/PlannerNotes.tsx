import type { PlannerYearsRow } from '../../queries/planner.ts';
import { SMALL_N } from '../../stats/share-difference.ts';
import { windowLabel, type PlannerWindow } from '../../planner/window.ts';
import { plural } from '../../lib/plural.ts';

export interface PlannerNotesProps {
  years: PlannerYearsRow;
  window: PlannerWindow;
  /** Dated reviews in the window. */
  windowTotal: number;
  notice: string | null;
  ignored: string[];
}

/** What the ranking leaves out, said plainly: undated reviews, untagged briefings, filters that do not apply. */
export function PlannerNotes({ years, window, windowTotal, notice, ignored }: PlannerNotesProps) {
  const notes = [
    notice,
    windowTotal > 0 && windowTotal < SMALL_N &&
      `Only ${plural(windowTotal, 'review')} in the window: one review moves a share by ${Math.round(100 / windowTotal)} points, so read rising and falling as prompts. A wider window gives steadier figures.`,
    years.untagged_reviews > 0 &&
      `${years.untagged_reviews} of the ${plural(years.reviews, 'review')} in scope ${years.untagged_reviews === 1 ? 'carries' : 'carry'} no theme yet and ${years.untagged_reviews === 1 ? 'is' : 'are'} not counted.`,
    years.undated_reviews > 0 &&
      `${years.undated_reviews} tagged ${years.undated_reviews === 1 ? 'review has' : 'reviews have'} no publication year and cannot be placed in the window.`,
    years.untagged_briefings > 0 &&
      `${years.untagged_briefings} of the ${plural(years.briefings, 'briefing')} in scope (partnership statements aside) ${years.untagged_briefings === 1 ? 'carries' : 'carry'} no theme yet, so they cannot count as covering one.`,
    ignored.length > 0 && `Not applied here: ${ignored.join('; ')}.`,
    window.to < (years.latest_year ?? window.to) && `The window ends before the latest reviews in scope (${years.latest_year}); “Last three years” goes back to them.`,
  ].filter((n): n is string => typeof n === 'string' && n !== '');
  if (!notes.length) return null;
  return (
    <ul className="planner-notes" aria-label={`Notes on the ranking for ${windowLabel(window)}`}>
      {notes.map((n) => <li key={n}>{n}</li>)}
    </ul>
  );
}
