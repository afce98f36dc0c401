import { formulaText, MIN_TREND_REVIEWS, type Weights } from '../../planner/score.ts';
import type { PlannerWindow } from '../../planner/window.ts';

/** The score's formula with the weights in force, and what each part means. */
export function FormulaNote({ weights, window }: { weights: Weights; window: PlannerWindow }) {
  return (
    <details className="planner-formula" open>
      <summary>How the priority score works</summary>
      <p className="planner-formula__text" data-testid="planner-formula"><code>{formulaText(weights, window)}</code></p>
      <dl>
        <dt>Recurrence (0–1)</dt>
        <dd>The theme’s share of the window’s reviews, divided by the highest share of any theme.</dd>
        <dt>Trend (−1 to 1)</dt>
        <dd>
          (share in the window − share in earlier reviews) ÷ the larger of the two. Shown as rising or falling when
          the share moved by at least a quarter and five points; 0 when either side has fewer than {MIN_TREND_REVIEWS} tagged reviews.
        </dd>
        <dt>Briefing gap (0–1)</dt>
        <dd>
          1 with no briefing on the theme; 0.75 when the latest briefing is older than the window; 0.5 when the
          only briefings since are undated (they count as covering, but nobody can say how recently); 0 with a
          briefing dated in or after the window’s first year. An undated briefing written on a review takes that
          review’s date; partnership statements are not briefings.
        </dd>
      </dl>
    </details>
  );
}
