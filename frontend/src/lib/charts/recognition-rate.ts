import type { EChartsOption } from 'echarts';
import { formatCount, formatPercent } from './format.js';
import { baseOption, percentFormatter, rateOf, t, topSpace, type ChartOpts, type ChartTable } from './common.js';
import { colorAt, decalAt } from './palette.js';

export interface UnitRateDatum {
  unitId: number | string;
  unitName: string;
  registered: number;
  recognized: number;
}

export interface RecognitionRateOpts extends ChartOpts {
  /** The plan's share to reach (0.5 for "≥ 50 %" in seed 003); drawn as a line. */
  target?: number | null;
  /** Highest first (default); false keeps the given order. */
  sort?: boolean;
}

interface RateRow extends UnitRateDatum {
  rate: number | null;
}

function rowsOf(rows: readonly UnitRateDatum[], sort: boolean): RateRow[] {
  const out = rows.map((r) => ({ ...r, rate: rateOf(r.recognized, r.registered) }));
  if (sort) out.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.unitName.localeCompare(b.unitName, 'vi', { numeric: true }));
  return out;
}

/**
 * Recognition rate (recognised ÷ registered) per child unit, horizontal bars so
 * long Vietnamese unit names stay readable; a bar click gives `data.unitId`.
 * Units that registered nothing show no bar and "—", never a false 0 %.
 */
export function buildRecognitionRateOption(rows: readonly UnitRateDatum[], opts: RecognitionRateOpts = {}): EChartsOption {
  const lang = opts.lang ?? 'vi';
  // ECharts draws horizontal categories bottom-up; reverse so the first row is on top.
  const data = rowsOf(rows, opts.sort ?? true).reverse();
  const target = opts.target ?? null;
  const below = (r: RateRow): boolean => target !== null && r.rate !== null && r.rate < target;
  return {
    ...baseOption(opts),
    grid: { left: 8, right: 56, top: topSpace(opts, false) + 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = (p as { data?: RateRow & { value: number | null } }).data;
        if (!d) return '';
        const counts = t(lang, `${formatCount(d.recognized, lang)}/${formatCount(d.registered, lang)} mô hình được công nhận`, `${formatCount(d.recognized, lang)}/${formatCount(d.registered, lang)} models recognised`);
        return `<b>${escapeHtml(d.unitName)}</b><br/>${counts} (${formatPercent(d.rate, lang)})`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: percentFormatter(lang) },
    },
    yAxis: {
      type: 'category',
      data: data.map((r) => r.unitName),
      axisLabel: { width: 220, overflow: 'truncate', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        name: t(lang, 'Tỷ lệ công nhận', 'Recognition rate'),
        barMaxWidth: 28,
        label: {
          show: true,
          position: 'right',
          formatter: (p) => formatPercent((p.data as RateRow).rate, lang),
        },
        data: data.map((r) => ({
          ...r,
          value: r.rate,
          // Below target: the red with a hatch, so "not met" survives grey print.
          itemStyle: below(r)
            ? { color: colorAt(1), ...(opts.decals ? { decal: decalAt(1) } : {}) }
            : { color: colorAt(0) },
        })),
        ...(target !== null
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#1d2330', type: 'dashed', width: 1.5 },
                label: { formatter: t(lang, `Chỉ tiêu ${formatPercent(target, lang)}`, `Target ${formatPercent(target, lang)}`), position: 'end' },
                data: [{ xAxis: target }],
              },
            }
          : {}),
      },
    ],
  };
}

export function recognitionRateTable(rows: readonly UnitRateDatum[], lang: ChartOpts['lang'] = 'vi'): ChartTable {
  return {
    columns: [t(lang, 'Đơn vị', 'Unit'), t(lang, 'Đăng ký', 'Registered'), t(lang, 'Được công nhận', 'Recognised'), t(lang, 'Tỷ lệ (%)', 'Rate (%)')],
    rows: rowsOf(rows, true).map((r) => [r.unitName, r.registered, r.recognized, r.rate === null ? null : Math.round(r.rate * 1000) / 10]),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
