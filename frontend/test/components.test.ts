import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { charts, echartsModule } from './support/fake-echarts';

vi.mock('../src/lib/echarts', () => echartsModule);

const { default: ECharts } = await import('../src/lib/components/ECharts.svelte');
const { default: KpiTiles } = await import('../src/lib/components/KpiTiles.svelte');
const { default: QuotaTable } = await import('../src/lib/components/QuotaTable.svelte');
const { default: QuotaBadge } = await import('../src/lib/components/QuotaBadge.svelte');
const { default: Status } = await import('../src/lib/components/Status.svelte');
const { Resource } = await import('../src/lib/resource.svelte');
const { ApiError } = await import('../src/lib/api/http');

beforeEach(() => {
  charts.length = 0;
});
afterEach(() => vi.clearAllMocks());

describe('ECharts wrapper', () => {
  it('inits once, replaces the option without merging, forwards clicks and disposes', async () => {
    const onclick = vi.fn();
    const { component, unmount, rerender } = render(ECharts, { option: { series: [] }, label: 'Biểu đồ thử', onclick });
    expect(component).toBeTruthy();
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.options[0]).toEqual({ option: { series: [] }, opts: { notMerge: true } });
    const img = screen.getByRole('img', { name: 'Biểu đồ thử' });
    expect(img.dataset.drawn).toBe('true');

    await rerender({ option: { series: [{ type: 'bar' }] }, label: 'Biểu đồ thử', onclick });
    expect(charts).toHaveLength(1);
    expect(chart.options.at(-1)).toEqual({ option: { series: [{ type: 'bar' }] }, opts: { notMerge: true } });

    chart.handlers.click![0]!({ data: { unitId: 5 } });
    expect(onclick).toHaveBeenCalledWith({ unitId: 5 });

    unmount();
    expect(chart.disposed).toBe(true);
  });
});

describe('KPI tiles', () => {
  it('shows the figures in vi-VN format', () => {
    render(KpiTiles, {
      kpis: {
        registered: 1234, new: 400, continued: 800, replicated: 34,
        recognized: { commune: 500, district: 20, province: 3, total: 523 },
        recognitionRate: 523 / 1234,
        exemplars: { collective: 7, individual: 5, total: 12 },
        unitsMeetingAll: 3, unitsEvaluated: 5,
      },
    });
    const tile = (id: string): string => document.querySelector(`[data-kpi="${id}"] .value`)!.textContent!;
    expect(tile('registered')).toBe('1.234');
    expect(tile('recognized')).toBe('523');
    expect(tile('rate')).toMatch(/^42,4\s?%$/);
    expect(tile('quota')).toBe('3/5');
    expect(screen.getByText(/Mới 400 · Duy trì 800 · Nhân rộng 34/)).toBeTruthy();
  });
});

describe('quota badge and table', () => {
  const rows = [
    { unitId: 1, unitName: 'Xã Đông Hòa', kind: 'commune', registered: 6, recognized: 3, exemplars: 1, allMet: true, hasChildren: true, quotas: [{ ruleId: 1, code: 'c', description: 'Mỗi xã ≥ 5 mô hình', status: 'met' as const, actual: 6, target: 5, reason: 'Đạt 6/5 mô hình' }] },
    { unitId: 2, unitName: 'Xã Tân Lai', kind: 'commune', registered: 3, recognized: 0, exemplars: 0, allMet: false, hasChildren: false, quotas: [{ ruleId: 1, code: 'c', description: 'Mỗi xã ≥ 5 mô hình', status: 'not_met' as const, actual: 3, target: 5, reason: 'Đạt 3/5 mô hình, còn thiếu 2' }] },
    { unitId: 3, unitName: 'Xã Kim Sơn', kind: 'commune', registered: 0, recognized: 0, exemplars: 0, allMet: null, hasChildren: true, quotas: [] },
  ];

  it('gives each badge an accessible name that carries the reason', () => {
    render(QuotaBadge, { status: 'not_met', reason: 'Đạt 3/5 mô hình, còn thiếu 2', title: 'Mỗi xã ≥ 5' });
    expect(screen.getByRole('button', { name: 'Mỗi xã ≥ 5: Chưa đạt. Đạt 3/5 mô hình, còn thiếu 2' })).toBeTruthy();
  });

  it('lists units with drill-down links, reasons, and sorts by a column', async () => {
    render(QuotaTable, { rows, drillHref: (r: { unitId: number }) => `#/?unit=${r.unitId}`, unitHref: (r: { unitId: number }) => `#/don-vi/${r.unitId}` });
    expect(screen.getByRole('link', { name: 'Xã Đông Hòa' }).getAttribute('href')).toBe('#/?unit=1');
    // A unit without children links to its unit page instead.
    expect(screen.getByRole('link', { name: 'Xã Tân Lai' }).getAttribute('href')).toBe('#/don-vi/2');
    expect(screen.getByText('Đạt 3/5 mô hình, còn thiếu 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Không có chỉ tiêu/ })).toBeTruthy();

    const names = (): string[] => [...document.querySelectorAll('tbody th')].map((th) => th.textContent!.trim());
    expect(names()).toEqual(['Xã Đông Hòa', 'Xã Kim Sơn', 'Xã Tân Lai']);
    await fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));
    expect(names()).toEqual(['Xã Đông Hòa', 'Xã Tân Lai', 'Xã Kim Sơn']);
    expect(document.querySelector('th[aria-sort="descending"]')).toBeTruthy();
  });
});

describe('status messages', () => {
  it('announces loading politely and errors as alerts with a retry', async () => {
    const retry = vi.fn();
    render(Status, { kind: 'error', message: 'Không kết nối được máy chủ.', onretry: retry });
    await fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(retry).toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Không kết nối được máy chủ.');
  });
});

describe('Resource', () => {
  it('keeps the newest answer when an older call finishes last', async () => {
    const r = new Resource<number>();
    let slow!: (v: number) => void;
    const first = r.load(() => new Promise<number>((resolve) => (slow = resolve)));
    const second = r.load(() => Promise.resolve(2));
    await second;
    slow(1);
    await first;
    flushSync();
    expect(r.value).toBe(2);
    expect(r.state).toBe('ready');
  });

  it('turns failures into the Vietnamese message and the status', async () => {
    const r = new Resource<number>();
    await r.load(() => Promise.reject(new ApiError(404, 'Không tìm thấy')));
    expect(r.state).toBe('error');
    expect(r.error).toBe('Không tìm thấy');
    expect(r.status).toBe(404);
  });
});

describe('language switch', () => {
  it('turns labels and numbers to English and back', async () => {
    const { lang } = await import('../src/lib/i18n.svelte');
    lang.set('en');
    try {
      render(KpiTiles, {
        kpis: {
          registered: 1234, new: 1, continued: 2, replicated: 3,
          recognized: { commune: 0, district: 0, province: 0, total: 0 },
          recognitionRate: null, exemplars: { collective: 0, individual: 0, total: 0 }, unitsMeetingAll: 0, unitsEvaluated: 0,
        },
      });
      expect(screen.getByText('Models registered')).toBeTruthy();
      expect(document.querySelector('[data-kpi="registered"] .value')!.textContent).toBe('1,234');
      expect(document.documentElement.lang).toBe('en');
    } finally {
      lang.set('vi');
    }
    expect(document.documentElement.lang).toBe('vi');
  });
});
