import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const { default: Review } = await import('../src/pages/Review.svelte');
const { parseHash } = await import('../src/lib/route');

const item = (id: number, over: Record<string, unknown> = {}) => ({
  id, fileId: 3, fileName: 'ds-dang-ky.xlsx', recordType: 'registration', reason: 'field_inferred',
  message: `Dòng ${id}: lĩnh vực suy ra từ tên mô hình`, detail: { field: 'economy' }, state: 'open',
  record: { field: 'economy', model_name: `Mô hình ${id}`, source: { sheet: 'DS', row: id, cells: { field: `C${id}` } } }, ...over,
});
let posts: { url: string; body: unknown }[] = [];

beforeEach(() => {
  posts = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST' && url === '/api/uploads/reload-waiting') {
      posts.push({ url, body: init.body ?? null });
      return new Response(JSON.stringify({ id: 7, createdAt: null, state: 'queued', progress: 0, jobs: [] }), { status: 202 });
    }
    if (init?.method === 'POST') {
      posts.push({ url, body: JSON.parse(String(init.body ?? '{}')) });
      return new Response(JSON.stringify(item(0, { state: 'confirmed' })), { status: 200 });
    }
    return new Response(JSON.stringify({
      items: [
        item(1),
        item(2, { reason: 'unresolved_owner', detail: { text: 'CB Quân sự', suggestions: [{ unitId: 40, name: 'Chi bộ Quân sự xã Đông Hòa', score: 0.9 }, { unitId: 41, name: 'Chi bộ Quân sự xã Tân Lai', score: 0.8 }] } }),
        item(3),
      ],
      total: 3,
    }), { status: 200 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('review queue by keyboard', () => {
  it('moves with the arrows, confirms with Enter, picks a suggested unit and corrects a value', async () => {
    render(Review, { route: parseHash('#/duyet') });
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(3);
    options[0]!.focus();
    await fireEvent.keyDown(options[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(options[1]);
    await fireEvent.keyDown(options[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(options[0]);

    // Enter confirms the reading; the row leaves the list.
    await fireEvent.keyDown(options[0]!, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(posts[0]).toEqual({ url: '/api/review/1/confirm', body: {} });

    // S on an unresolved owner opens the choice of suggested units; Enter saves it.
    const owner = screen.getAllByRole('option')[0]!;
    await fireEvent.keyDown(owner, { key: 's' });
    const select = await screen.findByRole('combobox', { name: 'Chọn đơn vị đúng' });
    await fireEvent.change(select, { target: { value: '41' } });
    await fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toEqual({ url: '/api/review/2/confirm', body: { unitId: 41 } });

    // S on an inferred field opens an editor; Enter stores the correction.
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    const last = screen.getAllByRole('option')[0]!;
    await fireEvent.keyDown(last, { key: 's' });
    const input = await screen.findByRole('textbox', { name: 'Giá trị đúng' });
    await fireEvent.input(input, { target: { value: 'culture_society' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(posts).toHaveLength(3));
    expect(posts[2]).toEqual({ url: '/api/review/3/correct', body: { changes: { field: 'culture_society' } } });
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('rejects with B', async () => {
    render(Review, { route: parseHash('#/duyet') });
    const [first] = await screen.findAllByRole('option');
    await fireEvent.keyDown(first!, { key: 'b' });
    await waitFor(() => expect(posts).toEqual([{ url: '/api/review/1/reject', body: {} }]));
  });

  it('reads the files waiting for a unit again in one batch and follows it on the upload page', async () => {
    render(Review, { route: parseHash('#/duyet') });
    const button = await screen.findByRole('button', { name: 'Đọc lại các tệp chờ xác định đơn vị' });
    await fireEvent.click(button);
    await waitFor(() => expect(posts).toEqual([{ url: '/api/uploads/reload-waiting', body: null }]));
    await waitFor(() => expect(parseHash(location.hash)).toMatchObject({ page: 'upload', query: { batch: '7' } }));
  });
});
