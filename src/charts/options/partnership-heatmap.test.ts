/**
 * Every non-empty cell of the partnership heatmap carries its label: in the
 * option (the text its label layer draws at each cell) and as drawn by ECharts
 * (rendered to SVG on the server), on the bundled data with no filters and
 * with each region filter, and when two partnerships share a name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SVGRenderer } from 'echarts/renderers';
import { openBundledDataset } from '../../../tests/support/dataset-db.ts';
import { NO_FILTERS, type Filters } from '../../filters/filters.ts';
import { partnershipThemeSql, type HeatmapCellRow } from '../../queries/partnerships.ts';
import { echarts } from '../echarts.ts';
import { pct } from './format.ts';
import { distinctPartnershipNames, heatmapAxes, partnershipHeatmapOption } from './partnership-heatmap.ts';

echarts.use([SVGRenderer]);

interface LabelLayer { data: [number, number][]; renderItem(p: { dataIndex: number }, api: { coord(v: number[]): number[] }): { style: { text: string } } }
type Option = { series: [unknown, LabelLayer]; xAxis: { data: string[] }; yAxis: { data: string[] } };

/** Each cell the option labels, as "row|column|label". */
function optionCells(rows: readonly HeatmapCellRow[]): string[] {
  const layer = (partnershipHeatmapOption(rows) as unknown as Option).series[1];
  return layer.data.map(([x, y], i) => `${y}|${x}|${layer.renderItem({ dataIndex: i }, { coord: (v) => v }).style.text}`);
}

/** What each non-empty cell should read, as "row|column|label" (rows and columns as the axes order them). */
function expectedCells(rows: readonly HeatmapCellRow[]): string[] {
  const o = partnershipHeatmapOption(rows) as unknown as Option;
  const partnerships = [...new Set(rows.map((r) => r.partnership_id))];
  const themes = [...new Set(rows.map((r) => r.theme))].sort((a, b) => a.localeCompare(b));
  expect(o.yAxis.data).toHaveLength(partnerships.length);
  return rows.filter((r) => r.reviews > 0).map((r) => `${partnerships.indexOf(r.partnership_id)}|${themes.indexOf(r.theme)}|${pct(r.share)}`);
}

/** The percentages ECharts draws for the option at a desktop size (the colour scale's two ends left out). */
function drawnLabels(rows: readonly HeatmapCellRow[]): string[] {
  const chart = echarts.init(null as unknown as HTMLElement, undefined, { renderer: 'svg', ssr: true, width: 1300, height: 40 * 15 + 200 });
  try {
    chart.setOption(partnershipHeatmapOption(rows));
    const texts = [...chart.renderToSVGString().matchAll(/<text[^>]*>(\d+%)<\/text>/g)].map((m) => m[1]!);
    for (const end of ['0%', '100%']) texts.splice(texts.indexOf(end), 1);
    return texts.sort();
  } finally {
    chart.dispose();
  }
}

describe('partnership heatmap: every non-empty cell has a label', () => {
  let db: Awaited<ReturnType<typeof openBundledDataset>>;
  let filterSets: [string, Filters][] = [];
  beforeAll(async () => {
    db = await openBundledDataset();
    const regions = await db.query<{ region: string }>('SELECT DISTINCT region FROM partnerships WHERE region IS NOT NULL ORDER BY 1');
    filterSets = [['no filters', NO_FILTERS], ...regions.map((r): [string, Filters] => [r.region, { ...NO_FILTERS, regions: [r.region] }])];
  }, 60_000);
  afterAll(() => db?.close());

  it('on the bundled data, with no filters and with each region filter', async () => {
    expect(filterSets.length).toBeGreaterThan(5);
    for (const [name, f] of filterSets) {
      const rows = await db.query<HeatmapCellRow>(partnershipThemeSql(f));
      const labelled = optionCells(rows).filter((c) => !c.endsWith('|')).sort();
      expect(labelled, name).toEqual(expectedCells(rows).sort());
      expect(drawnLabels(rows), name).toEqual(rows.filter((r) => r.reviews > 0).map((r) => pct(r.share)).sort());
    }
  }, 120_000);

  it('when two partnerships share a name and a count of tagged reviews, each keeps its own row of labels', () => {
    const cell = (partnership_id: string, theme_id: string, reviews: number): HeatmapCellRow => ({
      partnership_id, partnership: 'Northshire', theme_id, theme: theme_id, reviews, total: 4, share: reviews / 4,
    });
    const rows = [cell('northshire-a', 'neglect', 1), cell('northshire-a', 'online', 0), cell('northshire-b', 'neglect', 0), cell('northshire-b', 'online', 3)];
    expect(optionCells(rows).filter((c) => !c.endsWith('|')).sort()).toEqual(expectedCells(rows).sort());
    expect(drawnLabels(rows)).toEqual(['25%', '75%']);
    // And the two rows' labels tell them apart.
    expect((partnershipHeatmapOption(rows) as unknown as Option).yAxis.data).toEqual(['Northshire · northshire-a (4)', 'Northshire · northshire-b (4)']);
    expect(heatmapAxes(rows).partnerships).toEqual([['northshire-a', 'Northshire · northshire-a (4)'], ['northshire-b', 'Northshire · northshire-b (4)']]);
  });

  it('leaves a name only one partnership has as it is', () => {
    expect(distinctPartnershipNames([{ partnership_id: 'somerset', partnership: 'Somerset' }, { partnership_id: 'dorset', partnership: 'Dorset' }]))
      .toEqual(new Map([['somerset', 'Somerset'], ['dorset', 'Dorset']]));
  });
});
