import type { BarSeriesOption, EChartsOption } from 'echarts';
import { baseOption, countFormatter, t, topSpace, type ChartOpts, type ChartTable } from './common.js';
import { colorAt, decalAt } from './palette.js';

export interface QuotaRuleDatum {
  /** The rule as the plan words it ("Mỗi xã ít nhất 05 mô hình"). */
  rule: string;
  /** Child units that meet it, do not, and cannot be judged yet (no data). */
  met: number;
  notMet: number;
  noData: number;
}

/** Keeps a long rule readable on the axis; the tooltip and the table keep it whole. */
const shorten = (s: string, max = 56): string => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/**
 * How many child units meet each quota of the year's plans: one horizontal
 * stacked bar per rule (met / not met / no data), rules in the plan's order
 * from the top. "Not met" is the red with a hatch, so it survives grey print.
 */
export function buildQuotaFulfilmentOption(rows: readonly QuotaRuleDatum[], opts: ChartOpts = {}): EChartsOption {
  const lang = opts.lang ?? 'vi';
  // ECharts draws horizontal categories bottom-up; reverse so the first rule is on top.
  const data = [...rows].reverse();
  const bar = (name: string, slot: number, pick: (r: QuotaRuleDatum) => number, hatch: boolean): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'units',
    barMaxWidth: 28,
    itemStyle: { color: colorAt(slot), borderColor: '#fff', borderWidth: 1, ...(opts.decals && hatch ? { decal: decalAt(slot) } : {}) },
    label: { show: true, formatter: (p) => (typeof p.value === 'number' && p.value > 0 ? countFormatter(lang)(p.value) : '') },
    data: data.map((r) => ({ value: pick(r), rule: r.rule })),
  });
  return {
    ...baseOption(opts),
    legend: { top: topSpace(opts, false), left: 8 },
    grid: { left: 8, right: 24, top: topSpace(opts, true) + 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: countFormatter(lang) },
    // The unit of the bars (child units) goes in the title; an axis name would be cut at the right edge.
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: countFormatter(lang) } },
    yAxis: { type: 'category', data: data.map((r) => shorten(r.rule)), axisLabel: { width: 380, overflow: 'truncate', fontSize: 12 } },
    series: [
      bar(t(lang, 'Đạt', 'Met'), 2, (r) => r.met, false),
      bar(t(lang, 'Chưa đạt', 'Not met'), 1, (r) => r.notMet, true),
      bar(t(lang, 'Chưa đủ dữ liệu', 'No data'), 4, (r) => r.noData, false),
    ],
  };
}

export function quotaFulfilmentTable(rows: readonly QuotaRuleDatum[], lang: ChartOpts['lang'] = 'vi'): ChartTable {
  return {
    columns: [t(lang, 'Chỉ tiêu', 'Quota'), t(lang, 'Đạt', 'Met'), t(lang, 'Chưa đạt', 'Not met'), t(lang, 'Chưa đủ dữ liệu', 'No data')],
    rows: rows.map((r) => [r.rule, r.met, r.notMet, r.noData]),
  };
}
