import { useCallback, useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { pct } from '../../charts/options/format.ts';
import { topThemesOption, topThemesTitle } from '../../charts/options/top-themes.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { ThemeShareRow } from '../../queries/themes.ts';
import { baseNote, referenceFor, referenceLabel, type OurBase } from '../../reference/national-figures.ts';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

type Row = ThemeShareRow & { reference: string };

/**
 * The most frequent themes as a share of tagged reviews, with a national reference mark where a published
 * figure exists; a click (or the picker) adds a theme filter.
 */
export function TopThemesCard({ rows, top = 10, selected, footnote, years, onTheme }: {
  rows: ThemeShareRow[];
  top?: number;
  selected: string[];
  footnote: string;
  /** The year span of the matching reviews, for the note on how the published base differs. */
  years: { first: number | null; last: number | null };
  onTheme(themeId: string): void;
}) {
  const shown = useMemo<Row[]>(() => rows.filter((r) => r.reviews > 0).slice(0, top).map((r) => {
    const f = referenceFor(r.theme_id);
    return { ...r, reference: f ? `${referenceLabel(f)} (${f.measure}; ${f.source_title})` : '' };
  }), [rows, top]);
  const refs = useMemo(() => shown.map((r) => referenceFor(r.theme_id)), [shown]);
  const marks = useMemo(() => refs.map((f) => (f ? { share: f.share, label: referenceLabel(f), baseDiffers: f.base_kind === 'subset' } : null)), [refs]);
  const option = useMemo(() => topThemesOption(shown, selected, marks), [shown, selected, marks]);
  const printOption = useCallback(() => topThemesOption(shown, selected, marks, { counts: true }), [shown, selected, marks]);
  const notes = useMemo(() => {
    const ours: OurBase = { reviews: shown[0]?.total ?? 0, firstYear: years.first, lastYear: years.last };
    return shown.flatMap((r, i) => {
      const f = refs[i];
      return f ? [`◆ National reference for ${r.theme}: ${referenceLabel(f)}. ${baseNote(f, ours)} Source: ${f.source_title}, ${f.source_url}.`] : [];
    });
  }, [shown, refs, years.first, years.last]);
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
      onElementClick={(e) => {
        if (e.seriesIndex === 0) onClick(e);
      }}
      notes={notes}
      actions={<FilterPicker label="Filter to theme" options={shown.map((r) => ({ value: r.theme_id, label: r.theme }))} onApply={onTheme} />}
      table={{
        columns: [
          { key: 'theme', label: 'Theme' },
          { key: 'reviews', label: 'Tagged reviews with theme', numeric: true, kind: 'count', suppression: { kind: 'count' } },
          { key: 'total', label: 'Tagged reviews', numeric: true, kind: 'base', suppression: { kind: 'count' } },
          { key: 'share', label: 'Share', numeric: true, kind: 'share', format: (v) => pct(v as number), suppression: { kind: 'share', count: 'reviews', base: 'total' } },
          { key: 'reference', label: 'National reference' },
        ],
        rows: shown,
      }}
    />
  );
}
