import type { EChartsOption } from 'echarts';
import { baseOption, countFormatter, t, topSpace, type ChartOpts, type ChartTable } from './common.js';
import { colorAt, decalAt } from './palette.js';

export interface TrendDatum {
  year: number;
  registered: number;
  recognized: number;
  exemplars?: number | null;
  /** True when the year's figures include predecessor units rolled up into today's unit. */
  rolledUp?: boolean;
}

export interface TrendOpts extends ChartOpts {
  /** Year of the 2025 reorganisation, marked on the axis; null for no mark. */
  mergerYear?: number | null;
}

/**
 * Registered models (bars), recognised models and exemplars (lines) across
 * years. Years before the 2025 merger show the predecessors' figures rolled up
 * to today's unit, and the chart says so.
 */
export function buildTrendOption(points: readonly TrendDatum[], opts: TrendOpts = {}): EChartsOption {
  const lang = opts.lang ?? 'vi';
  const data = [...points].sort((a, b) => a.year - b.year);
  const years = data.map((p) => String(p.year));
  const mergerYear = opts.mergerYear === undefined ? 2025 : opts.mergerYear;
  const hasExemplars = data.some((p) => p.exemplars !== undefined && p.exemplars !== null);
  const anyRolledUp = data.some((p) => p.rolledUp);
  const note = anyRolledUp
    ? t(lang, '* Số liệu trước sáp nhập 2025 đã cộng dồn vào đơn vị hiện nay', '* Figures before the 2025 merger are rolled up to today’s unit')
    : '';
  const yearLabel = (y: string): string => (data.find((p) => String(p.year) === y)?.rolledUp ? `${y}*` : y);
  const showMerger = mergerYear !== null && years.includes(String(mergerYear));
  return {
    ...baseOption(opts),
    legend: { top: topSpace(opts, false), left: 8 },
    grid: { left: 8, right: 24, top: topSpace(opts, true) + 16, bottom: note ? 36 : 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: countFormatter(lang) },
    ...(note ? { graphic: [{ type: 'text', left: 8, bottom: 6, style: { text: note, fontSize: 12, fill: '#4a5263' } }] } : {}),
    xAxis: { type: 'category', data: years, axisLabel: { formatter: yearLabel, fontSize: 13 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: countFormatter(lang) } },
    series: [
      {
        type: 'bar',
        name: t(lang, 'Đăng ký', 'Registered'),
        barMaxWidth: 48,
        itemStyle: { color: colorAt(4), borderColor: colorAt(0), borderWidth: 1, ...(opts.decals ? { decal: decalAt(4) } : {}) },
        data: data.map((p) => ({ value: p.registered, year: p.year })),
        ...(showMerger
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#4a5263', type: 'dashed' },
                label: { formatter: t(lang, 'Sáp nhập 07/2025', 'Merger 07/2025'), position: 'insideEndTop' },
                data: [{ xAxis: String(mergerYear) }],
              },
            }
          : {}),
      },
      {
        type: 'line',
        name: t(lang, 'Được công nhận', 'Recognised'),
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 3, color: colorAt(0) },
        itemStyle: { color: colorAt(0) },
        label: { show: true, position: 'top', formatter: (p) => countFormatter(lang)(p.value) },
        data: data.map((p) => ({ value: p.recognized, year: p.year })),
      },
      ...(hasExemplars
        ? [
            {
              type: 'line' as const,
              name: t(lang, 'Điển hình', 'Exemplars'),
              symbol: 'rect',
              symbolSize: 9,
              lineStyle: { width: 2, type: 'dashed' as const, color: colorAt(1) },
              itemStyle: { color: colorAt(1) },
              data: data.map((p) => ({ value: p.exemplars ?? null, year: p.year })),
            },
          ]
        : []),
    ],
  };
}

export function trendTable(points: readonly TrendDatum[], lang: ChartOpts['lang'] = 'vi'): ChartTable {
  return {
    columns: [t(lang, 'Năm', 'Year'), t(lang, 'Đăng ký', 'Registered'), t(lang, 'Được công nhận', 'Recognised'), t(lang, 'Điển hình', 'Exemplars'), t(lang, 'Cộng dồn trước sáp nhập', 'Rolled up')],
    rows: [...points].sort((a, b) => a.year - b.year).map((p) => [p.year, p.registered, p.recognized, p.exemplars ?? null, p.rolledUp ? t(lang, 'Có', 'Yes') : '']),
  };
}
