import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { count, points } from '../../charts/options/format.ts';
import { themeChangeOption } from '../../charts/options/theme-change.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { WindowCountsRow } from '../../queries/themes.ts';
import { themeChanges, yearSpan } from '../trends/theme-changes.ts';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

const EARLIER_YEARS = 3;
/** The "latest year" is the latest with at least this many tagged reviews: one review would read as ±100 points. */
export const LATEST_YEAR_MIN = 5;
const SHOWN = 10;

/** Which themes rose or fell most in the latest year against the three years before it. */
export function LatestChangeCard({ rows, footnote, onTheme }: { rows: WindowCountsRow[]; footnote: string; onTheme(id: string): void }) {
  const latest = rows[0]?.latest_year ?? null;
  const changes = useMemo(
    () => themeChanges(rows).sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.theme.localeCompare(b.theme)).slice(0, SHOWN),
    [rows],
  );
  const labels = latest === null ? { recent: '', earlier: '' } : { recent: String(latest), earlier: yearSpan(latest - EARLIER_YEARS, latest - 1) };
  const option = useMemo(() => themeChangeOption(changes, labels), [changes, labels.recent, labels.earlier]);
  const reliability = useReliabilityFootnote(useMemo(() => changes.map((c) => c.theme_id), [changes]));
  const recentTotal = rows[0]?.recent_total ?? 0;
  const earlierTotal = rows[0]?.earlier_total ?? 0;
  // Headlines never rest on small numbers: a change with fewer than 5 reviews on either side is drawn faded, not named.
  const top = changes.find((c) => !c.small);
  const title = latest === null || !changes.length
    ? `No year has ${LATEST_YEAR_MIN} or more tagged reviews to compare`
    : !top
      ? `Too few tagged reviews in ${labels.earlier} to name the largest change in ${latest}`
      : `${top.theme} ${top.change >= 0 ? 'rose' : 'fell'} most in ${latest}: ${points(top.change)} (${top.recent} of ${top.recentTotal} against ${top.earlier} of ${top.earlierTotal}) against ${labels.earlier}`;
  const small = recentTotal < 10 || earlierTotal < 10;
  const onClick = (e: ECElementEvent) => {
    const row = [...changes].reverse()[e.dataIndex];
    if (row) onTheme(row.theme_id);
  };
  return (
    <ChartCard
      id="latest-change"
      title={title}
      footnote={`${footnote} ${labels.recent ? `${labels.recent} is the latest year with at least ${LATEST_YEAR_MIN} tagged reviews. ` : ''}Change in the share of tagged reviews: ${plural(recentTotal, 'tagged review')} in ${labels.recent || 'the latest year'}, ${count(earlierTotal)} in ${labels.earlier || 'the three years before'}.${small ? ' Small numbers: a single review moves these shares a lot, so treat them as pointers, not findings.' : ''}${reliability}`}
      option={option}
      height={Math.max(220, changes.length * 28 + 80)}
      onElementClick={onClick}
      actions={<FilterPicker label="Filter to theme" options={changes.map((r) => ({ value: r.theme_id, label: r.theme }))} onApply={onTheme} />}
      table={{
        columns: [
          { key: 'theme', label: 'Theme' },
          { key: 'recent', label: `Tagged ${labels.recent}`, numeric: true, kind: 'count' },
          { key: 'recentTotal', label: `Tagged reviews ${labels.recent}`, numeric: true, kind: 'base' },
          { key: 'earlier', label: `Tagged ${labels.earlier}`, numeric: true, kind: 'count' },
          { key: 'earlierTotal', label: `Tagged reviews ${labels.earlier}`, numeric: true, kind: 'base' },
          { key: 'change', label: 'Change', numeric: true, kind: 'points', format: (v) => points(v as number) },
        ],
        rows: changes,
      }}
    />
  );
}
