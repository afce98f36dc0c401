import { displayScore } from '../../planner/export.ts';
import type { Ranking, Weights } from '../../planner/score.ts';
import { windowLabel, type PlannerWindow } from '../../planner/window.ts';
import { PRINT_TOP } from './RankedThemes.tsx';

/** What the printed summary records besides the table: window, weights, date, and each top theme's starting evidence. */
export function PrintRecord({ ranking, window, weights, producedOn, evidence }: {
  ranking: Ranking; window: PlannerWindow; weights: Weights; producedOn: string;
  evidence: ReadonlyMap<string, { sentence: string; from: string }>;
}) {
  return (
    <section className="planner-print-record" data-testid="planner-print-record" aria-label="Record of this ranking">
      <p>
        Reviews published {windowLabel(window)}; weights: recurrence {weights.recurrence}, trend {weights.trend}, briefing gap {weights.gap};
        produced on {producedOn}.
      </p>
      <h3>Starting evidence</h3>
      <ol>
        {ranking.ranked.slice(0, PRINT_TOP).map((s) => {
          const e = evidence.get(s.theme_id);
          return (
            <li key={s.theme_id} data-theme-id={s.theme_id}>
              <strong>{s.label}</strong> (priority {displayScore(s)}): {e ? <>“{e.sentence}” <span className="hint">— {e.from}</span></> : 'no evidence sentence recorded (tagged by hand)'}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
