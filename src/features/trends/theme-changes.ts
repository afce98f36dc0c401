/** Turns per-theme window counts into changes in share, for the change charts. */
import type { ThemeChange } from '../../charts/options/theme-change.ts';
import type { WindowCountsRow } from '../../queries/themes.ts';
import { SMALL_N } from '../../stats/share-difference.ts';

/** Change in percentage points for every theme seen in either window. */
export function themeChanges(rows: readonly WindowCountsRow[]): ThemeChange[] {
  return rows
    .filter((r) => r.recent + r.earlier > 0)
    .map((r) => ({
      theme_id: r.theme_id, theme: r.theme, recent: r.recent, recentTotal: r.recent_total, earlier: r.earlier, earlierTotal: r.earlier_total,
      change: ((r.recent_total ? r.recent / r.recent_total : 0) - (r.earlier_total ? r.earlier / r.earlier_total : 0)) * 100,
      small: r.recent_total < SMALL_N || r.earlier_total < SMALL_N,
    }));
}

/** "2021–2023", or "2023" for one year. */
export const yearSpan = (from: number, to: number): string => (from === to ? String(from) : `${from}–${to}`);
