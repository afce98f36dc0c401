import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { ofTotal, pct } from '../../charts/options/format.ts';
import { heatmapOption } from '../../charts/options/heatmap.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { HeatmapCellRow } from '../../queries/partnerships.ts';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

/** Partnership × theme shares; a click on a cell filters to that partnership and theme. */
export function PartnershipHeatmapCard({ rows, top, footnote, onCell }: {
  rows: HeatmapCellRow[];
  top: number;
  footnote: string;
  onCell(partnershipId: string, themeId: string): void;
}) {
  const { option, partnerships, themes, best } = useMemo(() => {
    const partnerships = [...new Map(rows.map((r) => [r.partnership_id, `${r.partnership} (${r.total})`])).entries()];
    const themes = [...new Map(rows.map((r) => [r.theme_id, r.theme])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
    const label = new Map(partnerships);
    const option = heatmapOption({
      xLabels: themes.map(([, t]) => t),
      yLabels: partnerships.map(([, p]) => p),
      cells: rows.map((r) => ({
        x: r.theme, y: label.get(r.partnership_id)!, value: r.share, label: r.reviews ? pct(r.share) : '',
        tooltip: `${r.partnership} · ${r.theme}: ${pct(r.share)} (${ofTotal(r.reviews, r.total)} tagged reviews)`,
      })),
      xName: '', yName: '', min: 0, max: 1, scaleText: ['0%', '100%'],
      description: `Heatmap of the share of each partnership's tagged reviews carrying each theme, ${partnerships.length} partnerships by ${themes.length} themes.`,
    });
    const best = rows.filter((r) => r.total >= 3).sort((a, b) => b.share - a.share || b.reviews - a.reviews)[0];
    return { option, partnerships, themes, best };
  }, [rows]);
  const reliability = useReliabilityFootnote(useMemo(() => themes.map(([id]) => id), [themes]));
  const onClick = (e: ECElementEvent) => {
    const [x, y] = (e.value as number[]) ?? [];
    const theme = themes[x ?? -1];
    const partnership = partnerships[y ?? -1];
    if (theme && partnership) onCell(partnership[0], theme[0]);
  };
  const title = best
    ? `${best.theme} is tagged in ${pct(best.share)} of ${best.partnership}'s ${plural(best.total, 'tagged review')}, the highest share shown`
    : 'Few tagged reviews per partnership: shares are shown but none rests on 3 or more reviews';
  return (
    <ChartCard
      id="partnership-heatmap"
      title={title}
      footnote={`${footnote} ${partnerships.length === 1 ? 'One partnership' : `The ${partnerships.length} partnerships with most tagged reviews (at most ${top})`}, tagged reviews in brackets. Cells show the share of the partnership's tagged reviews carrying the theme; hover for counts.${reliability}`}
      option={option}
      height={Math.max(280, partnerships.length * 30 + 200)}
      onElementClick={onClick}
      actions={
        <>
          <FilterPicker label="Filter to partnership" options={partnerships.map(([id, l]) => ({ value: id, label: l }))} onApply={(p) => onCell(p, '')} />
          <FilterPicker label="Add theme filter" options={themes.map(([id, l]) => ({ value: id, label: l }))} onApply={(t) => onCell('', t)} />
        </>
      }
      table={{
        columns: [
          { key: 'partnership', label: 'Partnership' },
          { key: 'theme', label: 'Theme' },
          { key: 'reviews', label: 'Tagged reviews with theme', numeric: true, kind: 'count' },
          { key: 'total', label: 'Tagged reviews', numeric: true, kind: 'base' },
          { key: 'share', label: 'Share', numeric: true, kind: 'share', format: (v) => pct(v as number) },
        ],
        rows,
      }}
    />
  );
}
