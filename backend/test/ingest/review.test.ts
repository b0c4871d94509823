import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import type { FileDetail, FileRecords } from '../../src/ingest/files.service.js';
import type { ReviewItemView, ReviewPage } from '../../src/ingest/review.service.js';
import type { Resolution } from '../../src/units/registry.js';
import type { UnitPage } from '../../src/units/units.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, registrationList, seedUnits, send, upload } from './support.js';

describe('review queue and corrections', () => {
  let t: TestApp;
  let bytes: Uint8Array;
  let fileId: number;
  let thuong: number;

  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
    bytes = await registrationList({
      unit: 'Đảng ủy xã Đông La', year: 2024, rows: [
        ['Tổ hòa giải kiểu mẫu ở khu dân cư', '', 'Chi bộ thôn Đông', 'Mới', '', ''],
        ['Camera an ninh đầu ngõ', 'QP-AN', 'Tổ tự quản khu Bắc', 'Mới', '', ''],
        ['Dòng ghi nhầm không phải mô hình', 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', ''],
        ['Ngày ra quân vệ sinh môi trường', 'Văn hóa - xã hội', 'Đoàn Thanh niên xã', 'Mới', '31/11/2024', ''],
      ],
    });
    const batch = await upload(t, [{ name: 'dang-ky-dong-la-2024.xlsx', bytes }]);
    expect(batch.jobs[0]!.state).toBe('needs_review');
    fileId = batch.jobs[0]!.sourceFileId!;
    thuong = (await get<UnitPage>(t, `/api/units?q=${encodeURIComponent('Chi bộ thôn Thượng')}`)).items.find((u) => u.validTo === '2025-06-30')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const items = async () => (await get<ReviewPage>(t, `/api/review?fileId=${fileId}&state=open`)).items;
  const rows = async () => (await get<FileRecords>(t, `/api/files/${fileId}/records?type=registration`)).items;
  const byName = async (name: string) => (await rows()).find((r) => r.model_name === name);

  it('queues inferred fields, unresolved owners and invalid dates, each naming file, sheet and row', async () => {
    const open = await items();
    const reasons = open.map((i) => `${i.reason}@${i.recordKey}`).sort();
    expect(reasons).toEqual(['field_inferred@S:Đăng ký!R5', 'invalid_date@S:Đăng ký!R8', 'unresolved_owner@S:Đăng ký!R6']);
    const owner = open.find((i) => i.reason === 'unresolved_owner')!;
    expect(owner.message).toContain('Tệp “dang-ky-dong-la-2024.xlsx”, trang “Đăng ký”, dòng 6');
    expect(owner.record).toMatchObject({ owner: 'Tổ tự quản khu Bắc', owner_unit_id: null, review_state: 'pending' });
    expect((await byName('Dòng ghi nhầm không phải mô hình'))!.review_state).toBe('ok');
  });

  it('corrects, confirms with a chosen unit, and rejects — each stored as an audited correction', async () => {
    const open = await items();
    const inferred = open.find((i) => i.reason === 'field_inferred')!;
    const corrected = await send<ReviewItemView>(t, 'POST', `/api/review/${inferred.id}/correct`, { changes: { field: 'political_system' }, by: 'Chị Lan', reason: 'Theo hồ sơ mô hình' });
    expect(corrected.status).toBe(200);
    // Signed by the signed-in account (issue 10): the name a request claims in `by` is not trusted.
    expect(corrected.body).toMatchObject({ state: 'corrected', resolvedBy: 'test-admin', record: { field: 'political_system', field_inferred: false, review_state: 'corrected' } });

    const owner = open.find((i) => i.reason === 'unresolved_owner')!;
    const chosen = await send<ReviewItemView>(t, 'POST', `/api/review/${owner.id}/confirm`, { unitId: thuong, by: 'Chị Lan' });
    expect(chosen.body).toMatchObject({ state: 'corrected', record: { owner_unit_id: thuong, owner_method: 'confirmed' } });
    // The written form is now an alias: the next file resolves it without asking.
    const resolved = await get<Resolution>(t, `/api/units/resolve?name=${encodeURIComponent('tổ tự quản khu bắc')}&year=2024`);
    expect(resolved).toMatchObject({ unitId: thuong, method: 'alias' });

    const wrongRow = (await byName('Dòng ghi nhầm không phải mô hình'))!;
    const rejected = await send<ReviewItemView>(t, 'POST', `/api/review/${open.find((i) => i.reason === 'invalid_date')!.id}/reject`, { by: 'Chị Lan', reason: 'thử' });
    expect(rejected.body.state).toBe('rejected');
    expect(await byName('Ngày ra quân vệ sinh môi trường')).toBeUndefined();
    expect(wrongRow).toBeDefined();

    const again = await send<{ message: string }>(t, 'POST', `/api/review/${inferred.id}/confirm`, {});
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/đã được xử lý/);
    const bad = await send<{ message: string[] }>(t, 'POST', `/api/review/${owner.id + 1000}/correct`, { changes: { field: 'x' } });
    expect(bad.status).toBe(404);

    expect(await items()).toEqual([]);
    expect((await get<FileDetail>(t, `/api/files/${fileId}`)).records).toBe(3);
    const db = t.app.get(Database).db;
    const corrections = await db.selectFrom('correction').selectAll().where('source_file_id', '=', fileId).orderBy('id').execute();
    expect(corrections.find((c) => c.field === 'field')).toMatchObject({ old_value: 'defense_security', new_value: 'political_system', author: 'test-admin', reason: 'Theo hồ sơ mô hình', record_key: 'S:Đăng ký!R5' });
    expect(corrections.find((c) => c.field === 'owner_unit_id')).toMatchObject({ old_value: null, new_value: String(thuong) });
    expect(corrections.find((c) => c.field === '_rejected')).toMatchObject({ record_key: 'S:Đăng ký!R8' });
  });

  it('gives a row the same review state when its last doubt is decided as a reload of its file gives it', async () => {
    // One row, two doubts: its field is inferred, its owner is unknown.
    const list = await registrationList({ unit: 'Đảng ủy xã Đông La', year: 2023, rows: [['Tổ hòa giải kiểu mẫu ở khu dân cư', '', 'Tổ tự quản khu Tây', 'Mới', '', '']] });
    const id = (await upload(t, [{ name: 'dong-la-2023-mot-dong.xlsx', bytes: list }])).jobs[0]!.sourceFileId!;
    const open = (await get<ReviewPage>(t, `/api/review?fileId=${id}&state=open`)).items;
    expect(open.map((i) => i.reason).sort()).toEqual(['field_inferred', 'unresolved_owner']);
    const row = async () => (await get<FileRecords>(t, `/api/files/${id}/records?type=registration`)).items[0]!;
    // The owner is chosen (a corrected value); then the inferred field is confirmed as it is.
    await send(t, 'POST', `/api/review/${open.find((i) => i.reason === 'unresolved_owner')!.id}/confirm`, { unitId: thuong });
    expect((await row()).review_state).toBe('pending');
    await send(t, 'POST', `/api/review/${open.find((i) => i.reason === 'field_inferred')!.id}/confirm`, {});
    const decided = (await row()).review_state;
    expect(decided).toBe('corrected');
    expect((await send(t, 'POST', `/api/files/${id}/reload`)).status).toBe(201);
    expect((await row()).review_state).toBe(decided);
  });

  it('re-applies every correction when the same file is loaded again (reload, and delete + upload)', async () => {
    const check = async () => {
      expect(await byName('Tổ hòa giải kiểu mẫu ở khu dân cư')).toMatchObject({ field: 'political_system', field_inferred: false, review_state: 'corrected' });
      expect(await byName('Camera an ninh đầu ngõ')).toMatchObject({ owner_unit_id: thuong });
      expect(await byName('Ngày ra quân vệ sinh môi trường')).toBeUndefined();
      expect(await items()).toEqual([]);
      expect((await get<FileDetail>(t, `/api/files/${fileId}`)).records).toBe(3);
    };
    const reloaded = await send<FileDetail>(t, 'POST', `/api/files/${fileId}/reload?by=admin`);
    expect(reloaded.status).toBe(201);
    await check();

    const deleted = await send<FileDetail>(t, 'DELETE', `/api/files/${fileId}?by=admin&reason=${encodeURIComponent('gửi nhầm')}`);
    expect(deleted.body).toMatchObject({ status: 'deleted', records: 0, rawAvailable: true });
    expect(await rows()).toEqual([]);
    const back = await upload(t, [{ name: 'dang-ky-dong-la-2024 (gửi lại).xlsx', bytes }]);
    expect(back.jobs[0]).toMatchObject({ sourceFileId: fileId, duplicate: false, state: 'loaded' });
    await check();

    const audit = await t.app.get(Database).db.selectFrom('audit_log').select(['action', 'username', 'detail']).orderBy('id').execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['review.correct', 'review.reject', 'file.reload', 'file.delete']));
    expect(audit.find((a) => a.action === 'file.delete')).toMatchObject({ username: 'test-admin', detail: expect.objectContaining({ reason: 'gửi nhầm', rows: expect.objectContaining({ registration: 3 }) }) });
  });

  it('purges raw bytes only of deleted files, audited', async () => {
    const refused = await send<{ message: string }>(t, 'DELETE', `/api/files/${fileId}/raw`);
    expect(refused.status).toBe(400);
    await send(t, 'DELETE', `/api/files/${fileId}`);
    const purged = await send<FileDetail>(t, 'DELETE', `/api/files/${fileId}/raw?by=admin`);
    expect(purged.body).toMatchObject({ status: 'deleted', rawAvailable: false });
    expect((await t.fetch(`/api/files/${fileId}/raw`)).status).toBe(404);
    const reload = await send<{ message: string }>(t, 'POST', `/api/files/${fileId}/reload`);
    expect(reload.status).toBe(400);
    expect(reload.body.message).toMatch(/đã bị xóa hẳn/);
  });
});
