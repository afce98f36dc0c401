/** The one place that registers the tree-shaken ECharts parts the app uses. */
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent,
  TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, HeatmapChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TitleComponent,
  TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption, ECElementEvent } from 'echarts/core';
