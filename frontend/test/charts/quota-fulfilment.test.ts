// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts';
import { buildQuotaFulfilmentOption, quotaFulfilmentTable } from '../../src/lib/charts/index';
import { renderSvg } from './ssr';

const rows = [
  { rule: 'Mỗi xã có ít nhất 05 mô hình “Dân vận khéo” ở cấp cơ sở trở lên, gắn với nhiệm vụ chính trị', met: 7, notMet: 2, noData: 1 },
  { rule: 'Công nhận từ 50% số mô hình đăng ký', met: 4, notMet: 5, noData: 1 },
];

describe('buildQuotaFulfilmentOption', () => {
  it('stacks met, not met and no data per rule, the first rule on top, not met hatched for print', () => {
    const option = buildQuotaFulfilmentOption(rows, { decals: true, animation: false });
    const series = option.series as BarSeriesOption[];
    expect(series.map((s) => s.name)).toEqual(['Đạt', 'Chưa đạt', 'Chưa đủ dữ liệu']);
    expect(series.every((s) => s.stack === 'units')).toBe(true);
    expect((series[1]!.data as { value: number }[]).map((d) => d.value)).toEqual([5, 2]);
    expect((option.yAxis as { data: string[] }).data[1]).toBe('Mỗi xã có ít nhất 05 mô hình “Dân vận khéo” ở cấp cơ sở…');
    expect(series[1]!.itemStyle?.decal).toBeDefined();
    expect(series[0]!.itemStyle?.decal).toBeUndefined();
  });

  it('speaks English on request, keeps whole rules in the table, and draws server-side', () => {
    const en = buildQuotaFulfilmentOption(rows, { lang: 'en' });
    expect((en.series as BarSeriesOption[]).map((s) => s.name)).toEqual(['Met', 'Not met', 'No data']);
    expect(quotaFulfilmentTable(rows).rows[0]).toEqual([rows[0]!.rule, 7, 2, 1]);
    const svg = renderSvg(buildQuotaFulfilmentOption(rows, { title: 'Số đơn vị đạt từng chỉ tiêu', animation: false }));
    expect(svg).toContain('Số đơn vị đạt từng chỉ tiêu');
    expect(svg).toContain('Chưa đạt');
  });
});
