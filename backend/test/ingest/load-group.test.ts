import { extract } from '@dvk/etl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IngestRepository, type StoreSummary } from '../../src/ingest/ingest.repository.js';
import { LoadService, type LoadInput } from '../../src/ingest/load.service.js';
import { RawFileStore } from '../../src/ingest/raw-file.store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { communeFile, get, registrationList, seedUnits, upload, type Row } from './support.js';

/** The writer loads readings that arrive together in one transaction; each file must still load whole or not at all. */
describe('LoadService.loadMany on the real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function input(index: number, rows: number, name: string, year = 2026): Promise<LoadInput> {
    const bytes = await communeFile(index, rows, year);
    return { sha256: RawFileStore.sha256(bytes), fileName: name, sizeBytes: bytes.length, result: await extract(bytes, name), batchId: null, jobId: null, mode: 'upload' };
  }

  it('keeps the other files of a group when one file’s write fails, and stores nothing of that one', async () => {
    const files = [await input(1, 12, 'a.xlsx'), await input(2, 7, 'hong-giua-chung.xlsx'), await input(3, 9, 'c.xlsx')];
    const repository = t.app.get(IngestRepository);
    const original = repository.insertReviewItems.bind(repository);
    const spy = vi.spyOn(repository, 'insertReviewItems').mockImplementation(async (trx, rows) => {
      if (rows.some((r) => r.message.includes('hong-giua-chung.xlsx'))) throw new Error('lỗi ghi giả lập');
      return original(trx, rows);
    });
    const before = await get<StoreSummary>(t, '/api/files/summary');
    const outcomes = await t.app.get(LoadService).loadMany(files);
    spy.mockRestore();
    expect(outcomes.map((o) => o.state)).toEqual(['needs_review', 'failed', 'needs_review']);
    expect(outcomes[1]).toMatchObject({ message: expect.stringContaining('hong-giua-chung.xlsx') });
    const after = await get<StoreSummary>(t, '/api/files/summary');
    expect(after.files - before.files).toBe(2);
    expect(after.registrations - before.registrations).toBe(21);
  });

  it('treats files of one group as loaded one after another: duplicates, versions and models', async () => {
    const first = await input(10, 6, 'x-2025.xlsx', 2025);
    const again = { ...first, fileName: 'x-2025 (bản sao).xlsx' };
    const version = async (name: string, rows: number): Promise<LoadInput> => {
      const bytes = await registrationList({ unit: 'Đảng ủy xã Tân Lai', year: 2026, rows: Array.from({ length: rows }, (_, r) => [`Tổ tự quản số ${r + 1}`, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', '']) });
      return { sha256: RawFileStore.sha256(bytes), fileName: name, sizeBytes: bytes.length, result: await extract(bytes, name), batchId: null, jobId: null, mode: 'upload' };
    };
    const v1 = await version('tan-lai-v1.xlsx', 5);
    const v2 = await version('tan-lai-v2.xlsx', 8);
    const outcomes = await t.app.get(LoadService).loadMany([first, v1, again, v2]);
    expect(outcomes[2]).toMatchObject({ duplicate: true, sourceFileId: (outcomes[0] as { sourceFileId: number }).sourceFileId });
    expect(outcomes[3]).toMatchObject({ superseded: [(outcomes[1] as { sourceFileId: number }).sourceFileId] });
    const v1File = await get<{ status: string; supersededBy: number }>(t, `/api/files/${(outcomes[1] as { sourceFileId: number }).sourceFileId}`);
    expect(v1File).toMatchObject({ status: 'superseded', supersededBy: (outcomes[3] as { sourceFileId: number }).sourceFileId });
    // Both versions register the same models of the same owner: one identity, and no "counted twice" doubt between versions.
    const rows = async (o: unknown) => (await get<{ items: { model_id: number }[] }>(t, `/api/files/${(o as { sourceFileId: number }).sourceFileId}/records?type=registration`)).items;
    const [r1, r2] = [await rows(outcomes[1]), await rows(outcomes[3])];
    expect(r2.slice(0, 5).map((r) => r.model_id)).toEqual(r1.map((r) => r.model_id));
    const doubts = await get<{ items: { reason: string }[] }>(t, `/api/review?fileId=${(outcomes[3] as { sourceFileId: number }).sourceFileId}&reason=possible_duplicate`);
    expect(doubts.items).toEqual([]);
  });

  it('flags a file against another unit’s list that a later file supersedes, in one group as when loaded one by one', async () => {
    const MODEL = ['Tổ nhân dân tự quản về an ninh trật tự', 'Quốc phòng - an ninh', 'Hội Nông dân xã', 'Mới', '', ''];
    const list = async (unit: string, name: string, extra: number, year: number): Promise<LoadInput> => {
      const rows = [MODEL, ...Array.from({ length: extra }, (_, r) => [`Mô hình riêng ${name} số ${r + 1}`, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', ''])];
      const bytes = await registrationList({ unit, year, rows });
      return { sha256: RawFileStore.sha256(bytes), fileName: name, sizeBytes: bytes.length, result: await extract(bytes, name), batchId: null, jobId: null, mode: 'upload' };
    };
    // The commune's party committee lists the model; its People's Committee lists it too (another unit: not a version);
    // then the party committee sends a second version of its list, which supersedes the first.
    const doubtsOf = async (outcomes: unknown[]) => Promise.all(outcomes.map(async (o) =>
      (await get<{ items: { message: string; detail: { files: string[] } }[] }>(t, `/api/review?fileId=${(o as { sourceFileId: number }).sourceFileId}&reason=possible_duplicate`)).items.map((d) => d.detail.files)));
    const loader = t.app.get(LoadService);
    const together = await loader.loadMany([
      await list('Đảng ủy xã Tân Lai', 'du-1.xlsx', 1, 2027), await list('Ủy ban nhân dân xã Tân Lai', 'ubnd.xlsx', 2, 2027), await list('Đảng ủy xã Tân Lai', 'du-2.xlsx', 3, 2027),
    ]);
    expect(together[2]).toMatchObject({ superseded: [(together[0] as { sourceFileId: number }).sourceFileId] });
    // The People's Committee's list is not flagged against the first version, which the group supersedes;
    // the second version is flagged against the People's Committee's list, not against its own first version.
    expect(await doubtsOf(together)).toEqual([[], [], [['ubnd.xlsx']]]);
    // The same three lists for 2028, one transaction each: the People's Committee's list is flagged against the
    // first version while it counts, and the doubt is withdrawn when the second version supersedes it.
    const alone = [];
    for (const [unit, name, extra] of [['Đảng ủy xã Tân Lai', 'du-1b.xlsx', 1], ['Ủy ban nhân dân xã Tân Lai', 'ubnd-b.xlsx', 2], ['Đảng ủy xã Tân Lai', 'du-2b.xlsx', 3]] as const) {
      alone.push((await loader.loadMany([await list(unit, name, extra, 2028)]))[0]!);
      if (name === 'ubnd-b.xlsx') expect(await doubtsOf(alone)).toEqual([[], [['du-1b.xlsx']]]);
    }
    expect(alone[2]).toMatchObject({ superseded: [(alone[0] as { sourceFileId: number }).sourceFileId] });
    expect(await doubtsOf(alone)).toEqual([[], [], [['ubnd-b.xlsx']]]);
    const idOf = (o: unknown) => (o as { sourceFileId: number }).sourceFileId;
    const withdrawn = await get<{ items: { detail: { files: string[] }; resolvedBy: string }[] }>(t, `/api/review?fileId=${idOf(alone[1])}&reason=possible_duplicate&state=withdrawn`);
    expect(withdrawn.items.map((i) => i.detail.files)).toEqual([['du-1b.xlsx']]);
    expect(withdrawn.items[0]!.resolvedBy).toMatch(/không còn được tính/);
    // Its row no longer waits for review; the second version's row does.
    const modelRow = async (o: unknown) => (await get<{ items: { model_name: string; review_state: string }[] }>(t, `/api/files/${idOf(o)}/records?type=registration`)).items
      .find((r) => r.model_name === MODEL[0])!.review_state;
    expect(await modelRow(alone[1])).toBe('ok');
    expect(await modelRow(alone[2])).toBe('pending');
    // Deleting the second version makes the first count again: the doubt against it comes back, and its row waits again.
    expect((await t.fetch(`/api/files/${idOf(alone[2])}`, { method: 'DELETE' })).status).toBe(200);
    expect(await doubtsOf(alone.slice(0, 2))).toEqual([[], [['du-1b.xlsx']]]);
    expect(await modelRow(alone[1])).toBe('pending');
  });

  it('never makes one model of the same words from two unknown communes', async () => {
    const make = async (unit: string, year: number): Promise<LoadInput> => {
      const bytes = await registrationList({ unit, year, rows: [['Tổ liên gia an toàn phòng cháy', 'Quốc phòng - an ninh', 'Hội Nông dân xã', 'Duy trì', '', '']] });
      return { sha256: RawFileStore.sha256(bytes), fileName: `${unit} ${year}.xlsx`, sizeBytes: bytes.length, result: await extract(bytes, 'x.xlsx'), batchId: null, jobId: null, mode: 'upload' };
    };
    const outcomes = await t.app.get(LoadService).loadMany([await make('Đảng ủy xã Vô Danh', 2025), await make('Đảng ủy xã Vô Danh', 2026), await make('Đảng ủy xã Khuyết Danh', 2026)]);
    const modelOf = async (o: unknown) => (await get<{ items: { model_id: number; owner_unit_id: number | null }[] }>(t, `/api/files/${(o as { sourceFileId: number }).sourceFileId}/records?type=registration`)).items[0]!;
    const [a2025, a2026, b2026] = [await modelOf(outcomes[0]), await modelOf(outcomes[1]), await modelOf(outcomes[2])];
    expect(a2025.owner_unit_id).toBeNull();
    expect(a2026.model_id).toBe(a2025.model_id); // same issuer, same written owner: same model
    expect(b2026.model_id).not.toBe(a2025.model_id);
  });

  it('offers, for a “continued” row that matched nothing, the five earliest models of the same name in its own commune only', async () => {
    const NAME = 'Sân chơi thiếu nhi ở khu dân cư';
    const list = async (unit: string, year: number, owner: string, status: string): Promise<LoadInput> => {
      const bytes = await registrationList({ unit, year, rows: [[NAME, 'Văn hóa - xã hội', owner, status, '', '']] });
      return { sha256: RawFileStore.sha256(bytes), fileName: `${unit} ${owner} ${year}.xlsx`, sizeBytes: bytes.length, result: await extract(bytes, 'x.xlsx'), batchId: null, jobId: null, mode: 'upload' };
    };
    const loader = t.app.get(LoadService);
    const modelOf = async (o: unknown) => (await get<{ items: { model_id: number }[] }>(t, `/api/files/${(o as { sourceFileId: number }).sourceFileId}/records?type=registration`)).items[0]!.model_id;
    const matchItems = async (o: unknown) => (await get<{ items: { detail: { candidates: { modelId: number; firstYear: number }[] } }[] }>(
      t, `/api/review?fileId=${(o as { sourceFileId: number }).sourceFileId}&reason=possible_model_match`)).items;

    // A commune outside the registry: seven of its organisations started the model, one a year from 2019 to 2025 (listed latest first).
    const stored = [];
    for (let year = 2025; year >= 2019; year--) stored.push(await list('Đảng ủy xã Đầu Nguồn', year, `Chi đoàn thôn ${year - 2018}`, 'Mới'));
    // Another commune started a model of the same name earlier than all of them.
    stored.push(await list('Đảng ủy xã Cuối Nguồn', 2018, 'Chi đoàn thôn 1', 'Mới'));
    const first = await loader.loadMany(stored);
    const modelByYear = new Map<number, number>();
    for (const [i, outcome] of first.entries()) modelByYear.set(i < 7 ? 2025 - i : 2018, await modelOf(outcome));

    // One group: Đầu Nguồn's Women's Union says it continues the model in 2026; a 2017 list of the same commune comes after it;
    // Cuối Nguồn's Women's Union continues it in 2020; and a 2016 “continued” row of Đầu Nguồn is older than every model of its commune.
    const later = await loader.loadMany([
      await list('Đảng ủy xã Đầu Nguồn', 2026, 'Hội Phụ nữ xã', 'Duy trì'),
      await list('Đảng ủy xã Đầu Nguồn', 2017, 'Chi đoàn thôn 9', 'Mới'),
      await list('Đảng ủy xã Cuối Nguồn', 2020, 'Hội Phụ nữ xã', 'Duy trì'),
      await list('Đảng ủy xã Đầu Nguồn', 2016, 'Chi đoàn thôn 10', 'Duy trì'),
    ]);
    // The group's 2016 and 2017 models count though their files came later, and can be picked: they are stored with the group.
    const [in2026] = await matchItems(later[0]);
    expect(in2026!.detail.candidates.map((c) => c.firstYear)).toEqual([2016, 2017, 2019, 2020, 2021]);
    expect(in2026!.detail.candidates.map((c) => c.modelId)).toEqual([await modelOf(later[3]), await modelOf(later[1]), ...[2019, 2020, 2021].map((y) => modelByYear.get(y))]);
    // Cuối Nguồn is offered its own 2018 model, none of Đầu Nguồn's.
    const [in2020] = await matchItems(later[2]);
    expect(in2020!.detail.candidates.map((c) => c.modelId)).toEqual([modelByYear.get(2018)]);
    expect(await matchItems(later[3])).toEqual([]);
    // The 2017 registration is new, not continued: no doubt about it.
    expect(await matchItems(later[1])).toEqual([]);
  });

  it('looks for a continued model across a 2025 merger, never in a commune of a similar name', async () => {
    const NAME = 'Ngõ xóm sáng xanh sạch đẹp';
    const list = async (unit: string, year: number, owner: string, status: string): Promise<LoadInput> => {
      const bytes = await registrationList({ unit, year, rows: [[NAME, 'Văn hóa - xã hội', owner, status, '', '']] });
      return { sha256: RawFileStore.sha256(bytes), fileName: `${unit} ${year}.xlsx`, sizeBytes: bytes.length, result: await extract(bytes, 'x.xlsx'), batchId: null, jobId: null, mode: 'upload' };
    };
    const loader = t.app.get(LoadService);
    const rowOf = async (o: unknown) => (await get<{ items: { model_id: number; owner_unit_id: number | null }[] }>(t, `/api/files/${(o as { sourceFileId: number }).sourceFileId}/records?type=registration`)).items[0]!;
    // Đông La (merged into Đông Hòa on 1 July 2025) in 2024, and Đông Lai, a different commune, a year earlier.
    const [dongLa, dongLai] = await loader.loadMany([await list('Đảng ủy xã Đông La', 2024, 'Hội Nông dân xã', 'Mới'), await list('Đảng ủy xã Đông Lai', 2023, 'Hội Nông dân xã', 'Mới')]);
    const [dongHoa] = await loader.loadMany([await list('Đảng ủy xã Đông Hòa', 2026, 'Hội Liên hiệp Phụ nữ xã', 'Duy trì')]);
    const [laRow, laiRow, hoaRow] = [await rowOf(dongLa), await rowOf(dongLai), await rowOf(dongHoa)];
    expect(new Set([laRow.owner_unit_id, laiRow.owner_unit_id, hoaRow.owner_unit_id]).size).toBe(3);
    expect(hoaRow.owner_unit_id).not.toBeNull();
    const items = (await get<{ items: { detail: { candidates: { modelId: number }[] } }[] }>(
      t, `/api/review?fileId=${(dongHoa as { sourceFileId: number }).sourceFileId}&reason=possible_model_match`)).items;
    expect(items.map((i) => i.detail.candidates.map((c) => c.modelId))).toEqual([[laRow.model_id]]);
  });

  it('moves a model’s first year back when an older file arrives later, for every model of the group at once, and never forward', async () => {
    const repository = t.app.get(IngestRepository);
    const loader = t.app.get(LoadService);
    const modelsOf = async (o: unknown) => (await get<{ items: { model_id: number }[] }>(t, `/api/files/${(o as { sourceFileId: number }).sourceFileId}/records?type=registration`)).items.map((r) => r.model_id);
    const firstYears = async (ids: number[]) => Promise.all(ids.map(async (id) => (await repository.findModel(repository.db, id))!.first_year));
    // The 2026 lists of two communes first, as an office loading this year's files before its archive.
    const [a2026, b2026] = await loader.loadMany([await input(60, 40, 'a-2026.xlsx', 2026), await input(61, 35, 'b-2026.xlsx', 2026)]);
    const models = [...(await modelsOf(a2026)), ...(await modelsOf(b2026))];
    expect(new Set(models).size).toBe(75);
    expect(new Set(await firstYears(models))).toEqual(new Set([2026]));
    // Then one group: commune a's 2024 list, commune b's 2025 list, and commune a's 2027 list, all of the same models.
    const [a2024, b2025, a2027] = await loader.loadMany([await input(60, 40, 'a-2024.xlsx', 2024), await input(61, 35, 'b-2025.xlsx', 2025), await input(60, 40, 'a-2027.xlsx', 2027)]);
    expect(await modelsOf(a2024)).toEqual(models.slice(0, 40));
    expect(await modelsOf(b2025)).toEqual(models.slice(40));
    expect(await modelsOf(a2027)).toEqual(models.slice(0, 40));
    expect(await firstYears(models)).toEqual([...Array(40).fill(2024), ...Array(35).fill(2025)]);
  });
  it('withdraws a “maybe an earlier model” doubt once the same owner’s older list arrives, and the row stops waiting', async () => {
    const NAME = 'Bữa cơm nghĩa tình cho người neo đơn';
    const list = async (year: number, owner: string, status: string): Promise<LoadInput> => {
      const bytes = await registrationList({ unit: 'Đảng ủy xã Đông Hòa', year, rows: [[NAME, 'Văn hóa - xã hội', owner, status, '', '']] });
      return { sha256: RawFileStore.sha256(bytes), fileName: `dong-hoa-${year}.xlsx`, sizeBytes: bytes.length, result: await extract(bytes, 'x.xlsx'), batchId: null, jobId: null, mode: 'upload' };
    };
    const loader = t.app.get(LoadService);
    const fileOf = (o: unknown) => (o as { sourceFileId: number }).sourceFileId;
    const rowOf = async (o: unknown) => (await get<{ items: { model_id: number; review_state: string }[] }>(t, `/api/files/${fileOf(o)}/records?type=registration`)).items[0]!;
    const doubts = async (o: unknown, state: string) => (await get<{ items: { resolvedBy: string | null }[] }>(t, `/api/review?fileId=${fileOf(o)}&reason=possible_model_match&state=${state}`)).items;
    // The Farmers' Union started the model in 2025; the Women's Union lists it as continued in 2027, before its own 2026 list is loaded.
    const [farmers2025] = await loader.loadMany([await list(2025, 'Hội Nông dân xã', 'Mới')]);
    const [women2027] = await loader.loadMany([await list(2027, 'Hội Liên hiệp Phụ nữ xã', 'Duy trì')]);
    expect(await doubts(women2027, 'open')).toHaveLength(1);
    expect((await rowOf(women2027)).review_state).toBe('pending');
    // The Women's Union's 2026 list arrives: its row links to the 2027 model, which is now older than the 2027 row.
    const [women2026] = await loader.loadMany([await list(2026, 'Hội Liên hiệp Phụ nữ xã', 'Mới')]);
    expect((await rowOf(women2026)).model_id).toBe((await rowOf(women2027)).model_id);
    expect((await rowOf(women2026)).model_id).not.toBe((await rowOf(farmers2025)).model_id);
    expect(await doubts(women2027, 'open')).toEqual([]);
    expect(await doubts(women2027, 'withdrawn')).toEqual([expect.objectContaining({ resolvedBy: expect.stringContaining('năm trước của cùng chủ thể') })]);
    expect((await rowOf(women2027)).review_state).toBe('ok');
  });

  it('keeps a “maybe an earlier model” doubt when the file is read again, or when its second version replaces it', async () => {
    const NAME = 'Mái ấm tình thương cho hộ nghèo';
    const list = async (year: number, owner: string, status: string, extra: Row[] = []) => {
      const bytes = await registrationList({ unit: 'Đảng ủy xã Đông Hòa', year, rows: [[NAME, 'Văn hóa - xã hội', owner, status, '', ''], ...extra] });
      return (await upload(t, [{ name: `dong-hoa-${year}-${extra.length}.xlsx`, bytes }])).jobs[0]!.sourceFileId!;
    };
    const doubts = async (fileId: number) => (await get<{ items: unknown[] }>(t, `/api/review?fileId=${fileId}&reason=possible_model_match`)).items;
    // The Farmers' Union started the model in 2025; the Veterans' Association lists it as continued in 2026.
    await list(2025, 'Hội Nông dân xã', 'Mới');
    const v1 = await list(2026, 'Hội Cựu chiến binh xã', 'Duy trì');
    expect(await doubts(v1)).toHaveLength(1);
    // Read again, its row meets the model its own first reading created (same year): still no earlier model of its owner.
    expect((await t.fetch(`/api/files/${v1}/reload`, { method: 'POST' })).status).toBe(201);
    expect(await doubts(v1)).toHaveLength(1);
    // A second version of the list (one more row) links to that same-year model, and keeps the doubt.
    const v2 = await list(2026, 'Hội Cựu chiến binh xã', 'Duy trì', [['Đường hoa nông thôn mới', 'Văn hóa - xã hội', 'Hội Nông dân xã', 'Mới', '', '']]);
    expect((await get<{ status: string; supersededBy: number }>(t, `/api/files/${v1}`))).toMatchObject({ status: 'superseded', supersededBy: v2 });
    expect(await doubts(v2)).toHaveLength(1);
  });

  it('gives a model new to the store the earliest year of the group’s rows, whatever the order of the files', async () => {
    const repository = t.app.get(IngestRepository);
    const modelsOf = async (o: unknown) => (await get<{ items: { model_id: number }[] }>(t, `/api/files/${(o as { sourceFileId: number }).sourceFileId}/records?type=registration`)).items.map((r) => r.model_id);
    const [c2026, c2025] = await t.app.get(LoadService).loadMany([await input(62, 10, 'c-2026.xlsx', 2026), await input(62, 10, 'c-2025.xlsx', 2025)]);
    const models = await modelsOf(c2026);
    expect(await modelsOf(c2025)).toEqual(models);
    expect(new Set(await Promise.all(models.map(async (id) => (await repository.findModel(repository.db, id))!.first_year)))).toEqual(new Set([2025]));
  });
  it('marks each older version superseded by its own newer file when a group replaces several at once', async () => {
    const loader = t.app.get(LoadService);
    const idOf = (o: unknown) => (o as { sourceFileId: number }).sourceFileId;
    const list = async (commune: string, year: number, rows: number): Promise<LoadInput> => {
      const bytes = await registrationList({ unit: `Đảng ủy xã ${commune}`, year, rows: Array.from({ length: rows }, (_, r) => [`Vườn rau sạch số ${r + 1}`, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', '']) });
      const name = `${commune}-${year}-${rows}.xlsx`;
      return { sha256: RawFileStore.sha256(bytes), fileName: name, sizeBytes: bytes.length, result: await extract(bytes, name), batchId: null, jobId: null, mode: 'upload' };
    };
    const first = await loader.loadMany([await list('Đông Hòa', 2031, 3), await list('Tân Lai', 2031, 4), await list('Kim Sơn', 2031, 5)]);
    // Second versions of Đông Hòa's and Kim Sơn's lists (more rows: other bytes), and Tân Lai's list of another year, which replaces nothing.
    const second = await loader.loadMany([await list('Kim Sơn', 2031, 6), await list('Tân Lai', 2030, 4), await list('Đông Hòa', 2031, 7)]);
    expect(second.map((o) => (o as { superseded: number[] }).superseded)).toEqual([[idOf(first[2])], [], [idOf(first[0])]]);
    const status = async (o: unknown) => get<{ status: string; supersededBy: number | null }>(t, `/api/files/${idOf(o)}`);
    expect(await status(first[0])).toMatchObject({ status: 'superseded', supersededBy: idOf(second[2]) });
    expect(await status(first[1])).toMatchObject({ status: 'loaded', supersededBy: null });
    expect(await status(first[2])).toMatchObject({ status: 'superseded', supersededBy: idOf(second[0]) });
    for (const o of second) expect(await status(o)).toMatchObject({ status: 'loaded' });
  });
});
