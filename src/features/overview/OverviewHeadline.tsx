import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { reviewsPerYearOption, reviewsPerYearTitle } from '../../charts/options/reviews-per-year.ts';
import type { ReviewsPerYearRow, TotalsRow } from '../../queries/overview.ts';
import { KpiRow } from '../../components/KpiRow.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import { plural } from '../../lib/plural.ts';

export interface OverviewHeadlineProps {
  totals: TotalsRow;
  perYear: ReviewsPerYearRow[];
  footnote: string;
  onYearClick?: (year: number) => void;
  /** A review-type filter is on: it narrows the reviews only (briefings have no type), and the cards say so. */
  typeFiltered?: boolean;
}

/** Totals and the reviews-per-year chart: the first thing a user sees. */
export function OverviewHeadline({ totals, perYear, footnote, onYearClick, typeFiltered = false }: OverviewHeadlineProps) {
  const option = useMemo(() => reviewsPerYearOption(perYear), [perYear]);
  const span = totals.first_year === null ? '—' : totals.first_year === totals.last_year ? `${totals.first_year}` : `${totals.first_year}–${totals.last_year}`;
  const onClick = onYearClick && ((e: ECElementEvent) => e.name && onYearClick(Number(e.name)));
  const years = useMemo(() => [...new Set(perYear.map((r) => r.year))].sort((a, b) => a - b), [perYear]);
  const picker = onYearClick && (
    <FilterPicker label="Show year" button="Apply" options={years.map((y) => ({ value: String(y), label: String(y) }))} onApply={(y) => onYearClick(Number(y))} />
  );
  return (
    <>
      <KpiRow
        items={[
          {
            id: 'reviews', label: 'Reviews', value: totals.reviews.toLocaleString('en-GB'),
            note: totals.title_only_reviews ? `${totals.title_only_reviews} title-only set apart` : undefined,
          },
          {
            id: 'briefings', label: 'Briefings', value: totals.briefings.toLocaleString('en-GB'),
            note: [
              totals.briefing_records > totals.briefings ? `${totals.briefing_records} records; repeats under several reviews counted once` : '',
              typeFiltered ? 'the review-type filter does not apply: briefings have no review type' : '',
            ].filter(Boolean).join('; ') || undefined,
          },
          {
            id: 'partnerships', label: 'Partnerships', value: totals.partnerships.toLocaleString('en-GB'),
            note: [
              typeFiltered ? 'with a matching review or briefing' : '',
              totals.other_sources ? `+ ${totals.other_sources} other sources` : '',
              totals.not_known_items ? `${totals.not_known_items} items: partnership not known` : '',
            ].filter(Boolean).join('; ') || undefined,
          },
          { id: 'years', label: 'Years published', value: span },
        ]}
      />
      <ChartCard
        id="reviews-per-year"
        title={reviewsPerYearTitle(perYear)}
        footnote={`${footnote}${totals.undated_reviews ? ` ${plural(totals.undated_reviews, 'review')} without a publication year ${totals.undated_reviews === 1 ? 'is' : 'are'} not shown.` : ''}${totals.title_only_reviews ? ` ${plural(totals.title_only_reviews, 'title-only review')} (their only text is their briefings' titles) ${totals.title_only_reviews === 1 ? 'is' : 'are'} set apart; “Count title-only reviews” includes them.` : ''}`}
        option={option}
        onElementClick={onClick}
        actions={picker}
        table={{
          columns: [
            { key: 'year', label: 'Publication year', numeric: true },
            { key: 'partnership', label: 'Partnership' },
            { key: 'reviews', label: 'Reviews', numeric: true },
          ],
          rows: perYear,
        }}
      />
    </>
  );
}
