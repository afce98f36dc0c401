import { useMemo } from 'react';
import { ChartCard } from '../../charts/ChartCard.tsx';
import type { ECElementEvent } from '../../charts/echarts.ts';
import { count, pct, points } from '../../charts/options/format.ts';
import { themeChangeOption } from '../../charts/options/theme-change.ts';
import { FilterPicker } from '../../components/FilterPicker.tsx';
import type { WindowCountsRow } from '../../queries/themes.ts';
import { assessEmerging, EMERGING_RULE, emergingWindows } from '../../stats/emerging.ts';
import { themeChanges, yearSpan } from './theme-changes.ts';
import { plural } from '../../lib/plural.ts';
import { useReliabilityFootnote } from '../agreement/use-reliability.ts';

/** The rule in plain words, from the same constants the test uses. */
export function EmergingRule({ recent, earlier }: { recent: string; earlier: string }) {
  const r = EMERGING_RULE;
  return (
    <div className="trends-rule">
      <h2>How a theme is flagged as emerging</h2>
      <p>
        We compare the share of tagged reviews carrying the theme in the last {r.recentYears} years with data
        ({recent}) against the {r.earlierYears} years before ({earlier}). A theme is flagged as <strong>emerging</strong> when
        its share is higher in the recent years, at least {r.minRecent} recent reviews carry it, and Fisher’s exact test
        (one-sided) says a rise this large would happen by chance less than {r.alpha * 100}% of the time (p &lt; {r.alpha}).
        With few reviews per year, few themes can pass: “not flagged” does not mean “not rising”.
      </p>
    </div>
  );
}

/** The headline when nothing is emerging: the largest rise on enough reviews, never one built on small numbers. */
function largestRiseWords(changes: ReadonlyArray<{ theme: string; change: number; small?: boolean }>, recent: string): string {
  const rise = changes.filter((c) => !c.small && c.change > 0).sort((a, b) => b.change - a.change)[0];
  if (rise) return `No theme meets the emerging rule in ${recent}; the largest rise is ${rise.theme}`;
  return changes.some((c) => c.small)
    ? `No theme meets the emerging rule in ${recent}; too few reviews to name a largest rise`
    : `No theme meets the emerging rule in ${recent}; no theme rose`;
}

/** Change in share per theme, recent window against the earlier one, emerging themes marked. */
export function EmergingCard({ rows, footnote, onTheme }: { rows: WindowCountsRow[]; footnote: string; onTheme(id: string): void }) {
  const latest = rows[0]?.latest_year ?? null;
  const windows = latest === null ? null : emergingWindows(latest);
  const labels = windows
    ? { recent: yearSpan(windows.recent.from, windows.recent.to), earlier: yearSpan(windows.earlier.from, windows.earlier.to), flagged: 'Emerging' }
    : { recent: '', earlier: '', flagged: 'Emerging' };
  const assessed = useMemo(() => themeChanges(rows).map((c) => {
    const a = assessEmerging({ recent: c.recent, recentTotal: c.recentTotal, earlier: c.earlier, earlierTotal: c.earlierTotal });
    return { ...c, flagged: a.emerging, pValue: a.pValue, recentShare: a.recentShare, earlierShare: a.earlierShare };
  }).sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.change - a.change || a.theme.localeCompare(b.theme)), [rows]);
  const option = useMemo(() => themeChangeOption(assessed, labels), [assessed, labels.recent, labels.earlier]);
  const emerging = assessed.filter((a) => a.flagged);
  // The flagged themes and the largest rises: a note for all 31 would bury the chart.
  const reliability = useReliabilityFootnote(useMemo(() => assessed.slice(0, Math.max(3, emerging.length)).map((a) => a.theme_id), [assessed, emerging.length]));
  const title = !windows
    ? 'No dated tagged reviews to look for emerging themes'
    : emerging.length
      ? `${emerging.length} emerging theme${emerging.length > 1 ? 's' : ''} in ${labels.recent}: ${emerging.slice(0, 3).map((e) => e.theme).join(', ')}`
      : largestRiseWords(assessed, labels.recent);
  const onClick = (e: ECElementEvent) => {
    const row = [...assessed].reverse()[e.dataIndex];
    if (row) onTheme(row.theme_id);
  };
  return (
    <>
      <EmergingRule recent={labels.recent || '—'} earlier={labels.earlier || '—'} />
      <ChartCard
        id="emerging-themes"
        title={title}
        footnote={`${footnote} ${plural(rows[0]?.recent_total ?? 0, 'tagged review')} in ${labels.recent || 'the recent years'}, ${count(rows[0]?.earlier_total ?? 0)} in ${labels.earlier || 'the years before'}.${reliability}`}
        option={option}
        height={Math.max(240, assessed.length * 26 + 80)}
        onElementClick={onClick}
        actions={<FilterPicker label="Filter to theme" options={assessed.map((r) => ({ value: r.theme_id, label: r.theme }))} onApply={onTheme} />}
        table={{
          columns: [
            { key: 'theme', label: 'Theme' },
            { key: 'recent', label: `Tagged ${labels.recent}`, numeric: true, kind: 'count' },
            { key: 'recentTotal', label: `Tagged reviews ${labels.recent}`, numeric: true, kind: 'base' },
            { key: 'recentShare', label: `Share ${labels.recent}`, numeric: true, kind: 'share', format: (v) => pct(v as number) },
            { key: 'earlier', label: `Tagged ${labels.earlier}`, numeric: true, kind: 'count' },
            { key: 'earlierTotal', label: `Tagged reviews ${labels.earlier}`, numeric: true, kind: 'base' },
            { key: 'earlierShare', label: `Share ${labels.earlier}`, numeric: true, kind: 'share', format: (v) => pct(v as number) },
            { key: 'change', label: 'Change', numeric: true, kind: 'points', format: (v) => points(v as number) },
            { key: 'pValue', label: 'p (Fisher, one-sided)', numeric: true, kind: 'p', format: (v) => (v as number).toPrecision(3) },
            { key: 'flagged', label: 'Emerging', format: (v) => (v ? 'Yes' : 'No') },
          ],
          rows: assessed,
        }}
      />
    </>
  );
}
