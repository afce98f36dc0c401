import { useEffect, useState } from 'react';
import { OverviewHeadline } from '../features/overview/OverviewHeadline.tsx';
import { chartFootnote } from '../features/filters/describe-filters.ts';
import { NO_FILTERS } from '../filters/filters.ts';
import { datasetBaseUrl } from './dataset-source.ts';
import type { ReviewsPerYearRow, TotalsRow } from '../queries/overview.ts';

interface Summary {
  totals: TotalsRow;
  reviewsPerYear: ReviewsPerYearRow[];
}

/**
 * The unfiltered overview drawn from a small precomputed summary (built by the
 * same queries in `npm run data`) while DuckDB starts, so the first chart does
 * not wait for the engine. Mounted only when the filter index will not draw the
 * live view first (DatabaseProvider): drawn and then replaced a moment later, it
 * cost a second cold draw of the same chart before the first filterable screen.
 */
export function FirstScreen() {
  const [summary, setSummary] = useState<Summary | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`${datasetBaseUrl()}summary.json`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<Summary>) : null))
      .then(setSummary)
      .catch(() => undefined /* the live view replaces this screen anyway */);
    return () => controller.abort();
  }, []);
  if (!summary) return null;
  return (
    <main id="main" className="first-screen" aria-busy="true">
      <div className="view-heading">
        <h1>Overview</h1>
        <p>Reviews and briefings at a glance. Filters become available once the database has started.</p>
      </div>
      <OverviewHeadline totals={summary.totals} perYear={summary.reviewsPerYear} footnote={chartFootnote(NO_FILTERS)} />
    </main>
  );
}
