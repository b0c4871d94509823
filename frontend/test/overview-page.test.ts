import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { charts, echartsModule } from './support/fake-echarts';

vi.mock('../src/lib/echarts', () => echartsModule);

const { default: Overview } = await import('../src/pages/Overview.svelte');
const { parseHash } = await import('../src/lib/route');
const { router } = await import('../src/lib/router.svelte');

const unit = { id: 1, name: 'Tỉnh Hải Đông', kind: 'province', level: 'province' };
const structure = { mode: 'year', referenceDate: null, rolledUp: [], note: 'Theo cơ cấu đơn vị năm 2026.' };
const answers: Record<string, unknown> = {
  '/api/analytics/overview': {
    unit, year: 2026, years: [2025, 2026], structure,
    kpis: { registered: 65, new: 15, continued: 32, replicated: 18, dropped: 0, recognized: { commune: 3, district: 0, province: 1, total: 4 }, recognitionRate: 4 / 65, exemplars: { collective: 4, individual: 3, total: 7 } },
    quotas: { unitsEvaluated: 2, unitsMeetingAll: 1, unitsNotMeeting: 1, unitsNoData: 0, plans: 1 },
  },
  '/api/analytics/children': {
    unit, year: 2026, structure,
    rows: [
      { unitId: 10, unitName: 'Xã Đông Hòa', kind: 'commune', level: 'commune', hasChildren: true, registered: 12, new: 1, continued: 7, replicated: 4, recognized: 3, recognitionRate: 0.25, exemplars: 7 },
      { unitId: 11, unitName: 'Xã Tân Lai', kind: 'commune', level: 'commune', hasChildren: true, registered: 45, new: 12, continued: 21, replicated: 12, recognized: 1, recognitionRate: 1 / 45, exemplars: 0 },
    ],
  },
  '/api/analytics/quota-fulfilment': {
    unit, year: 2026, plans: [], summary: {},
    units: [{ unitId: 11, unitName: 'Xã Tân Lai', allMet: false, met: 0, notMet: 1, noData: 0 }],
    rows: [{ unitId: 11, unitName: 'Xã Tân Lai', planId: 1, ruleId: 1, ruleCode: 'r', description: 'Tỷ lệ công nhận ≥ 50 %', status: 'not_met', actual: 2, target: 50, measure: 'percent', reason: 'Công nhận 1/45 (2,2 %), chưa đạt 50 %' }],
  },
  '/api/analytics/distribution': { unit, year: 2026, rows: [{ dimension: 'field', key: 'economy', label: 'Kinh tế', models: 18, share: 0.28 }] },
  '/api/analytics/trends': { unit, from: 2025, to: 2026, by: 'total', structure, rows: [{ year: 2026, unitId: 1, unitName: 'Tỉnh Hải Đông', registered: 65, new: 15, continued: 32, replicated: 18, recognized: 4, recognitionRate: 0.06, exemplars: 7 }] },
  '/api/units/1': { id: 1, name: 'Tỉnh Hải Đông', kind: 'province', level: 'province', parentId: null, validFrom: null, validTo: null, parent: null, aliases: [], predecessors: [], successors: [], children: [] },
};
const requested: string[] = [];

beforeEach(() => {
  charts.length = 0;
  requested.length = 0;
  router.go('overview', null, { year: 2026 }, true);
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const body = answers[url.split('?')[0]!];
    return new Response(JSON.stringify(body ?? { message: 'Không có' }), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('Overview page', () => {
  it('loads the five analytics answers for the URL’s year and renders tiles, charts and the quota table', async () => {
    render(Overview, { route: parseHash(location.hash) });
    await screen.findByRole('heading', { level: 1, name: /Tỉnh Hải Đông/ });
    expect(requested.filter((u) => u.startsWith('/api/analytics/overview'))).toEqual(['/api/analytics/overview?year=2026']);
    expect(document.querySelector('[data-kpi="registered"] .value')!.textContent).toBe('65');
    expect(screen.getByTestId('structure-note').textContent).toBe('Theo cơ cấu đơn vị năm 2026.');
    // Field, rate and trend; status and owner have no data here, so their cards say so instead of drawing.
    await waitFor(() => expect(charts.length).toBe(3));
    expect(screen.getByRole('region', { name: /Mô hình mới, duy trì, nhân rộng/ }).textContent).toContain('Chưa có số liệu');
    // The not-met reason is on the page, not only in a tooltip.
    expect(screen.getByText('Công nhận 1/45 (2,2 %), chưa đạt 50 %')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Xã Tân Lai' }).getAttribute('href')).toBe('#/?unit=11&year=2026');
  });

  it('drills down when a bar of the rate chart is clicked, keeping the year in the URL', async () => {
    render(Overview, { route: parseHash(location.hash) });
    await waitFor(() => expect(charts.length).toBe(3));
    const rate = charts.find((c) => c.el.getAttribute('aria-label')?.startsWith('Tỷ lệ công nhận'))!;
    rate.handlers.click![0]!({ data: { unitId: 10 } });
    expect(location.hash).toBe('#/?unit=10&year=2026');
  });

  it('changes the year through the selector', async () => {
    render(Overview, { route: parseHash(location.hash) });
    await screen.findByRole('heading', { level: 1, name: /Tỉnh Hải Đông/ });
    const select = screen.getByRole('combobox', { name: 'Năm' });
    await fireEvent.change(select, { target: { value: '2025' } });
    expect(location.hash).toBe('#/?year=2025');
  });

  it('says what went wrong and offers a retry when the API fails', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ message: 'Danh mục đơn vị đang trống' }), { status: 404 }));
    render(Overview, { route: parseHash(location.hash) });
    expect((await screen.findByRole('alert')).textContent).toContain('Không tìm thấy đơn vị hoặc năm này');
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
