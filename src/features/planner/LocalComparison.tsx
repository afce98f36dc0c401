import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { Filters } from '../../filters/filters.ts';
import { localVsRestQuery } from '../../queries/planner.ts';
import { COMPARISON_METHOD_TEXT, compareShares, READING_WORDS, SMALL_N } from '../../stats/share-difference.ts';
import { pct } from '../../planner/reasons.ts';
import { windowLabel, type PlannerWindow } from '../../planner/window.ts';
import { plural } from '../../lib/plural.ts';
import { referenceFor, referenceLabel } from '../../reference/national-figures.ts';

/** The published national share for a theme, labelled with its base and period. */
function nationalCell(themeId: string): string {
  const f = referenceFor(themeId);
  if (!f) return '—';
  return `${referenceLabel(f)}${f.base_kind === 'subset' ? ' (base differs)' : ''}`;
}

const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(Math.round(x * 100))}`;

/** One partnership's theme shares against every other partnership in scope, with 95% intervals. */
export function LocalComparison({ scope, partnershipId, name, window }: { scope: Filters; partnershipId: string; name: string; window: PlannerWindow }) {
  const { db, dataVersion } = useDatabase();
  const { data, error } = useQuery(localVsRestQuery(db, scope, partnershipId, window, dataVersion));
  const rows = useMemo(
    () => (data ?? [])
      .filter((r) => r.local_k + r.rest_k > 0)
      .map((r) => ({ ...r, c: compareShares(r) }))
      .sort((a, b) => b.c.diff - a.c.diff || a.label.localeCompare(b.label, 'en-GB')),
    [data],
  );
  const headingId = `planner-local-${partnershipId}`;
  let body;
  if (error) body = <StatusMessage kind="error">Could not compare {name} with the rest: {error.message}</StatusMessage>;
  else if (!data) body = <StatusMessage kind="loading">Comparing {name} with the other partnerships…</StatusMessage>;
  else if (!data[0]?.local_n || !data[0]?.rest_n) {
    body = <StatusMessage kind="empty">Too few dated reviews in {windowLabel(window)} to compare {name} with the rest. Widen the window.</StatusMessage>;
  } else {
    const { local_n, rest_n } = data[0];
    body = (
      <>
        <p className="hint">
          {name}: {plural(local_n, 'review')}; other partnerships: {plural(rest_n, 'review')}, published {windowLabel(window)}.{' '}
          <span data-testid="comparison-method">{COMPARISON_METHOD_TEXT}</span> Shares from fewer than {SMALL_N} reviews are
          marked “small numbers”.
        </p>
        <div className="table-scroll">
          <table className="data-table planner-local" data-testid="planner-local">
            <caption>Share of reviews with each theme: {name} against other partnerships</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th>
                <th scope="col" className="num">{name}</th>
                <th scope="col" className="num">Other partnerships</th>
                <th scope="col" className="num">Difference, points (95% interval)</th>
                <th scope="col">Reading</th>
                <th scope="col">National reference</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.theme_id} data-theme-id={r.theme_id} data-reading={r.c.reading}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{pct(r.c.local)} <span className="hint">({r.local_k}/{r.local_n})</span></td>
                  <td className="num">{pct(r.c.rest)} <span className="hint">({r.rest_k}/{r.rest_n})</span></td>
                  <td className="num">{points(r.c.diff)} <span className="hint">({points(r.c.lo)} to {points(r.c.hi)})</span></td>
                  <td className={`planner-reading planner-reading--${r.c.reading}`}>
                    {READING_WORDS[r.c.reading]}{r.c.small && <span className="planner-small"> · small numbers</span>}
                  </td>
                  <td className="planner-reference">{nationalCell(r.theme_id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          National reference: a published share for the theme where one exists, with its base and period. No published base
          matches ours (reviews of every type in the window); “base differs” marks figures counted on a subgroup of reviews.
          See the README for the sources.
        </p>
      </>
    );
  }
  return (
    <section className="planner-section planner-local-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{name} against the other partnerships</h2>
      {body}
    </section>
  );
}
