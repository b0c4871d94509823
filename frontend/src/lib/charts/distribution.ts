import type { EChartsOption } from 'echarts';
import { formatCount, formatPercent } from './format.js';
import { baseOption, t, topSpace, type ChartOpts, type ChartTable } from './common.js';
import { FIELD_CODES, LEVEL_CODES, OWNER_TYPE_CODES, STATUS_CODES, fieldLabel, levelLabel, ownerTypeLabel, statusLabel, type Lang } from './labels.js';
import { colorAt, decalAt } from './palette.js';

export type DistributionKind = 'status' | 'owner_type' | 'field' | 'level';

export interface SliceDatum {
  /** Code (new, collective, economy, commune…) or null for "unknown". */
  key: string | null;
  count: number;
}

export interface DistributionOpts extends ChartOpts {
  kind: DistributionKind;
}

const ORDER: Record<DistributionKind, readonly string[]> = {
  status: STATUS_CODES,
  owner_type: OWNER_TYPE_CODES,
  field: FIELD_CODES,
  level: LEVEL_CODES,
};

export function sliceLabel(kind: DistributionKind, key: string | null, lang: Lang): string {
  if (kind === 'status') return statusLabel(key, lang);
  if (kind === 'owner_type') return ownerTypeLabel(key, lang);
  if (kind === 'level') return levelLabel(key, lang);
  return fieldLabel(key, lang);
}

function ordered(kind: DistributionKind, slices: readonly SliceDatum[]): SliceDatum[] {
  const order = ORDER[kind];
  const rank = (k: string | null): number => (k === null ? 99 : order.indexOf(k) >= 0 ? order.indexOf(k) : 50);
  return slices.filter((s) => s.count > 0).sort((a, b) => rank(a.key) - rank(b.key));
}

/** A ring of shares (status new/continued/replicated, or collective/individual…); a click gives `data.key`. */
export function buildDistributionOption(slices: readonly SliceDatum[], opts: DistributionOpts): EChartsOption {
  const lang = opts.lang ?? 'vi';
  const data = ordered(opts.kind, slices);
  const total = data.reduce((s, d) => s + d.count, 0);
  // Colour by the code's place in its fixed order, so "Mới" has the same colour in every chart.
  const slot = (key: string | null): number => {
    const i = ORDER[opts.kind].indexOf(key ?? '');
    return i >= 0 ? i : ORDER[opts.kind].length;
  };
  const top = topSpace(opts, false);
  return {
    ...baseOption(opts),
    legend: { bottom: 0, left: 'center' },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = p as { name: string; value: number; percent: number };
        return `${d.name}: ${formatCount(d.value, lang)} (${formatPercent(d.percent / 100, lang)})`;
      },
    },
    series: [
      {
        type: 'pie',
        name: t(lang, 'Cơ cấu', 'Breakdown'),
        radius: ['38%', '66%'],
        center: ['50%', top > 8 ? '55%' : '48%'],
        avoidLabelOverlap: true,
        label: {
          formatter: (p) => `${p.name}\n${formatCount(p.value as number, lang)} (${formatPercent((p.percent ?? 0) / 100, lang)})`,
          fontSize: 13,
        },
        data: data.map((d) => ({
          name: sliceLabel(opts.kind, d.key, lang),
          value: d.count,
          key: d.key,
          itemStyle: { color: colorAt(slot(d.key)), borderColor: '#fff', borderWidth: 2, ...(opts.decals ? { decal: decalAt(slot(d.key)) } : {}) },
        })),
      },
    ],
    ...(total === 0 ? { title: { text: t(lang, 'Chưa có số liệu', 'No data yet'), left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#4a5263' } } } : {}),
  };
}

export function distributionTable(slices: readonly SliceDatum[], kind: DistributionKind, lang: Lang = 'vi'): ChartTable {
  const data = ordered(kind, slices);
  const total = data.reduce((s, d) => s + d.count, 0);
  return {
    columns: [t(lang, 'Nhóm', 'Group'), t(lang, 'Số mô hình', 'Models'), t(lang, 'Tỷ lệ (%)', 'Share (%)')],
    rows: data.map((d) => [sliceLabel(kind, d.key, lang), d.count, total ? Math.round((d.count / total) * 1000) / 10 : null]),
  };
}
