import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { HEATMAP_LABEL_ROOM, heatmapOption, type HeatmapSpec } from '../../charts/options/heatmap.ts';
import type { CooccurrenceRow } from '../../queries/cooccurrence.ts';
import { lift } from '../../stats/lift.ts';
import { PairPicker } from './PairPicker.tsx';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

export type PairMeasure = 'count' | 'lift';

/** Pairs off the diagonal with their lift, each pair once. */
export function pairsWithLift(rows: readonly CooccurrenceRow[]) {
  return rows.map((r) => ({ ...r, lift: r.theme_a === r.theme_b ? null : lift(r.both, r.count_a, r.count_b, r.total) }));
}

/** Lift in bands around 1 (chance): a diverging scale, so "less often than chance" reads differently from "more". */
const LIFT_BANDS = [
  { max: 0.8, label: 'Less often than chance (< 0.8)', color: '#f5c48a' },
  { min: 0.8, max: 1.25, label: 'About chance (0.8–1.25)', color: '#f2f2f2' },
  { min: 1.25, max: 2, label: 'More often (1.25–2)', color: '#8cbfe0' },
  { min: 2, label: 'Much more often (≥ 2)', color: '#1f5f9e' },
];

/** Height of a row of cells. */
const ROW_HEIGHT = 26;

const liftText = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Theme × theme: reviews tagged with both, or lift over chance. A click filters to reviews with both themes. */
export function CooccurrenceCard({ rows, measure, footnote, onPair, actions }: {
  rows: CooccurrenceRow[];
  measure: PairMeasure;
  footnote: string;
  onPair(a: string, b: string): void;
  actions?: React.ReactNode;
}) {
  const withLift = useMemo(() => pairsWithLift(rows), [rows]);
  const themes = useMemo(() => [...new Map(rows.map((r) => [r.theme_a, r.label_a])).entries()], [rows]);
  const reliability = useReliabilityFootnote(useMemo(() => themes.map(([id]) => id), [themes]));
  const spec = useMemo<HeatmapSpec>(() => {
    const maxLift = Math.max(2, ...withLift.map((r) => r.lift ?? 0));
    const maxCount = Math.max(1, ...withLift.filter((r) => r.theme_a !== r.theme_b).map((r) => r.both));
    // Cells find their themes by id: two themes of one name would otherwise share a row and a column.
    const at = new Map(themes.map(([id], i) => [id, i]));
    return {
      xLabels: themes.map(([, l]) => l), yLabels: themes.map(([, l]) => l), xName: '', yName: '',
      cells: withLift.filter((r) => measure === 'count' || r.lift !== null).map((r) => ({
        x: at.get(r.theme_b) ?? -1, y: at.get(r.theme_a) ?? -1,
        value: measure === 'count' ? Math.min(r.both, maxCount) : r.lift!,
        label: measure === 'count' ? (r.both ? String(r.both) : '') : r.both ? liftText(r.lift) : '',
        tooltip: r.theme_a === r.theme_b
          ? `${r.label_a}: ${plural(r.both, 'tagged review')}`
          : `${r.label_a} + ${r.label_b}: ${plural(r.both, 'review')} with both; lift ${liftText(r.lift)} (${r.count_a} and ${r.count_b} of ${plural(r.total, 'review')})`,
      })),
      min: 0, max: measure === 'count' ? maxCount : maxLift,
      ...(measure === 'lift' ? { pieces: LIFT_BANDS } : {}),
      scaleText: measure === 'count' ? ['0', String(maxCount)] : ['0 (never together)', `${maxLift.toFixed(1)}× chance`],
      description: `Heatmap of ${measure === 'count' ? 'how many tagged reviews carry both themes' : 'lift of each pair of themes over chance'}, for the ${themes.length} most frequent themes.`,
    };
  }, [withLift, themes, measure]);
  const option = useMemo(() => heatmapOption(spec), [spec]);
  const best = useMemo(
    () => withLift.filter((r) => r.lift !== null && r.theme_a < r.theme_b && r.both >= 3).sort((a, b) => (measure === 'count' ? b.both - a.both : b.lift! - a.lift!) || b.both - a.both)[0],
    [withLift, measure],
  );
  const title = !best
    ? 'No two themes share 3 or more tagged reviews'
    : measure === 'count'
      ? `${best.label_a} and ${best.label_b} come together most: ${plural(best.both, 'review')} ${best.both === 1 ? 'carries' : 'carry'} both`
      : `${best.label_a} and ${best.label_b} come together ${liftText(best.lift)}× as often as chance (${plural(best.both, 'review')})`;
  const onClick = (x: number, y: number) => {
    const a = themes[y];
    const b = themes[x];
    if (a && b) onPair(a[0], b[0]);
  };
  const options = themes.map(([id, l]) => ({ value: id, label: l }));
  return (
    <ChartCard
      id="cooccurrence"
      title={title}
      footnote={`${footnote} ${plural(rows[0]?.total ?? 0, 'tagged review')}; the ${themes.length} most frequent themes. Lift = reviews with both ÷ what independent themes would give (1 = chance, above 1 = together more often). The theme filter does not narrow the reviews counted here.${reliability}`}
      option={option}
      heatmap={{ spec, rowHeight: ROW_HEIGHT, onCell: onClick, rowsName: 'Theme' }}
      height={Math.max(395, themes.length * ROW_HEIGHT + HEATMAP_LABEL_ROOM + 20)}
      actions={<>{actions}<PairPicker options={options} onPair={onPair} /></>}
      table={{
        columns: [
          { key: 'label_a', label: 'Theme' },
          { key: 'label_b', label: 'With theme' },
          { key: 'both', label: 'Reviews with both', numeric: true, kind: 'count' },
          { key: 'count_a', label: 'Reviews with theme', numeric: true },
          { key: 'count_b', label: 'Reviews with the other', numeric: true },
          { key: 'total', label: 'Tagged reviews', numeric: true, kind: 'base' },
          { key: 'lift', label: 'Lift', numeric: true, kind: 'ratio', format: (v) => liftText(v as number | null) },
        ],
        rows: withLift.filter((r) => r.theme_a <= r.theme_b),
      }}
    />
  );
}
