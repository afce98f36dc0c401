/**
 * Partnership × theme: the share of each partnership's tagged reviews that
 * carries each theme. On screen a cell shows its share (the count is in the
 * tooltip); drawn for print, each partnership's label states its base
 * ("n = 40") and each cell its count under the share.
 */
import type { HeatmapCellRow } from '../../queries/partnerships.ts';
import type { DrawFor } from './common.ts';
import { count, ofTotal, pct } from './format.ts';
import { heatmapOption, type HeatmapSpec } from './heatmap.ts';
import { plural } from '../../lib/plural.ts';

/**
 * Each partnership's name, told apart when two partnerships share one: ids are what differ (a saved
 * workspace may bring a partnership under an id of its own but a bundled one's name), so the id is added.
 */
export function distinctPartnershipNames(rows: readonly Pick<HeatmapCellRow, 'partnership_id' | 'partnership'>[]): Map<string, string> {
  const names = new Map(rows.map((r) => [r.partnership_id, r.partnership]));
  const ids = new Map<string, number>();
  for (const name of names.values()) ids.set(name, (ids.get(name) ?? 0) + 1);
  return new Map([...names].map(([id, name]) => [id, ids.get(name)! > 1 ? `${name} · ${id}` : name]));
}

/** Partnerships (most tagged reviews first, as the rows come) and themes (by name), as [id, label] pairs. */
export function heatmapAxes(rows: readonly HeatmapCellRow[]) {
  const names = distinctPartnershipNames(rows);
  const partnerships = [...new Map(rows.map((r) => [r.partnership_id, `${names.get(r.partnership_id)} (${r.total})`])).entries()];
  const themes = [...new Map(rows.map((r) => [r.theme_id, r.theme])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return { partnerships, themes };
}

/** The heatmap's rows, columns and cells; `draw.counts` adds each cell's count and each partnership's base. */
export function partnershipHeatmapSpec(rows: readonly HeatmapCellRow[], draw: DrawFor = {}): HeatmapSpec {
  const { partnerships, themes } = heatmapAxes(rows);
  const names = distinctPartnershipNames(rows);
  const yLabel = new Map(rows.map((r) => [r.partnership_id, draw.counts ? `${names.get(r.partnership_id)} (n = ${count(r.total)})` : `${names.get(r.partnership_id)} (${r.total})`]));
  // Cells find their row and column by id: by label, two partnerships of one name and count shared a row,
  // one's cells drawn over the other's, so a cell showed one label for two.
  const row = new Map(partnerships.map(([id], i) => [id, i]));
  const column = new Map(themes.map(([id], i) => [id, i]));
  return {
    xLabels: themes.map(([, t]) => t),
    yLabels: partnerships.map(([id]) => yLabel.get(id)!),
    cells: rows.map((r) => ({
      x: column.get(r.theme_id)!, y: row.get(r.partnership_id)!, value: r.share,
      label: !r.reviews ? '' : draw.counts ? `${pct(r.share)}\n${count(r.reviews)}` : pct(r.share),
      tooltip: `${names.get(r.partnership_id)} · ${r.theme}: ${pct(r.share)} (${ofTotal(r.reviews, r.total)} tagged ${r.total === 1 ? 'review' : 'reviews'})`,
    })),
    xName: '', yName: '', min: 0, max: 1,
    // The scale's text says how to read a printed cell: share on top, count of reviews under it.
    scaleText: draw.counts ? ['0%', '100% of the partnership’s tagged reviews (n); under each share, the count of reviews with the theme'] : ['0%', '100%'],
    // Two lines per printed cell need a line height that fits the row.
    ...(draw.counts ? { labelLineHeight: 12 } : {}),
    description: `Heatmap of the share of each partnership's tagged reviews carrying each theme, ${plural(partnerships.length, 'partnership')} by ${plural(themes.length, 'theme')}.`,
  };
}

/** The heatmap option (exported images); `draw.counts` as for the spec. */
export function partnershipHeatmapOption(rows: readonly HeatmapCellRow[], draw: DrawFor = {}) {
  return heatmapOption(partnershipHeatmapSpec(rows, draw));
}
