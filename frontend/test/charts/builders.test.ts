// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts';
import {
  PALETTE,
  buildDistributionOption,
  buildModelsByFieldOption,
  buildRecognitionRateOption,
  buildTrendOption,
  distributionTable,
  formatCount,
  formatPercent,
  greyOf,
  modelsByFieldTable,
  recognitionRateTable,
  trendTable,
} from '../../src/lib/charts/index';
import { renderSvg } from './ssr';

const seriesOf = <T>(option: { series?: unknown }): T[] => option.series as T[];

describe('palette', () => {
  it('keeps neighbouring colours apart in grey print', () => {
    const greys = PALETTE.slice(0, 5).map(greyOf).sort((a, b) => a - b);
    for (let i = 1; i < greys.length; i++) expect(greys[i]! - greys[i - 1]!).toBeGreaterThanOrEqual(30);
  });
});

describe('format', () => {
  it('writes vi-VN numbers and percentages', () => {
    expect(formatCount(12345)).toBe('12.345');
    expect(formatPercent(0.5833)).toMatch(/^58,3\s?%$/);
    expect(formatPercent(null)).toBe('—');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});

describe('buildModelsByFieldOption', () => {
  const rows = [
    { field: 'political_system', registered: 4, recognized: 1 },
    { field: 'economy', registered: 1234, recognized: 7 },
    { field: null, registered: 2, recognized: 0 },
    { field: 'culture_society', registered: 3, recognized: 2 },
  ];

  it('orders fields as the guidance does, unknown last, and keeps the code on each bar', () => {
    const option = buildModelsByFieldOption(rows);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Kinh tế', 'VH - XH', 'XD HTCT', 'Chưa rõ']);
    const [registered, recognized] = seriesOf<BarSeriesOption>(option);
    expect(registered!.name).toBe('Đăng ký');
    expect(registered!.data).toEqual([
      { value: 1234, field: 'economy' },
      { value: 3, field: 'culture_society' },
      { value: 4, field: 'political_system' },
      { value: 2, field: null },
    ]);
    expect(recognized!.name).toBe('Được công nhận');
  });

  it('draws one series when no recognition figures are given', () => {
    const option = buildModelsByFieldOption([{ field: 'economy', registered: 5 }]);
    expect(seriesOf(option)).toHaveLength(1);
  });

  it('renders server-side to SVG with Vietnamese labels and vi-VN numbers', () => {
    const svg = renderSvg(buildModelsByFieldOption(rows, { title: 'Mô hình theo lĩnh vực', animation: false, decals: true }));
    expect(svg).toContain('Mô hình theo lĩnh vực');
    expect(svg).toContain('Kinh tế');
    expect(svg).toContain('1.234');
  });

  it('speaks English when asked', () => {
    const option = buildModelsByFieldOption(rows, { lang: 'en' });
    expect((option.xAxis as { data: string[] }).data[0]).toBe('Economy');
  });

  it('gives the same numbers as a table', () => {
    expect(modelsByFieldTable(rows).rows[0]).toEqual(['Kinh tế', 1234, 7]);
  });
});

describe('buildRecognitionRateOption', () => {
  const rows = [
    { unitId: 1, unitName: 'Xã Đông La', registered: 12, recognized: 7 },
    { unitId: 2, unitName: 'Xã Hòa Bình', registered: 10, recognized: 3 },
    { unitId: 3, unitName: 'Thị trấn Kim Sơn', registered: 0, recognized: 0 },
  ];

  it('puts the best rate on top, keeps unit ids for drill-down and never invents 0 % for no data', () => {
    const option = buildRecognitionRateOption(rows, { target: 0.5 });
    // Categories run bottom-up in a horizontal bar chart.
    expect((option.yAxis as { data: string[] }).data).toEqual(['Thị trấn Kim Sơn', 'Xã Hòa Bình', 'Xã Đông La']);
    const [bar] = seriesOf<BarSeriesOption>(option);
    const data = bar!.data as { unitId: number; value: number | null; itemStyle: { color: string } }[];
    expect(data.map((d) => d.unitId)).toEqual([3, 2, 1]);
    expect(data[0]!.value).toBeNull();
    expect(data[2]!.value).toBeCloseTo(7 / 12);
    // Below the 50 % target is drawn in the second palette colour.
    expect(data[1]!.itemStyle.color).toBe(PALETTE[1]);
    expect(data[2]!.itemStyle.color).toBe(PALETTE[0]);
    expect(bar!.markLine).toBeDefined();
  });

  it('renders to SVG with percentages written the Vietnamese way', () => {
    const svg = renderSvg(buildRecognitionRateOption(rows, { target: 0.5, animation: false }));
    expect(svg).toContain('Xã Đông La');
    expect(svg).toMatch(/58,3\s?%/);
    expect(svg).toMatch(/Chỉ tiêu 50\s?%/);
  });

  it('tables the rate in percent with one decimal', () => {
    expect(recognitionRateTable(rows).rows).toEqual([
      ['Xã Đông La', 12, 7, 58.3],
      ['Xã Hòa Bình', 10, 3, 30],
      ['Thị trấn Kim Sơn', 0, 0, null],
    ]);
  });
});

describe('buildTrendOption', () => {
  const points = [
    { year: 2026, registered: 20, recognized: 9, exemplars: 7 },
    { year: 2023, registered: 15, recognized: 5, exemplars: 3, rolledUp: true },
    { year: 2025, registered: 18, recognized: 8, exemplars: 6 },
    { year: 2024, registered: 16, recognized: 6, exemplars: 4, rolledUp: true },
  ];

  it('sorts years, marks rolled-up years and the 2025 merger', () => {
    const option = buildTrendOption(points);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2023', '2024', '2025', '2026']);
    const [bars, recognized, exemplars] = seriesOf<BarSeriesOption | LineSeriesOption>(option);
    expect((bars as BarSeriesOption).markLine?.data).toEqual([{ xAxis: '2025' }]);
    expect((recognized!.data as { value: number }[]).map((d) => d.value)).toEqual([5, 6, 8, 9]);
    expect(exemplars!.type).toBe('line');
    const svg = renderSvg({ ...option, animation: false });
    expect(svg).toContain('2023*');
    expect(svg).toContain('cộng dồn');
    expect(svg).toContain('Sáp nhập 07/2025');
  });

  it('leaves the merger mark out when asked or when 2025 is not shown', () => {
    expect((seriesOf<BarSeriesOption>(buildTrendOption(points, { mergerYear: null }))[0]!).markLine).toBeUndefined();
    expect((seriesOf<BarSeriesOption>(buildTrendOption([points[0]!]))[0]!).markLine).toBeUndefined();
  });

  it('tables every year', () => {
    expect(trendTable(points).rows[0]).toEqual([2023, 15, 5, 3, 'Có']);
  });
});

describe('buildDistributionOption', () => {
  it('gives every status a fixed colour and drops empty slices', () => {
    const option = buildDistributionOption(
      [
        { key: 'replicated', count: 2 },
        { key: 'new', count: 5 },
        { key: 'continued', count: 0 },
        { key: null, count: 1 },
      ],
      { kind: 'status', decals: true },
    );
    const [pie] = seriesOf<PieSeriesOption>(option);
    const data = pie!.data as { name: string; key: string | null; itemStyle: { color: string; decal?: unknown } }[];
    expect(data.map((d) => d.name)).toEqual(['Mới', 'Nhân rộng', 'Chưa rõ']);
    expect(data[0]!.itemStyle.color).toBe(PALETTE[0]);
    expect(data[1]!.itemStyle.color).toBe(PALETTE[2]);
    expect(data[1]!.itemStyle.decal).toBeDefined();
  });

  it('labels owner types and renders to SVG', () => {
    const option = buildDistributionOption([{ key: 'collective', count: 69 }, { key: 'individual', count: 54 }], { kind: 'owner_type', animation: false });
    const svg = renderSvg(option);
    expect(svg).toContain('Tập thể');
    expect(svg).toContain('Cá nhân');
  });

  it('says there is no data instead of drawing an empty ring', () => {
    const option = buildDistributionOption([], { kind: 'status' });
    expect((option.title as { text: string }).text).toBe('Chưa có số liệu');
  });

  it('tables shares in percent', () => {
    expect(distributionTable([{ key: 'collective', count: 69 }, { key: 'individual', count: 54 }], 'owner_type').rows).toEqual([
      ['Tập thể', 69, 56.1],
      ['Cá nhân', 54, 43.9],
    ]);
  });
});
