import { useCallback, useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { pct } from '../../charts/options/format.ts';
import { themeTrendOption, themeTrendTitle, type TrendMeasure } from '../../charts/options/theme-trend.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { ThemeYearRow } from '../../queries/trends.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

/** Chosen themes over publication years; a click on a point narrows the years to that year. */
export function ThemeTrendCard({ id = 'theme-trend', rows, measure, footnote, onYear, actions }: {
  id?: string;
  rows: ThemeYearRow[];
  measure: TrendMeasure;
  footnote: string;
  onYear(year: number): void;
  actions?: React.ReactNode;
}) {
  const option = useMemo(() => themeTrendOption(rows, measure), [rows, measure]);
  const printOption = useCallback(() => themeTrendOption(rows, measure, { counts: true }), [rows, measure]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))], [rows]);
  const reliability = useReliabilityFootnote(useMemo(() => [...new Set(rows.map((r) => r.theme_id))], [rows]));
  const onClick = (e: ECElementEvent) => e.name && onYear(Number(e.name));
  return (
    <ChartCard
      id={id}
      title={themeTrendTitle(rows, measure)}
      footnote={`${footnote} ${measure === 'share' ? 'Share of the tagged reviews published each year.' : 'Tagged reviews published each year.'} Years with no tagged reviews are gaps.${reliability}`}
      option={option}
      printOption={printOption}
      onElementClick={onClick}
      actions={<>{actions}<FilterPicker label="Show year" button="Apply" options={years.map((y) => ({ value: String(y), label: String(y) }))} onApply={(y) => onYear(Number(y))} /></>}
      table={{
        columns: [
          { key: 'year', label: 'Publication year', numeric: true },
          { key: 'theme', label: 'Theme' },
          { key: 'reviews', label: 'Tagged reviews with theme', numeric: true, kind: 'count' },
          { key: 'total', label: 'Tagged reviews that year', numeric: true, kind: 'base' },
          { key: 'share', label: 'Share', numeric: true, kind: 'share', format: (v) => pct(v as number) },
        ],
        rows,
      }}
    />
  );
}
