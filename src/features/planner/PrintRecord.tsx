import { displayScore } from '../../planner/export.ts';
import type { Ranking, Weights } from '../../planner/score.ts';
import { windowLabel, type PlannerWindow } from '../../planner/window.ts';
import { plural } from '../../lib/plural.ts';

/** The printed page has room for the top few themes' evidence; the CSV carries every theme's. */
const EVIDENCE_TOP = 3;
const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** What the printed summary records besides the table: window, weights, date, and each top theme's starting evidence. */
export function PrintRecord({ ranking, window, weights, producedOn, evidence }: {
  ranking: Ranking; window: PlannerWindow; weights: Weights; producedOn: string;
  /** Null while it is still being read (it is read once the filters are still, or when printing from the page's button). */
  evidence: ReadonlyMap<string, { sentence: string; from: string }> | null;
}) {
  return (
    <section className="planner-print-record" data-testid="planner-print-record" aria-label="Record of this ranking">
      <p>
        Reviews published {windowLabel(window)}; weights: recurrence {weights.recurrence}, trend {weights.trend}, briefing gap {weights.gap};
        produced on {producedOn}.
      </p>
      <h3>Starting evidence for the top {Math.min(EVIDENCE_TOP, ranking.ranked.length) === 1 ? 'theme' : plural(Math.min(EVIDENCE_TOP, ranking.ranked.length), 'theme')} (the CSV has every theme’s)</h3>
      <ol>
        {ranking.ranked.slice(0, EVIDENCE_TOP).map((s) => {
          const e = evidence?.get(s.theme_id);
          return (
            <li key={s.theme_id} data-theme-id={s.theme_id}>
              <strong>{s.label}</strong> (priority {displayScore(s)}): {e ? <>“{clip(e.sentence)}” <span className="hint">— {e.from}</span></> : evidence ? 'no evidence sentence recorded (tagged by hand)' : 'evidence still being read: print with the page’s “Print summary” button'}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
