/**
 * The only ECharts pieces the dashboard uses, registered once, so the bundle
 * carries three chart types and the components they need, not all of ECharts.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, GraphicComponent, AriaComponent, CanvasRenderer]);

export { echarts };
export type ECharts = echarts.ECharts;

let svgReady: Promise<void> | null = null;

/** The SVG renderer is only needed to save a chart as SVG: loaded on first use. */
export function ensureSvgRenderer(): Promise<void> {
  svgReady ??= import('echarts/lib/renderer/installSVGRenderer.js').then((m) => {
    echarts.use(m.install as never);
  });
  return svgReady;
}
