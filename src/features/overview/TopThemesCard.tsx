import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { pct } from '../../charts/options/format.ts';
import { topThemesOption, topThemesTitle } from '../../charts/options/top-themes.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { ThemeShareRow } from '../../queries/themes.ts';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

/** The most frequent themes as a share of tagged reviews; a click (or the picker) adds a theme filter. */
export function TopThemesCard({ rows, top = 10, selected, footnote, onTheme }: {
  rows: ThemeShareRow[];
  top?: number;
  selected: string[];
  footnote: string;
  onTheme(themeId: string): void;
}) {
  const shown = useMemo(() => rows.filter((r) => r.reviews > 0).slice(0, top), [rows, top]);
  const option = useMemo(() => topThemesOption(shown, selected), [shown, selected]);
  const printOption = useMemo(() => topThemesOption(shown, selected, { counts: true }), [shown, selected]);
  const reliability = useReliabilityFootnote(useMemo(() => shown.map((r) => r.theme_id), [shown]));
  const onClick = (e: ECElementEvent) => {
    const row = [...shown].reverse()[e.dataIndex];
    if (row) onTheme(row.theme_id);
  };
  return (
    <ChartCard
      id="top-themes"
      title={topThemesTitle(shown)}
      footnote={`${footnote} Share of the ${plural(shown[0]?.total ?? 0, 'review')} with at least one theme; the theme filter highlights bars here rather than narrowing the reviews counted.${reliability}`}
      option={option}
      printOption={printOption}
      height={Math.max(220, shown.length * 28 + 60)}
      onElementClick={onClick}
      actions={<FilterPicker label="Filter to theme" options={shown.map((r) => ({ value: r.theme_id, label: r.theme }))} onApply={onTheme} />}
      table={{
        columns: [
          { key: 'theme', label: 'Theme' },
          { key: 'reviews', label: 'Tagged reviews with theme', numeric: true, kind: 'count' },
          { key: 'total', label: 'Tagged reviews', numeric: true, kind: 'base' },
          { key: 'share', label: 'Share', numeric: true, kind: 'share', format: (v) => pct(v as number) },
        ],
        rows: shown,
      }}
    />
  );
}
