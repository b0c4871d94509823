import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileView } from '../../src/api-types.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import { UnitsService } from '../../src/units/units.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, registrationList, seedUnits, send, upload, waitBatch } from './support.js';

/** The office uploads before importing its unit list, then reads the waiting files again in one batch. */
describe('POST /api/uploads/reload-waiting', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-reload-waiting-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const UNIT = 'Đảng ủy xã Sơn Thủy';
  const rows = (names: string[]) => names.map((name) => [name, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', '']);
  type ReviewList = { items: { id: number; reason: string; record: { model_name?: string } | null }[] };

  it('resolves the units once they are registered, keeps the file’s corrections, and lets the newer version still count', async () => {
    // Version 1 arrives while the registry does not know the commune: the issuer and every owner wait for a unit.
    const v1 = await upload(t, [{ name: 'son-thuy-2026.xlsx', bytes: await registrationList({ unit: UNIT, year: 2026, rows: rows(['Cánh đồng mẫu lớn', 'Vườn mẫu', 'Tổng cộng']) }) }]);
    const v1Id = v1.jobs[0]!.sourceFileId!;
    const waiting = await get<ReviewList>(t, `/api/review?fileId=${v1Id}`);
    expect(waiting.items.filter((i) => i.reason === 'unresolved_owner')).toHaveLength(3);
    expect(waiting.items.filter((i) => i.reason === 'unresolved_unit')).toHaveLength(1);
    // The office rejects the totals row read as a model.
    const totals = waiting.items.find((i) => i.reason === 'unresolved_owner' && i.record?.model_name === 'Tổng cộng')!;
    expect((await send(t, 'POST', `/api/review/${totals.id}/reject`, { reason: 'Dòng tổng cộng' })).status).toBe(200);

    // The unit list is imported; then the commune sends a second version, which resolves at once.
    const registry = path.join(dir, 'units.json');
    writeFileSync(registry, JSON.stringify({
      units: [
        { key: 'son-thuy', name: 'Xã Sơn Thủy', kind: 'commune', level: 'commune', parent: 'tinh', valid_from: '2025-07-01', valid_to: null, aliases: [] },
        { key: 'son-thuy-du', name: 'Đảng ủy xã Sơn Thủy', kind: 'party_committee', level: 'commune', parent: 'son-thuy', valid_from: '2025-07-01', valid_to: null, aliases: [] },
        { key: 'son-thuy-hnd', name: 'Hội Nông dân xã Sơn Thủy', kind: 'mass_organisation', level: 'commune', parent: 'son-thuy', valid_from: '2025-07-01', valid_to: null, aliases: [] },
      ],
      lineage: [],
    }));
    await t.app.get(UnitsService).importRegistryFile(registry);
    const v2 = await upload(t, [{ name: 'son-thuy-2026-ban-cuoi.xlsx', bytes: await registrationList({ unit: UNIT, year: 2026, rows: rows(['Cánh đồng mẫu lớn', 'Vườn mẫu', 'Nhà sạch vườn đẹp']) }) }]);
    const v2Id = v2.jobs[0]!.sourceFileId!;
    expect(v2.jobs[0]!.state).toBe('loaded');
    // The older file still counts beside it: its unit was unknown, so it was nobody's version.
    expect((await get<FileView>(t, `/api/files/${v1Id}`)).status).toBe('loaded');

    // One batch reads the waiting file again.
    const started = await send<BatchView>(t, 'POST', '/api/uploads/reload-waiting');
    expect(started.status).toBe(202);
    expect(started.body.origin).toBe('reload');
    expect(started.body.jobs.map((j) => j.fileName)).toEqual(['son-thuy-2026.xlsx']);
    const done = await waitBatch(t, started.body.id);
    expect(done.jobs[0]).toMatchObject({ state: 'loaded', sourceFileId: v1Id, duplicate: false });

    const file1 = await get<FileView>(t, `/api/files/${v1Id}`);
    const units = await get<{ items: { id: number; name: string }[] }>(t, '/api/units?q=S%C6%A1n%20Th%E1%BB%A7y');
    const partyCommittee = units.items.find((u) => u.name === UNIT)!;
    expect(file1.unitId).toBe(partyCommittee.id);
    // Read again, it keeps its place: the later version still counts and supersedes it.
    expect(file1).toMatchObject({ status: 'superseded', supersededBy: v2Id, records: 2 });
    expect((await get<FileView>(t, `/api/files/${v2Id}`)).status).toBe('loaded');
    expect((await get<ReviewList>(t, `/api/review?fileId=${v1Id}`)).items.filter((i) => i.reason.startsWith('unresolved_'))).toEqual([]);

    // Nothing waits any more.
    const again = await send<{ message: string }>(t, 'POST', '/api/uploads/reload-waiting');
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('Không có tệp nào đang chờ xác định đơn vị.');
  });
});
