import type { BarSeriesOption, EChartsOption } from 'echarts';
import { baseOption, countFormatter, t, topSpace, type ChartOpts, type ChartTable } from './common.js';
import { FIELD_CODES, fieldLabel } from './labels.js';
import { colorAt, decalAt } from './palette.js';

export interface FieldDatum {
  /** Field code; null groups the models whose field is unknown. */
  field: string | null;
  registered: number;
  /** Recognised models in the field; leave out (or null) to draw one series only. */
  recognized?: number | null;
}

/** The four fields in the guidance order, then anything else, then "unknown". */
function ordered(rows: readonly FieldDatum[]): FieldDatum[] {
  const rank = (f: string | null): number => (f === null ? 99 : FIELD_CODES.indexOf(f as never) >= 0 ? FIELD_CODES.indexOf(f as never) : 50);
  return [...rows].sort((a, b) => rank(a.field) - rank(b.field));
}

/** Models by field: registered and recognised side by side; a bar click gives `data.field`. */
export function buildModelsByFieldOption(rows: readonly FieldDatum[], opts: ChartOpts = {}): EChartsOption {
  const lang = opts.lang ?? 'vi';
  const data = ordered(rows);
  const withRecognized = data.some((r) => r.recognized !== undefined && r.recognized !== null);
  const categories = data.map((r) => fieldLabel(r.field, lang, true));
  const series: BarSeriesOption[] = [
    {
      type: 'bar',
      name: t(lang, 'Đăng ký', 'Registered'),
      itemStyle: { color: colorAt(0), ...(opts.decals ? { decal: decalAt(0) } : {}) },
      label: { show: true, position: 'top', formatter: (p) => countFormatter(lang)(p.value) },
      data: data.map((r) => ({ value: r.registered, field: r.field })),
    },
  ];
  if (withRecognized) {
    series.push({
      type: 'bar',
      name: t(lang, 'Được công nhận', 'Recognised'),
      itemStyle: { color: colorAt(3), ...(opts.decals ? { decal: decalAt(3) } : {}) },
      label: { show: true, position: 'top', formatter: (p) => countFormatter(lang)(p.value) },
      data: data.map((r) => ({ value: r.recognized ?? 0, field: r.field })),
    });
  }
  return {
    ...baseOption(opts),
    legend: withRecognized ? { top: topSpace(opts, false), left: 8 } : { show: false },
    grid: { left: 8, right: 16, top: topSpace(opts, withRecognized) + 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: countFormatter(lang),
    },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, fontSize: 13 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: countFormatter(lang) } },
    series,
  };
}

export function modelsByFieldTable(rows: readonly FieldDatum[], lang: ChartOpts['lang'] = 'vi'): ChartTable {
  const data = ordered(rows);
  return {
    columns: [t(lang, 'Lĩnh vực', 'Field'), t(lang, 'Đăng ký', 'Registered'), t(lang, 'Được công nhận', 'Recognised')],
    rows: data.map((r) => [fieldLabel(r.field, lang), r.registered, r.recognized ?? null]),
  };
}
