import { useMemo, useState } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { count, pct } from '../../charts/options/format.ts';
import {
  kindsByThemeOption, kindsByThemeTitle, kindsByYearOption, kindsByYearTitle, ownersOption, ownersTitle, type KindMeasure,
} from '../../charts/options/recommendation-kinds.ts';
import type { KindThemeRow, KindYearRow, OwnerRow } from '../../queries/recommendations.ts';
import { KIND_LABELS, type RecommendationKind } from '../../recommendations/kinds.ts';

const kindLabel = (k: unknown) => KIND_LABELS[k as RecommendationKind] ?? String(k);

/** Kinds of recommendation by publication year, as counts or shares; a click narrows the years. */
export function KindsByYearCard({ rows, footnote, onYear }: { rows: KindYearRow[]; footnote: string; onYear(year: number): void }) {
  const [measure, setMeasure] = useState<KindMeasure>('count');
  const option = useMemo(() => kindsByYearOption(rows, measure), [rows, measure]);
  const table = useMemo(() => ({
    columns: [
      { key: 'year' as const, label: 'Publication year', numeric: true },
      { key: 'kind' as const, label: 'Kind', format: kindLabel },
      { key: 'recommendations' as const, label: 'Recommendations', numeric: true },
      { key: 'total' as const, label: 'All recommendations that year', numeric: true },
      { key: 'share' as const, label: 'Share', numeric: true, format: (v: unknown) => pct(v as number) },
    ],
    rows,
  }), [rows]);
  return (
    <ChartCard id="recommendation-kinds-by-year" title={kindsByYearTitle(rows)} option={option} table={table}
      footnote={`${footnote} Recommendations found in the reviews' catalogue entries and imported documents, by the publication year of their review; kinds from the kind model.`}
      onElementClick={(e: ECElementEvent) => e.name && onYear(Number(e.name))}
      actions={(
        <fieldset className="trends-measure">
          <legend>Show</legend>
          {(['count', 'share'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="recommendation-measure" value={m} checked={measure === m} onChange={() => setMeasure(m)} />
              {m === 'count' ? 'Number' : 'Share of the year'}
            </label>
          ))}
        </fieldset>
      )} />
  );
}

/** Kinds of recommendation per theme (themes of the recommendation's own text); a click adds the theme to the filter. */
export function KindsByThemeCard({ rows, footnote, onTheme }: { rows: KindThemeRow[]; footnote: string; onTheme(themeId: string): void }) {
  const option = useMemo(() => kindsByThemeOption(rows), [rows]);
  const table = useMemo(() => ({
    columns: [
      { key: 'theme' as const, label: 'Theme' },
      { key: 'kind' as const, label: 'Kind', format: kindLabel },
      { key: 'recommendations' as const, label: 'Recommendations', numeric: true, format: (v: unknown) => count(v as number) },
    ],
    rows,
  }), [rows]);
  const idOf = (label: string) => rows.find((r) => r.theme === label)?.theme_id;
  return (
    <ChartCard id="recommendation-kinds-by-theme" title={kindsByThemeTitle(rows)} option={option} table={table} height={380}
      footnote={`${footnote} Themes found by the tagger in each recommendation's own text; the ${new Set(rows.map((r) => r.theme_id)).size} themes with most recommendations.`}
      onElementClick={(e: ECElementEvent) => { const id = e.name && idOf(e.name); if (id) onTheme(id); }} />
  );
}

/** Open and overdue recommendations per owner. */
export function OwnersCard({ rows, footnote, today }: { rows: OwnerRow[]; footnote: string; today: string }) {
  const option = useMemo(() => ownersOption(rows), [rows]);
  const table = useMemo(() => ({
    columns: [
      { key: 'owner' as const, label: 'Owner' },
      { key: 'open' as const, label: 'Open', numeric: true },
      { key: 'overdue' as const, label: 'Overdue', numeric: true },
    ],
    rows,
  }), [rows]);
  return (
    <ChartCard id="recommendation-owners" title={ownersTitle(rows)} option={option} table={table} height={Math.max(220, 60 + rows.length * 28)}
      footnote={`${footnote} Open = not started or in progress (recommendations nobody has tracked yet count as not started, with no owner). Overdue = open with a due date before ${today}.`} />
  );
}
