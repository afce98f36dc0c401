import { useCallback, useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { comparisonOption, comparisonPoints, comparisonTitle, SMALL_NUMBER } from '../../charts/options/comparison.ts';
import { pct, points } from '../../charts/options/format.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { COMPARISON_METHOD_TEXT, READING_WORDS } from '../../stats/share-difference.ts';
import type { ComparisonRow } from '../../queries/partnerships.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

const SHOWN = 15;

/** One partnership's theme shares against all other partnerships, with 95% Wilson intervals. */
export function ComparisonCard({ name, rows, footnote, onTheme }: { name: string; rows: ComparisonRow[]; footnote: string; onTheme(id: string): void }) {
  const shownRows = useMemo(() => rows.slice(0, SHOWN), [rows]);
  const pts = useMemo(() => comparisonPoints(shownRows), [shownRows]);
  const option = useMemo(() => comparisonOption(pts, name), [pts, name]);
  const printOption = useCallback(() => comparisonOption(pts, name, { counts: true }), [pts, name]);
  const total = rows[0]?.total ?? 0;
  const reliability = useReliabilityFootnote(useMemo(() => shownRows.map((r) => r.theme_id), [shownRows]));
  const table = useMemo(() => pts.map((p, i) => ({
    theme: p.theme, reviews: p.reviews, total: p.total, share: p.own.estimate, low: p.own.low, high: p.own.high,
    others: p.others, others_total: p.others_total, others_share: p.rest.estimate, others_low: p.rest.low, others_high: p.rest.high,
    // Differences in percentage points, as the CSV writes them.
    diff: p.verdict.diff * 100, diff_low: p.verdict.lo * 100, diff_high: p.verdict.hi * 100,
    reading: READING_WORDS[p.verdict.reading],
    theme_id: shownRows[i]!.theme_id,
  })), [pts, shownRows]);
  if (!total) return <StatusMessage kind="empty">{name} has no tagged reviews under these filters. Widen the year range or remove a review-type or text filter.</StatusMessage>;
  const onClick = (e: ECElementEvent) => {
    const row = [...table].reverse()[e.dataIndex];
    if (row) onTheme(row.theme_id);
  };
  const f = (v: unknown) => pct(v as number);
  const pp = (v: unknown) => points(v as number);
  return (
    <>
      <p className="hint comparison-method" data-testid="comparison-method">{COMPARISON_METHOD_TEXT}</p>
      <ul className="comparison-verdicts" data-testid="comparison-verdicts" aria-label={`Verdict per theme for ${name}`}>
        {pts.map((p, i) => (
          <li key={shownRows[i]!.theme_id} data-theme-id={shownRows[i]!.theme_id} data-reading={p.verdict.reading}>
            {p.theme}: {READING_WORDS[p.verdict.reading]} ({p.reviews} of {p.total} against {p.others} of {p.others_total})
          </li>
        ))}
      </ul>
      {total < SMALL_NUMBER && (
        <p className="partnerships-small" role="note">
          <strong>Small numbers:</strong> {name} has only {total} tagged review{total === 1 ? '' : 's'} here, so its intervals are wide and one review changes a share by {pct(1 / total)}.
        </p>
      )}
      <ChartCard
        id="partnership-comparison"
        title={comparisonTitle(name, pts)}
        footnote={`${footnote} Partnership and region filters do not apply here: “other partnerships” means every other statutory partnership. Points are shares of tagged reviews; bars are 95% Wilson intervals of each share. ${COMPARISON_METHOD_TEXT} The ${pts.length} themes most often tagged in ${name}.${reliability}`}
        option={option}
        printOption={printOption}
        height={Math.max(260, pts.length * 34 + 100)}
        onElementClick={onClick}
        table={{
          columns: [
            { key: 'theme', label: 'Theme' },
            { key: 'reviews', label: `${name}: tagged`, numeric: true, kind: 'count' },
            { key: 'total', label: `${name}: reviews`, numeric: true, kind: 'base' },
            { key: 'share', label: `${name}: share`, numeric: true, kind: 'share', format: f },
            { key: 'low', label: `${name}: 95% low`, numeric: true, kind: 'share', format: f },
            { key: 'high', label: `${name}: 95% high`, numeric: true, kind: 'share', format: f },
            { key: 'others', label: 'Others: tagged', numeric: true, kind: 'count' },
            { key: 'others_total', label: 'Others: reviews', numeric: true, kind: 'base' },
            { key: 'others_share', label: 'Others: share', numeric: true, kind: 'share', format: f },
            { key: 'others_low', label: 'Others: 95% low', numeric: true, kind: 'share', format: f },
            { key: 'others_high', label: 'Others: 95% high', numeric: true, kind: 'share', format: f },
            { key: 'diff', label: 'Difference', numeric: true, kind: 'points', format: pp },
            { key: 'diff_low', label: 'Difference 95% low', numeric: true, kind: 'points', format: pp },
            { key: 'diff_high', label: 'Difference 95% high', numeric: true, kind: 'points', format: pp },
            { key: 'reading', label: 'Reading' },
          ],
          rows: table,
        }}
      />
    </>
  );
}
