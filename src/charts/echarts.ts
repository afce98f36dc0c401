/** The one place that registers the tree-shaken ECharts parts the app uses. */
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
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
]);

export { echarts };
export type { EChartsCoreOption as ChartOption, ECElementEvent } from 'echarts/core';
