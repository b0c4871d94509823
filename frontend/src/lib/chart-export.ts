/**
 * Saving a chart: PNG through an off-screen canvas chart, SVG through the
 * server-side renderer run in the browser (the same path the backend's export
 * takes), data through a lazily loaded XLSX writer.
 */
import type { EChartsOption } from 'echarts';
import type { ChartTable } from './charts';
import { dataUrlToBlob, safeFileName, saveBlob } from './download';
import { echarts, ensureSvgRenderer } from './echarts';

export interface ExportSize {
  width: number;
  height: number;
}

export function renderPng(option: EChartsOption, size: ExportSize): Blob {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(host);
  const chart = echarts.init(host, null, { renderer: 'canvas', width: size.width, height: size.height, devicePixelRatio: 2 });
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    return dataUrlToBlob(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
  } finally {
    chart.dispose();
    host.remove();
  }
}

export async function renderSvg(option: EChartsOption, size: ExportSize): Promise<Blob> {
  await ensureSvgRenderer();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#fff' }, { notMerge: true });
    return new Blob([chart.renderToSVGString()], { type: 'image/svg+xml' });
  } finally {
    chart.dispose();
  }
}

export async function saveChart(format: 'png' | 'svg', option: EChartsOption, size: ExportSize, name: string): Promise<void> {
  const blob = format === 'png' ? renderPng(option, size) : await renderSvg(option, size);
  saveBlob(blob, `${safeFileName(name)}.${format}`);
}

export async function saveTable(table: ChartTable, name: string): Promise<void> {
  const { tableToXlsx } = await import('./xlsx');
  saveBlob(await tableToXlsx(table, name), `${safeFileName(name)}.xlsx`);
}
