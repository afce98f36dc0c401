/** The one place that registers the tree-shaken ECharts parts the app uses. */
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent,
  TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, HeatmapChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TitleComponent,
  TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer,
  // Series `labelLayout` (top themes: a bar's label moved past its national reference diamond) needs it.
  LabelLayout,
  // Heatmap cell labels as plain text (heatmap.ts).
  CustomChart,
]);

/**
 * ECharts 6 marks every heatmap cell "incremental" even when the series is drawn in one pass (its HeatmapView
 * defaults the flag on), and zrender paints incremental elements on a canvas layer of their own, with what
 * is drawn after them (the cell labels, the scale) on a third: three full-size canvases cleared, painted and
 * composited on every redraw, and the cells painted 15 ms at a time across frames. Our heatmaps (at most a
 * few thousand cells, never drawn progressively: see heatmap.ts) go on the one canvas.
 */
echarts.registerPostUpdate((ecModel, api) => {
  if (!ecModel.getSeriesByType('heatmap').length) return;
  api.getZr().storage.traverse((el) => {
    if ((el as { incremental?: number }).incremental) (el as { incremental?: number }).incremental = 0;
  });
});

export { echarts };
export type { EChartsCoreOption as ChartOption, ECElementEvent } from 'echarts/core';
