import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** Renders an option the way the backend export does (SVG, server-side), to prove it draws. */
export function renderSvg(option: EChartsOption, width = 800, height = 450): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
