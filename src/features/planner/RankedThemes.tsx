import { Fragment, useState } from 'react';
import type { Filters } from '../../filters/filters.ts';
import { displayScore } from '../../planner/export.ts';
import { formatPublished, pct, reasonSentence, TREND_WORDS } from '../../planner/reasons.ts';
import type { Ranking, ScoredTheme, TrendLabel } from '../../planner/score.ts';
import type { PlannerWindow } from '../../planner/window.ts';
import { ThemeMaterial } from './ThemeMaterial.tsx';

/** The print summary keeps to one page: the top of the list (the CSV has it all). */
export const PRINT_TOP = 10;

const TREND_MARK: Record<TrendLabel, string> = { rising: '▲', falling: '▼', steady: '▬', unknown: '·' };

function briefingCell(s: ScoredTheme): string {
  if (s.briefings === 0) return 'None';
  return s.briefings_undated ? `${s.briefings} (${s.briefings_undated} undated)` : String(s.briefings);
}

export interface RankedThemesProps {
  ranking: Ranking;
  window: PlannerWindow;
  latestYear: number;
  scope: Filters;
}

/** The ranked themes as a table; each theme opens to its starting material. */
export function RankedThemes({ ranking, window, latestYear, scope }: RankedThemesProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  return (
    <div className="table-scroll planner-table-wrap">
      <table className="data-table planner-table" data-testid="planner-table">
        <caption>Themes ranked by priority for the next briefing</caption>
        <thead>
          <tr>
            <th scope="col" className="num">Rank</th>
            <th scope="col">Theme and why</th>
            <th scope="col" className="num">Priority</th>
            <th scope="col" className="num">Reviews with theme</th>
            <th scope="col" data-col="trend">Trend</th>
            <th scope="col" className="num">Briefings</th>
            <th scope="col" data-col="latest">Latest dated briefing</th>
          </tr>
        </thead>
        <tbody>
          {ranking.ranked.map((s) => {
            const isOpen = open.has(s.theme_id);
            const panelId = `planner-material-${s.theme_id}`;
            return (
              <Fragment key={s.theme_id}>
                <tr className={`planner-row${s.rank > PRINT_TOP ? ' planner-row--beyond-print' : ''}`} data-theme-id={s.theme_id}>
                  <td className="num" data-col="rank">{s.rank}</td>
                  <td data-col="theme">
                    <button type="button" className="planner-theme" aria-expanded={isOpen} aria-controls={panelId} onClick={() => toggle(s.theme_id)}>
                      <span aria-hidden="true" className="planner-theme__icon">{isOpen ? '▾' : '▸'}</span> {s.label}
                    </button>
                    <span className="planner-theme__group"> {s.group_label}</span>
                    <p className="planner-reason" data-col="reason">{reasonSentence(s, window, latestYear)}</p>
                  </td>
                  <td className="num planner-score" data-col="score">{displayScore(s)}</td>
                  <td className="num" data-col="reviews">
                    <span data-col="window-reviews">{s.window_reviews}</span> of {s.window_total}
                    <span className="hint"> ({pct(s.trend.share)})</span>
                  </td>
                  <td data-col="trend" className={`planner-trend planner-trend--${s.trend.label}`}>
                    <span aria-hidden="true">{TREND_MARK[s.trend.label]} </span>{TREND_WORDS[s.trend.label]}
                  </td>
                  <td className="num" data-col="briefings" data-briefings={s.briefings}>{briefingCell(s)}</td>
                  <td data-col="latest">{s.latest_briefing ? formatPublished(s.latest_briefing) : '—'}</td>
                </tr>
                {isOpen && (
                  <tr className="planner-material-row">
                    <td colSpan={7} id={panelId}>
                      <ThemeMaterial theme={s} window={window} scope={scope} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
