import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_POLICY } from '../../src/auth/route-policy.js';
import { REPO_ROOT } from '../../src/config/app-config.js';
import { PlanSeedService } from '../../src/plans/plan-seed.service.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import { Client, startAuthApp, type AuthTestApp } from './support.js';
import { registrationList } from '../ingest/support.js';

/**
 * Every endpoint × role (issue 10): a commune's uploader cannot read, export,
 * correct or delete another commune's data; a viewer cannot write; nobody
 * anonymous gets anything but health, login and docs. Data: the demo
 * province, one registration list from Đông Hòa (A) and one from Tân Lai (B),
 * each uploaded by its own commune's uploader.
 */

const FILES = path.join(REPO_ROOT, 'sample-data/files');
const FILE_A = '2026_dong-hoa_dang-ky-mo-hinh.xlsx';
const FILE_B = '2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx';

interface Fixture {
  fileA: number; fileB: number; reviewA: number | null; reviewB: number | null; batchA: number; batchB: number;
  communeA: number; communeB: number; province: number; planProvince: number | null;
}

async function uploadAs(client: Client, name: string): Promise<BatchView> {
  const form = new FormData();
  form.append('files', new Blob([readFileSync(path.join(FILES, name))]), name);
  const response = await client.fetch('/api/uploads', { method: 'POST', body: form });
  if (response.status !== 202) throw new Error(`upload ${name}: ${response.status} ${await response.text()}`);
  const batch = (await response.json()) as BatchView;
  for (;;) {
    const polled = await client.fetch(`/api/uploads/${batch.id}`);
    if (polled.status !== 200) throw new Error(`poll ${name}: ${polled.status} ${await polled.text()}`);
    const view = (await polled.json()) as BatchView;
    if (view.state === 'done') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ROLES = ['anonymous', 'admin', 'uploader-dong-hoa', 'uploader-tan-lai', 'viewer', 'viewer-dong-hoa'] as const;
type Who = (typeof ROLES)[number];

describe('access matrix: every endpoint × role', () => {
  let t: AuthTestApp;
  let f: Fixture;
  const clients = new Map<Who, Client>();

  beforeAll(async () => {
    t = await startAuthApp({}, {}, { registry: 'sample' });
    const u = t.units;
    await t.createUser('admin', 'admin', null);
    await t.createUser('uploader-dong-hoa', 'uploader', u.communeA);
    await t.createUser('uploader-tan-lai', 'uploader', u.communeB);
    await t.createUser('viewer', 'viewer', u.province);
    await t.createUser('viewer-dong-hoa', 'viewer', u.communeA);
    for (const who of ROLES) clients.set(who, who === 'anonymous' ? t.anonymous() : await t.as(who));
    const a = await uploadAs(clients.get('uploader-dong-hoa')!, FILE_A);
    const b = await uploadAs(clients.get('uploader-tan-lai')!, FILE_B);
    const admin = clients.get('admin')!;
    const reviewOf = async (fileId: number) => {
      const page = (await (await admin.fetch(`/api/review?fileId=${fileId}&limit=1`)).json()) as { items?: Array<{ id: number }> };
      return page.items?.[0]?.id ?? null;
    };
    await t.app.get(PlanSeedService).seedOnce(path.join(REPO_ROOT, 'sample-data/plans'));
    const created = await admin.fetch('/api/plans', {
      method: 'POST',
      body: JSON.stringify({ year: 2026, title: 'Kế hoạch thi đua “Dân vận khéo” của Tỉnh ủy năm 2026', issuerUnitId: u.province, deadlines: [], rules: [] }),
    });
    if (created.status !== 201) throw new Error(`plan: ${created.status} ${await created.text()}`);
    // A plan issued above commune A (its quotas), not inside A's subtree.
    const above = await t.db.db.selectFrom('plan').select('plan.id')
      .where('plan.issuer_unit_id', 'in', t.db.db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', u.communeA).where('depth', '>', 0))
      .executeTakeFirst();
    f = {
      fileA: a.jobs[0]!.sourceFileId!, fileB: b.jobs[0]!.sourceFileId!, batchA: a.id, batchB: b.id,
      reviewA: await reviewOf(a.jobs[0]!.sourceFileId!), reviewB: await reviewOf(b.jobs[0]!.sourceFileId!),
      communeA: u.communeA, communeB: u.communeB, province: u.province,
      planProvince: above?.id ?? null,
    };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has a policy for every registered route (new endpoints fail closed until listed)', () => {
    const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } }).router;
    const routes = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${layer.route!.path}`));
    // Decorated in the auth module (@Public/@Roles), or Swagger's own pages (public documentation).
    const own = /^(GET|POST|PATCH) \/api\/(auth\/login|users|users\/:id|audit|health)$|^GET \/api\/docs/;
    const api = routes.filter((r) => r.includes(' /api/'));
    expect(api.filter((r) => !ROUTE_POLICY[r] && !own.test(r))).toEqual([]);
    expect(Object.keys(ROUTE_POLICY).filter((key) => !api.includes(key))).toEqual([]);
  });

  it('refuses every API route to an anonymous caller except health and login', async () => {
    const anon = clients.get('anonymous')!;
    for (const key of Object.keys(ROUTE_POLICY)) {
      const [method, route] = key.split(' ') as [string, string];
      const response = await anon.fetch(route.replace(':id', '1'), { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(response.status, key).toBe(401);
    }
    expect((await anon.fetch('/api/health')).status).toBe(200);
  });

  it('refuses every write to viewers, with a Vietnamese 403, before anything changes', async () => {
    for (const who of ['viewer', 'viewer-dong-hoa'] as const) {
      const client = clients.get(who)!;
      for (const [key] of Object.entries(ROUTE_POLICY).filter(([k]) => !k.startsWith('GET') && !k.startsWith('POST /api/auth/'))) {
        const [method, route] = key.split(' ') as [string, string];
        const response = await client.fetch(route.replace(':id', String(f.fileA)), { method, body: '{}' });
        expect(response.status, `${who} ${key}`).toBe(403);
        expect(((await response.json()) as { message: string }).message, key).toMatch(/quyền|chỉ xem/);
      }
    }
    // Nothing of A's was touched.
    const file = (await (await clients.get('admin')!.fetch(`/api/files/${f.fileA}`)).json()) as { status?: string; file?: { status?: string } };
    expect(file.status ?? file.file?.status).toBe('loaded');
  });

  it("refuses admin-only routes to uploaders (plans, unit import, purge, users, audit)", async () => {
    const up = clients.get('uploader-dong-hoa')!;
    const cases: Array<[string, string, unknown?]> = [
      ['POST', '/api/plans', { year: 2026, title: 'x', deadlines: [] }],
      ['POST', '/api/plans/import', { content: '{}' }],
      ['POST', '/api/units/import'],
      ['DELETE', `/api/files/${f.fileA}/raw`],
      ['GET', '/api/users'],
      ['GET', '/api/audit'],
    ];
    if (f.planProvince !== null) cases.push(['PUT', `/api/plans/${f.planProvince}`, { year: 2026, title: 'x', deadlines: [] }], ['DELETE', `/api/plans/${f.planProvince}`]);
    for (const [method, route, body] of cases) {
      const response = await up.fetch(route, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      expect(response.status, `${method} ${route}`).toBe(403);
    }
  });

  it("keeps each commune's uploader out of the other commune's files, rows, raw bytes, review items and batches", async () => {
    const a = clients.get('uploader-dong-hoa')!;
    const reads = [
      `/api/files/${f.fileB}`, `/api/files/${f.fileB}/records?type=registration`, `/api/files/${f.fileB}/raw`,
      `/api/uploads/${f.batchB}`, ...(f.reviewB !== null ? [`/api/review/${f.reviewB}`] : []),
    ];
    for (const route of reads) expect((await a.fetch(route)).status, route).toBe(404);
    const own = [`/api/files/${f.fileA}`, `/api/files/${f.fileA}/records?type=registration`, `/api/files/${f.fileA}/raw`, `/api/uploads/${f.batchA}`];
    for (const route of own) expect((await a.fetch(route)).status, route).toBe(200);
    // The other direction too.
    expect((await clients.get('uploader-tan-lai')!.fetch(`/api/files/${f.fileA}`)).status).toBe(404);
    // Models: B's model is neither listed nor readable for A; A's own is.
    const modelOf = async (fileId: number) =>
      (await t.db.db.selectFrom('registration').select('model_id').where('source_file_id', '=', fileId).where('model_id', 'is not', null).executeTakeFirstOrThrow()).model_id!;
    const [modelA, modelB] = [await modelOf(f.fileA), await modelOf(f.fileB)];
    expect((await a.fetch(`/api/models/${modelB}`)).status).toBe(404);
    expect((await a.fetch(`/api/models/${modelA}`)).status).toBe(200);
    const listed = JSON.stringify(await (await a.fetch('/api/models?pageSize=200')).json());
    expect(listed).toContain(`"id":${modelA}`);
    expect(listed).not.toContain(`"id":${modelB}`);
  });

  it("keeps each commune's uploader from correcting, deleting, restoring or reloading the other's data", async () => {
    const a = clients.get('uploader-dong-hoa')!;
    const writes: Array<[string, string, unknown?]> = [
      ['DELETE', `/api/files/${f.fileB}`], ['POST', `/api/files/${f.fileB}/restore`], ['POST', `/api/files/${f.fileB}/reload`],
      ['POST', `/api/uploads/${f.batchB}/retry`],
    ];
    if (f.reviewB !== null) {
      writes.push(['POST', `/api/review/${f.reviewB}/correct`, { changes: { model_name: 'sửa trộm' } }], ['POST', `/api/review/${f.reviewB}/reject`, {}], ['POST', `/api/review/${f.reviewB}/confirm`, {}]);
    }
    for (const [method, route, body] of writes) {
      const response = await a.fetch(route, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      expect(response.status, `${method} ${route}`).toBe(404);
    }
    const fileB = (await (await clients.get('admin')!.fetch(`/api/files/${f.fileB}`)).json()) as { status?: string; file?: { status?: string } };
    expect(fileB.status ?? fileB.file?.status).toBe('loaded');
  });

  it("keeps a commune's uploader from filing its own row under the other commune, or linking it to the other's model", async () => {
    const a = clients.get('uploader-dong-hoa')!;
    // A's own list with an owner the registry does not know: its row waits for a person to choose the unit.
    const bytes = await registrationList({
      unit: 'Đảng ủy xã Đông Hòa', year: 2026,
      rows: [['Vườn cây cảnh kiểu mẫu', 'Kinh tế', 'Câu lạc bộ Sinh vật cảnh thôn Bắc', 'Mới', '01/03/2026', '']],
    });
    const form = new FormData();
    form.append('files', new Blob([bytes]), 'dong-hoa-bo-sung.xlsx');
    const posted = (await (await a.fetch('/api/uploads', { method: 'POST', body: form })).json()) as BatchView;
    let batch = posted;
    while (batch.state !== 'done') batch = (await (await a.fetch(`/api/uploads/${posted.id}`)).json()) as BatchView;
    const fileA2 = batch.jobs[0]!.sourceFileId!;
    const page = (await (await a.fetch(`/api/review?fileId=${fileA2}&limit=200`)).json()) as { items: Array<{ id: number; recordType: string; recordId: number | null; state: string }> };
    const item = page.items.find((i) => i.recordType === 'registration' && i.recordId !== null && i.state === 'open');
    expect(item, 'an open registration review item in file A').toBeDefined();
    const before = await t.db.db.selectFrom('registration').select(['owner_unit_id', 'model_id']).where('id', '=', item!.recordId!).executeTakeFirstOrThrow();
    const unitOfB = (await t.db.db.selectFrom('unit').select('id').where('parent_id', '=', f.communeB).executeTakeFirstOrThrow()).id;
    const modelB = (await t.db.db.selectFrom('registration').select('model_id').where('source_file_id', '=', f.fileB).where('model_id', 'is not', null).executeTakeFirstOrThrow()).model_id!;
    const attempts: Array<[string, unknown]> = [
      ['correct', { changes: { owner_unit_id: unitOfB } }],
      ['correct', { changes: { model_id: modelB } }],
      ['confirm', { modelId: modelB }],
      ['confirm', { unitId: unitOfB }],
    ];
    for (const [action, body] of attempts) {
      const response = await a.fetch(`/api/review/${item!.id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      expect(response.status, `${action} ${JSON.stringify(body)}`).toBe(403);
      expect(JSON.stringify(await response.json())).toMatch(/ngoài phạm vi|không thuộc phạm vi/);
    }
    expect(await t.db.db.selectFrom('registration').select(['owner_unit_id', 'model_id']).where('id', '=', item!.recordId!).executeTakeFirstOrThrow()).toEqual(before);
    expect((await t.db.db.selectFrom('correction').select('id').where('record_key', '=', (await t.db.db.selectFrom('review_item').select('record_key').where('id', '=', item!.id).executeTakeFirstOrThrow()).record_key).execute())).toHaveLength(0);
    // Its own commune's organisation is the uploader's to choose.
    const unitOfA = (await t.db.db.selectFrom('unit').select('id').where('parent_id', '=', f.communeA).executeTakeFirstOrThrow()).id;
    const own = await a.fetch(`/api/review/${item!.id}/correct`, { method: 'POST', body: JSON.stringify({ changes: { owner_unit_id: unitOfA } }) });
    expect(own.status).toBe(200);
    expect((await t.db.db.selectFrom('registration').select('owner_unit_id').where('id', '=', item!.recordId!).executeTakeFirstOrThrow()).owner_unit_id).toBe(unitOfA);
  });

  it("lists only the caller's subtree: files, review queue, upload batches", async () => {
    const a = clients.get('uploader-dong-hoa')!;
    const ids = (body: unknown) => JSON.stringify(body);
    const files = await (await a.fetch('/api/files?limit=200')).json();
    expect(ids(files)).toContain(`"id":${f.fileA}`);
    expect(ids(files)).not.toContain(`"id":${f.fileB}`);
    const reviewOf = async (client: Client) => {
      const response = await client.fetch('/api/review?limit=500');
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ fileId: number }> }).items.map((i) => i.fileId);
    };
    expect(await reviewOf(a)).not.toContain(f.fileB);
    if (f.reviewB !== null) expect(await reviewOf(clients.get('admin')!)).toContain(f.fileB);
    const batches = (await (await a.fetch('/api/uploads?limit=100')).json()) as BatchView[];
    expect(batches.map((b) => b.id)).not.toContain(f.batchB);
    const summaryA = (await (await a.fetch('/api/files/summary')).json()) as { files: number };
    const summaryAll = (await (await clients.get('admin')!.fetch('/api/files/summary')).json()) as { files: number };
    expect(summaryA.files).toBeLessThan(summaryAll.files);
  });

  it("refuses analytics and export of another commune, and defaults them to the caller's own unit", async () => {
    const a = clients.get('uploader-dong-hoa')!;
    for (const route of ['overview', 'children', 'quota-fulfilment', 'recognition', 'distribution', 'trends']) {
      expect((await a.fetch(`/api/analytics/${route}?unit=${f.communeB}`)).status, route).toBe(403);
      expect((await a.fetch(`/api/analytics/${route}?unit=${f.province}`)).status, route).toBe(403);
      const own = await a.fetch(`/api/analytics/${route}`);
      expect(own.status, route).toBe(200);
      const body = (await own.json()) as { unit?: { id: number } };
      expect(body.unit?.id, route).toBe(f.communeA);
    }
    expect((await a.fetch(`/api/export?unit=${f.communeB}&year=2026`)).status).toBe(403);
    // Arrow answers go through the same guard.
    const arrow = { headers: { accept: 'application/vnd.apache.arrow.stream' } };
    expect((await a.fetch(`/api/analytics/children?unit=${f.communeB}`, arrow)).status).toBe(403);
    const ownArrow = await a.fetch('/api/analytics/children', arrow);
    expect(ownArrow.status).toBe(200);
    expect(ownArrow.headers.get('content-type')).toMatch(/arrow/);
    const v = clients.get('viewer-dong-hoa')!;
    expect((await v.fetch(`/api/analytics/overview?unit=${f.communeB}`)).status).toBe(403);
    expect((await clients.get('viewer')!.fetch(`/api/analytics/overview?unit=${f.communeB}`)).status).toBe(200);
  });

  it("keeps plan results of a higher level from a commune's uploader, while its own quotas stay readable", async () => {
    expect(f.planProvince).not.toBeNull();
    if (f.planProvince === null) return;
    const a = clients.get('uploader-dong-hoa')!;
    expect((await a.fetch(`/api/plans/${f.planProvince}`)).status).toBe(200);
    expect((await a.fetch(`/api/plans/${f.planProvince}/evaluation`)).status).toBe(404);
    expect((await a.fetch(`/api/plans/${f.planProvince}/submissions`)).status).toBe(404);
    expect((await clients.get('viewer')!.fetch(`/api/plans/${f.planProvince}/evaluation`)).status).toBe(200);
  });

  it("refuses an upload whose file names another commune, without touching that commune's data", async () => {
    const a = clients.get('uploader-dong-hoa')!;
    const form = new FormData();
    form.append('files', new Blob([readFileSync(path.join(FILES, '2026_tan-lai_utf8-bom_cham-phay.csv'))]), 'tan-lai.csv');
    const response = await a.fetch('/api/uploads', { method: 'POST', body: form });
    expect(response.status).toBe(202);
    const batch = (await response.json()) as BatchView;
    let view: BatchView;
    for (;;) {
      const polled = await a.fetch(`/api/uploads/${batch.id}`);
      expect(polled.status).toBe(200);
      view = (await polled.json()) as BatchView;
      if (view.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(view.jobs[0]!.state).toBe('failed');
    expect(view.jobs[0]!.message).toMatch(/phạm vi/);
    expect(view.jobs[0]!.errors.map((e) => e.code)).toEqual(['OUT_OF_SCOPE']);
    // Tân Lai's own file is untouched (not superseded).
    const fileB = (await (await clients.get('admin')!.fetch(`/api/files/${f.fileB}`)).json()) as { status?: string; file?: { status?: string } };
    expect(fileB.status ?? fileB.file?.status).toBe('loaded');
  });

  it('signs deletions and corrections with the signed-in account, whatever name the request claims, with its IP', async () => {
    const a = clients.get('uploader-dong-hoa')!;
    const deleted = await a.fetch(`/api/files/${f.fileA}?by=admin&reason=${encodeURIComponent('gửi nhầm')}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const admin = clients.get('admin')!;
    const entries = (await (await admin.fetch('/api/audit?action=file.delete')).json()) as Array<{ action: string; username: string; ip: string | null; userId: number | null }>;
    expect(entries.map((e) => [e.action, e.username])).toEqual(expect.arrayContaining([['file.delete', 'uploader-dong-hoa'], ['file.delete.http', 'uploader-dong-hoa']]));
    expect(entries.some((e) => e.username === 'admin')).toBe(false);
    const http = entries.find((e) => e.action === 'file.delete.http')!;
    expect(http.ip).toBeTruthy();
    expect(http.userId).toBeGreaterThan(0);
    expect((await a.fetch(`/api/files/${f.fileA}/restore`, { method: 'POST' })).status).toBe(201);
  });

  it("reads again only the caller's own waiting files, and the other commune's uploader finds none of them", async () => {
    // Commune A's uploader sends a list whose sender and several owners the registry does not know: it waits for units.
    const WAITING = '2026_dong-hoa_dang-ky_utf8.csv';
    const a = clients.get('uploader-dong-hoa')!;
    const sent = await uploadAs(a, WAITING);
    expect(sent.jobs[0]!.state).toBe('needs_review');
    const b = clients.get('uploader-tan-lai')!;
    const none = await b.fetch('/api/uploads/reload-waiting', { method: 'POST' });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { message: string }).message).toBe('Không có tệp nào đang chờ xác định đơn vị.');
    const mine = await a.fetch('/api/uploads/reload-waiting', { method: 'POST' });
    expect(mine.status).toBe(202);
    const batch = (await mine.json()) as BatchView;
    expect(batch.jobs.map((j) => j.fileName)).toEqual([WAITING]);
    expect(batch.createdBy).toBe('uploader-dong-hoa');
  });
});
