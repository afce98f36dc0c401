import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../app/database-context.ts';
import { useFilters } from '../../app/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { reviewsPerYearByPartnershipQuery, totalsQuery } from '../../queries/overview.ts';
import { chartFootnote } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { OverviewHeadline } from './OverviewHeadline.tsx';

/** Overview: totals and reviews per year by partnership, for the current filters. */
export default function OverviewPage() {
  const { db, dataVersion } = useDatabase();
  const [filters, setFilters] = useFilters();
  const { names } = useFilterOptions();
  const totals = useQuery(totalsQuery(db, filters, dataVersion));
  const perYear = useQuery(reviewsPerYearByPartnershipQuery(db, filters, dataVersion));

  const error = totals.error ?? perYear.error;
  if (error) return <StatusMessage kind="error">Could not compute the overview: {error.message}. Try resetting the filters.</StatusMessage>;
  if (!totals.data || !perYear.data) return <StatusMessage kind="loading">Counting reviews…</StatusMessage>;
  if (totals.data.reviews === 0 && totals.data.briefings === 0) {
    return <StatusMessage kind="empty">No reviews or briefings match these filters. Widen the year range or remove a partnership, type or theme filter.</StatusMessage>;
  }
  return (
    <OverviewHeadline
      totals={totals.data}
      perYear={perYear.data}
      footnote={chartFootnote(filters, names)}
      onYearClick={(year) => setFilters({ yearFrom: year, yearTo: year })}
    />
  );
}
