import type { Ranking } from '../../planner/score.ts';
import { windowLabel, type PlannerWindow } from '../../planner/window.ts';

/**
 * Themes already briefed inside the window, set apart from the ranking (the
 * planner suggests themes with no recent briefing), grouped by the year of
 * their latest briefing, with the switch that ranks them too.
 */
export function BriefedThemes({ ranking, window, rankBriefed, onRankBriefed }: {
  ranking: Ranking; window: PlannerWindow; rankBriefed: boolean; onRankBriefed(on: boolean): void;
}) {
  const byYear = new Map<string, string[]>();
  for (const t of ranking.briefed) {
    const year = t.latest_briefing_year ? String(t.latest_briefing_year) : 'an undated year';
    byYear.set(year, [...(byYear.get(year) ?? []), t.label]);
  }
  const years = [...byYear].sort(([a], [b]) => b.localeCompare(a));
  return (
    <div className="planner-briefed" data-testid="planner-briefed">
      {!rankBriefed && ranking.briefed.length > 0 && (
        <p>
          Set apart, as already briefed since {window.from}:{' '}
          {years.map(([year, labels], i) => (
            <span key={year} data-briefed-year={year}>{i > 0 ? '; ' : ''}briefed in {year}: {labels.join(', ')}</span>
          ))}.
        </p>
      )}
      <label>
        <input type="checkbox" checked={rankBriefed} onChange={(e) => onRankBriefed(e.target.checked)} />{' '}
        Rank themes briefed {windowLabel(window)} too
      </label>
    </div>
  );
}
