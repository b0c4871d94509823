import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import {
  buildDistributionOption,
  buildModelsByFieldOption,
  buildQuotaFulfilmentOption,
  buildRecognitionRateOption,
  buildTrendOption,
  type ChartOpts,
} from '@dvk/frontend/charts';
import type { ExportData } from '../export-data.js';
import { FIELDS, LEVELS } from '../export-data.js';

/**
 * Charts for the pack, drawn from the dashboard's own option builders
 * (@dvk/frontend/charts), rendered on the server: ECharts SSR to SVG, then
 * resvg to PNG at projector resolution with the font shipped in the repo.
 */

export interface ChartSpec {
  /** File name without extension ("01-mo-hinh-theo-linh-vuc"). */
  slug: string;
  /** Vietnamese title, also the slide title and the DOCX caption. */
  title: string;
  option: EChartsOption;
  /** Logical height when the chart needs more than CHART_HEIGHT (one bar per unit). */
  height?: number;
}

export interface RenderedChart extends ChartSpec {
  svg: string;
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

/** Logical chart size; the PNG is this scaled by PNG_SCALE (1920 × 1080). */
export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;
export const PNG_SCALE = 2;

/** The shipped fonts (DejaVu Sans, regular and bold), found from src/ or dist/. */
export function fontFiles(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../../assets/fonts', '../../assets/fonts', '../../../../backend/assets/fonts']) {
    const dir = path.resolve(here, up);
    const regular = path.join(dir, 'DejaVuSans.ttf');
    if (existsSync(regular)) return [regular, path.join(dir, 'DejaVuSans-Bold.ttf')];
  }
  throw new Error('Không tìm thấy phông chữ DejaVu Sans trong backend/assets/fonts');
}

const FONT_FAMILY = 'DejaVu Sans';

/** The charts of one pack, in the order they are shown. */
export function chartSpecs(data: ExportData): ChartSpec[] {
  const year = data.meta.year;
  const opts = (title: string): ChartOpts => ({
    lang: 'vi',
    title,
    subtitle: data.meta.unitName,
    animation: false,
    decals: true,
  });
  const specs: ChartSpec[] = [];
  const add = (slug: string, title: string, option: EChartsOption, height?: number): void => {
    specs.push({ slug: `${String(specs.length + 1).padStart(2, '0')}-${slug}`, title, option, ...(height ? { height } : {}) });
  };

  const fieldTitle = `Mô hình “Dân vận khéo” năm ${year} theo lĩnh vực`;
  add('mo-hinh-theo-linh-vuc', fieldTitle, buildModelsByFieldOption(
    [
      ...FIELDS.map((field) => ({ field, registered: data.overview.byField[field], recognized: data.overview.recognizedByField?.[field] ?? null })),
      ...(data.overview.fieldUnknown > 0
        ? [{ field: null, registered: data.overview.fieldUnknown, recognized: data.overview.recognizedByField ? data.overview.recognizedFieldUnknown : null }]
        : []),
    ],
    opts(fieldTitle),
  ));

  const statusTitle = `Cơ cấu mô hình đăng ký năm ${year}: mới, duy trì, nhân rộng`;
  add('co-cau-hinh-thuc', statusTitle, buildDistributionOption(
    data.overview.statusSlices
      ?? [...Object.entries(data.overview.byStatus).map(([key, count]) => ({ key, count })), { key: null, count: data.overview.statusUnknown }],
    { ...opts(statusTitle), kind: 'status' },
  ));

  // As on the dashboard: units that registered nothing have no rate; past 30 units, the 30 lowest rates, said in the subtitle.
  const rated = data.units.filter((u) => u.unitId !== data.meta.unitId && u.registered > 0);
  if (rated.length > 0) {
    const rows = rated.length <= RATE_LIMIT ? rated : [...rated].sort((a, b) => a.recognized / a.registered - b.recognized / b.registered).slice(0, RATE_LIMIT);
    const rateTitle = `Tỷ lệ mô hình được công nhận theo đơn vị năm ${year}`;
    const note = rated.length > RATE_LIMIT ? ` — ${RATE_LIMIT} đơn vị có tỷ lệ thấp nhất trong ${rated.length}; đủ cả trong bảng tổng hợp` : '';
    add('ty-le-cong-nhan-theo-don-vi', rateTitle, buildRecognitionRateOption(
      rows.map((u) => ({ unitId: u.unitId, unitName: u.unitName, registered: u.registered, recognized: u.recognized })),
      { ...opts(rateTitle), subtitle: `${data.meta.unitName}${note}`, target: data.recognitionTarget },
    ), unitsHeight(rows.length));
  }

  if (data.quotas.length > 0) {
    const quotaTitle = `Số đơn vị đạt từng chỉ tiêu năm ${year}`;
    add('thuc-hien-chi-tieu', quotaTitle, buildQuotaFulfilmentOption(quotaRules(data), opts(quotaTitle)));
  }

  const levelTitle = `Mô hình được công nhận năm ${year} theo cấp công nhận`;
  add('cap-cong-nhan', levelTitle, buildDistributionOption(
    LEVELS.map((key) => ({ key, count: data.overview.recognized[key] })),
    { ...opts(levelTitle), kind: 'level' },
  ));

  const exemplarTitle = `Điển hình “Dân vận khéo” năm ${year}: tập thể và cá nhân`;
  add('dien-hinh', exemplarTitle, buildDistributionOption(
    Object.entries(data.overview.exemplars).map(([key, count]) => ({ key, count })),
    { ...opts(exemplarTitle), kind: 'owner_type' },
  ));

  if (data.trend.length > 1) {
    const first = data.trend[0]!.year;
    const trendTitle = `Kết quả phong trào “Dân vận khéo” ${first} - ${year}`;
    add('xu-huong-qua-cac-nam', trendTitle, buildTrendOption(data.trend, opts(trendTitle)));
  }
  return specs;
}

/** The dashboard's limit for the rate chart. */
export const RATE_LIMIT = 30;

/** One readable bar per unit: 22 logical px each beyond what 540 px holds (30 units: 780 px). */
export const unitsHeight = (units: number): number | undefined => (units > 18 ? 120 + 22 * units : undefined);

/** Units meeting / not meeting / not judged, per rule, in the order the rules first appear. */
function quotaRules(data: ExportData): { rule: string; met: number; notMet: number; noData: number }[] {
  const byRule = new Map<string, { rule: string; met: number; notMet: number; noData: number }>();
  for (const q of data.quotas) {
    const row = byRule.get(q.rule) ?? { rule: q.rule, met: 0, notMet: 0, noData: 0 };
    if (q.met === true) row.met++;
    else if (q.met === false) row.notMet++;
    else row.noData++;
    byRule.set(q.rule, row);
  }
  return [...byRule.values()];
}

/** One chart to SVG with ECharts' server-side renderer, at the logical size. */
export function renderSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: spec.height ?? CHART_HEIGHT });
  try {
    chart.setOption({ ...spec.option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** resvg options: 1920 px wide, white, only the shipped font (no system fonts: the same picture on every machine). */
function pngOptions(fonts: string[]): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: CHART_WIDTH * PNG_SCALE },
    background: '#ffffff',
    font: {
      fontFiles: fonts,
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
    },
  };
}

/** One chart to SVG (ECharts server-side rendering) and PNG (resvg, 1920 px wide). */
export function renderChart(spec: ChartSpec, fonts: string[] = fontFiles()): RenderedChart {
  const svg = renderSvg(spec);
  const image = new Resvg(svg, pngOptions(fonts)).render();
  return { ...spec, svg, png: image.asPng(), width: image.width, height: image.height };
}

export function renderCharts(data: ExportData): RenderedChart[] {
  const fonts = fontFiles();
  return chartSpecs(data).map((spec) => renderChart(spec, fonts));
}

/**
 * The same charts, rasterised on libuv's thread pool (resvg's renderAsync):
 * the caller starts this, writes its spreadsheets meanwhile, then awaits.
 */
export function renderChartsAsync(data: ExportData): Promise<RenderedChart[]> {
  const options = pngOptions(fontFiles());
  return Promise.all(chartSpecs(data).map(async (spec) => {
    const svg = renderSvg(spec);
    const image = await renderAsync(svg, options);
    return { ...spec, svg, png: image.asPng(), width: image.width, height: image.height };
  }));
}
