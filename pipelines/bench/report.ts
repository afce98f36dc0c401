/** The benchmark's printed table and its final JSON line. */

export interface Target {
  key: string;
  label: string;
  limit: number;
  /** 'max': the figure must not exceed the limit; 'min': it must reach it. */
  kind: 'max' | 'min';
}

/** The targets at the x10 preset (first chart and initial JS are about the bundled app and hold at every preset). */
export const TARGETS: Target[] = [
  { key: 'filter_redraw_p95_ms', label: 'filter change, all charts of a view, p95', limit: 100, kind: 'max' },
  { key: 'tag_passages_per_s', label: 'tagging in the worker', limit: 20_000, kind: 'min' },
  { key: 'tag_speedup_vs_naive', label: 'tagging vs natural Bayes', limit: 10, kind: 'min' },
  { key: 'first_chart_ms', label: 'first chart, bundled data', limit: 1_500, kind: 'max' },
  { key: 'initial_js_gz_kb', label: 'initial JS, gzipped', limit: 150, kind: 'max' },
  { key: 'peak_tab_mb', label: 'peak tab memory', limit: 1_200, kind: 'max' },
  { key: 'interactive_ms', label: 'navigation → Overview answers a filter, bundled data', limit: 1_500, kind: 'max' },
  { key: 'preset_interactive_ms', label: 'navigation → Overview answers a filter, preset', limit: 5_000, kind: 'max' },
  { key: 'search_redraw_p95_ms', label: 'new search term → Overview redrawn, p95', limit: 200, kind: 'max' },
];

/** Whether each target is met (null when the figure is missing). */
export function checkTargets(figures: Record<string, unknown>): Record<string, boolean | null> {
  return Object.fromEntries(TARGETS.map((t) => {
    const v = figures[t.key];
    return [t.key, typeof v === 'number' ? (t.kind === 'max' ? v <= t.limit : v >= t.limit) : null];
  }));
}

/** A plain two-column table for the terminal (and for the README). */
export function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
