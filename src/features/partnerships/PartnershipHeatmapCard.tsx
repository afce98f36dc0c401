import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { pct } from '../../charts/options/format.ts';
import { HEATMAP_LABEL_ROOM, heatmapOption } from '../../charts/options/heatmap.ts';
import { distinctPartnershipNames, heatmapAxes, partnershipHeatmapOption, partnershipHeatmapSpec } from '../../charts/options/partnership-heatmap.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { HeatmapCellRow } from '../../queries/partnerships.ts';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

const ROW_HEIGHT = 30;

/** Partnership × theme shares; a click on a cell filters to that partnership and theme. */
export function PartnershipHeatmapCard({ rows, top, footnote, onCell }: {
  rows: HeatmapCellRow[];
  top: number;
  footnote: string;
  onCell(partnershipId: string, themeId: string): void;
}) {
  const { spec, option, printOption, partnerships, themes, best, tableRows } = useMemo(() => {
    const { partnerships, themes } = heatmapAxes(rows);
    // The table and title name a partnership as the chart does: two of one name are told apart.
    const names = distinctPartnershipNames(rows);
    const tableRows = rows.map((r) => ({ ...r, partnership: names.get(r.partnership_id)! }));
    const best = tableRows.filter((r) => r.total >= 3).sort((a, b) => b.share - a.share || b.reviews - a.reviews)[0];
    const spec = partnershipHeatmapSpec(rows);
    return { spec, option: heatmapOption(spec), printOption: () => partnershipHeatmapOption(rows, { counts: true }), partnerships, themes, best, tableRows };
  }, [rows]);
  const reliability = useReliabilityFootnote(useMemo(() => themes.map(([id]) => id), [themes]));
  const onClick = (x: number, y: number) => {
    const theme = themes[x];
    const partnership = partnerships[y];
    if (theme && partnership) onCell(partnership[0], theme[0]);
  };
  const title = best
    ? `${best.theme} is tagged in ${pct(best.share)} of ${best.partnership}'s ${plural(best.total, 'tagged review')}, the highest share shown`
    : 'Few tagged reviews per partnership: shares are shown but none rests on 3 or more reviews';
  return (
    <ChartCard
      id="partnership-heatmap"
      title={title}
      footnote={`${footnote} ${partnerships.length === 1 ? 'One partnership' : `The ${partnerships.length} partnerships with most tagged reviews (at most ${top})`}, tagged reviews in brackets; national bodies, joint arrangements and unknown publishers are not partnerships and have no row. Cells show the share of the partnership's tagged reviews carrying the theme; hover for counts.${reliability}`}
      option={option}
      printOption={printOption}
      heatmap={{ spec, rowHeight: ROW_HEIGHT, onCell: onClick, rowsName: 'Partnership' }}
      height={Math.max(315, partnerships.length * ROW_HEIGHT + HEATMAP_LABEL_ROOM)}
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
        rows: tableRows,
      }}
    />
  );
}
