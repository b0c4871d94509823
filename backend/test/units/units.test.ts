import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecords } from '../../src/ingest/files.service.js';
import type { Resolution } from '../../src/units/registry.js';
import type { UnitDetail, UnitPage } from '../../src/units/units.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, registrationList, seedUnits, upload } from '../ingest/support.js';

const resolve = (t: TestApp, name: string, year?: number) =>
  get<Resolution>(t, `/api/units/resolve?name=${encodeURIComponent(name)}${year ? `&year=${year}` : ''}`);

async function idOf(t: TestApp, name: string, validTo: string | null): Promise<number> {
  const page = await get<UnitPage>(t, `/api/units?q=${encodeURIComponent(name)}&limit=50`);
  const unit = page.items.find((u) => u.name === name && u.validTo === validTo);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit.id;
}

describe('unit registry: resolution', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('resolves the ways one organisation is written: exact after folding, then alias', async () => {
    const duDongLa = await idOf(t, 'Đảng ủy xã Đông La', '2025-06-30');
    for (const written of ['Đảng ủy xã Đông La', 'ĐẢNG UỶ XÃ ĐÔNG LA', 'ĐU xã Đông La', 'Đảng uỷ xã Đông La'.normalize('NFD'), 'dang uy xa dong la']) {
      expect(await resolve(t, written, 2024), written).toMatchObject({ unitId: duDongLa, method: 'exact' });
    }
    expect(await resolve(t, 'Đảng bộ xã Đông La', 2024)).toMatchObject({ unitId: duDongLa, method: 'alias' });
    const front = await idOf(t, 'Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa Bình', '2025-06-30');
    for (const written of ['MTTQ xã Hoà Bình', 'Ủy ban MTTQ Việt Nam xã Hòa Bình', 'UB MTTQ xã Hòa Bình', 'Mặt trận Tổ quốc xã Hòa Bình']) {
      expect((await resolve(t, written, 2023)).unitId, written).toBe(front);
    }
    expect((await resolve(t, 'CB Quân sự xã Tân Phú', 2024)).unitId).toBe(await idOf(t, 'Chi bộ Quân sự xã Tân Phú', '2025-06-30'));
    expect((await resolve(t, 'UBND xã Đông Hòa', 2026)).unitId).toBe(await idOf(t, 'Ủy ban nhân dân xã Đông Hòa', null));
  });

  it('never merges Đông La and Đông Lai, and only suggests on similarity', async () => {
    const la = await idOf(t, 'Đảng ủy xã Đông La', '2025-06-30');
    const lai = await idOf(t, 'Đảng ủy xã Đông Lai', '2025-06-30');
    expect((await resolve(t, 'Đảng ủy xã Đông Lai', 2024)).unitId).toBe(lai);
    expect((await resolve(t, 'ĐU xã Đông La', 2024)).unitId).toBe(la);
    const typo = await resolve(t, 'Đảng ủy xã Đông Laa', 2024);
    expect(typo.unitId).toBeNull();
    expect(typo.method).toBeNull();
    expect(typo.suggestions.map((s) => s.unitId)).toEqual(expect.arrayContaining([la, lai]));
    expect(typo.suggestions.every((s) => s.score < 1)).toBe(true);
  });

  it('reads names by the document year across the 2025 merger, and keeps the lineage', async () => {
    // Before the merger "Xã Đông La" exists; in 2026 it does not, and nothing is guessed.
    expect((await resolve(t, 'Đảng ủy xã Đông La', 2024)).unitId).not.toBeNull();
    expect((await resolve(t, 'Đảng ủy xã Đông La', 2026)).unitId).toBeNull();
    // Same written name, two units: the thị trấn's school before, the merged commune's after.
    const school = 'Chi bộ Trường THCS Kim Sơn';
    expect((await resolve(t, school, 2024)).unitId).toBe(await idOf(t, school, '2025-06-30'));
    expect((await resolve(t, school, 2026)).unitId).toBe(await idOf(t, school, null));
    const both = await resolve(t, school, 2025);
    expect(both).toMatchObject({ unitId: null, ambiguous: true });
    const dongHoa = await get<UnitDetail>(t, `/api/units/${await idOf(t, 'Xã Đông Hòa', null)}`);
    expect(dongHoa.predecessors.map((p) => p.unit.name).sort()).toEqual(['Xã Hòa Bình', 'Xã Đông La']);
    expect(dongHoa.predecessors.every((p) => p.effectiveDate === '2025-07-01')).toBe(true);
    expect(dongHoa.parent?.name).toBe('Tỉnh Hải Đông');
    const hnd = await get<UnitDetail>(t, `/api/units/${await idOf(t, 'Hội Nông dân xã Đông La', '2025-06-30')}`);
    expect(hnd.successors.map((s) => s.unit.name)).toEqual(['Hội Nông dân xã Đông Hòa']);
  });

  it('links a model across the merger to the same model, never to a similar commune’s', async () => {
    const name = 'Hội viên nông dân giúp nhau phát triển kinh tế hộ';
    const files = [
      { name: 'dong-la-2024.xlsx', bytes: await registrationList({ unit: 'Đảng ủy xã Đông La', year: 2024, rows: [[name, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', '']] }) },
      { name: 'dong-lai-2024.xlsx', bytes: await registrationList({ unit: 'Đảng ủy xã Đông Lai', year: 2024, rows: [[name, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', '']] }) },
      { name: 'dong-hoa-2026.xlsx', bytes: await registrationList({ unit: 'Đảng ủy xã Đông Hòa', year: 2026, rows: [[`Mô hình “Dân vận khéo” ${name.toLowerCase()}`, 'Kinh tế', 'Hội Nông dân xã', 'Duy trì', '', '']] }) },
      { name: 'tan-lai-2026.xlsx', bytes: await registrationList({ unit: 'Đảng ủy xã Tân Lai', year: 2026, rows: [[name, 'Kinh tế', 'Hội Nông dân xã', 'Duy trì', '', '']] }) },
    ];
    const batch = await upload(t, files);
    const row = async (i: number) => (await get<FileRecords>(t, `/api/files/${batch.jobs[i]!.sourceFileId}/records?type=registration`)).items[0]!;
    const [dongLa, dongLai, dongHoa, tanLai] = [await row(0), await row(1), await row(2), await row(3)];
    expect(dongLa.owner_unit_id).toBe(await idOf(t, 'Hội Nông dân xã Đông La', '2025-06-30'));
    expect(dongLai.owner_unit_id).toBe(await idOf(t, 'Hội Nông dân xã Đông Lai', '2025-06-30'));
    expect(dongHoa.owner_unit_id).toBe(await idOf(t, 'Hội Nông dân xã Đông Hòa', null));
    expect(dongHoa.model_id).toBe(dongLa.model_id); // continued after the merger: same model
    expect(dongLai.model_id).not.toBe(dongLa.model_id);
    expect(tanLai.model_id).toBe(dongLai.model_id); // Đông Lai merged into Tân Lai
    expect(tanLai.model_id).not.toBe(dongHoa.model_id);
  });
});

async function unitList(rows: (string | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  sheet.addRow(['DANH MỤC ĐƠN VỊ']);
  sheet.addRow(['Mã', 'Tên đơn vị', 'Loại', 'Cấp', 'Đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến', 'Tên khác', 'Sáp nhập vào', 'Ngày sáp nhập']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function postList(t: TestApp, bytes: Uint8Array, name = 'danh-muc.xlsx'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return t.fetch(`/api/units/import`, { method: 'POST', body: form });
}

describe('unit list import from a spreadsheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const good = () => unitList([
    ['yp', 'Xã Yên Phú', 'Xã', 'Xã', null, null, '30/06/2025', null, 'Xã Yên Hòa', '01/07/2025'],
    ['yl', 'Xã Yên Lạc', '', '', null, null, '30/06/2025', null, 'yh', null],
    ['yh', 'Xã Yên Hòa', 'xa', 'cap xa', null, '01/07/2025', null, null, null, null],
    [null, 'Đảng ủy xã Yên Phú', 'Đảng ủy', 'Xã', 'yp', null, '30/06/2025', 'ĐB Yên Phú; Đảng bộ xã Yên Phú', 'Đảng ủy xã Yên Hòa', '01/07/2025'],
    [null, 'Đảng ủy xã Yên Hòa', null, null, 'Xã Yên Hòa', '2025-07-01', null, null, null, null],
    [null, 'Chi bộ thôn Yên Thế', 'Chi bộ', 'Cơ sở', 'Đảng ủy xã Yên Phú', null, null, 'Thôn Yên Thế', null, null],
  ]);

  it('imports units, aliases and mergers in one go, and a second import changes nothing', async () => {
    const response = await postList(t, await good());
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ rows: 6, created: 6, updated: 0, aliasesAdded: 3, lineageAdded: 3 });
    const yenHoa = (await get<UnitPage>(t, '/api/units?q=yen hoa&kind=commune')).items[0]!;
    const detail = await get<UnitDetail>(t, `/api/units/${yenHoa.id}`);
    expect(detail.predecessors.map((p) => p.unit.name).sort()).toEqual(['Xã Yên Lạc', 'Xã Yên Phú']);
    expect(detail.predecessors.find((p) => p.unit.name === 'Xã Yên Lạc')!.effectiveDate).toBe('2025-07-01');
    expect((await resolve(t, 'thôn Yên Thế', 2024)).method).toBe('alias');
    const cell = await get<UnitDetail>(t, `/api/units/${(await resolve(t, 'CB thôn Yên Thế')).unitId}`);
    expect(cell).toMatchObject({ kind: 'party_cell', level: 'grassroots', parent: { name: 'Đảng ủy xã Yên Phú' } });

    const again = await postList(t, await good());
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, aliasesAdded: 0, lineageAdded: 0 });
  });

  it('imports a district-sized list whose rows name parents listed after them, each under the right parent, and re-imports it unchanged', async () => {
    // 40 communes with 7 organisations each, children first: every parent is found by its code or name later in the same list.
    const rows: (string | null)[][] = [];
    for (let c = 1; c <= 40; c++) {
      for (const org of ['Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Cựu chiến binh', 'Ủy ban MTTQ Việt Nam']) {
        rows.push([null, `${org} xã Lớn ${c}`, null, null, `lon-${c}`, null, null, null, null, null]);
      }
      rows.push([null, `Chi bộ thôn Một xã Lớn ${c}`, 'Chi bộ', 'Cơ sở', `Đảng ủy xã Lớn ${c}`, null, null, `CB thôn Một Lớn ${c}`, null, null]);
      rows.push([null, `Đảng ủy xã Lớn ${c}`, 'Đảng ủy', 'Xã', `lon-${c}`, null, null, null, null, null]);
      rows.push([`lon-${c}`, `Xã Lớn ${c}`, 'Xã', 'Xã', null, null, null, null, null, null]);
    }
    const first = await postList(t, await unitList(rows));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ rows: 320, created: 320, updated: 0, aliasesAdded: 40 });

    for (const c of [1, 17, 40]) {
      const cell = await get<UnitDetail>(t, `/api/units/${(await resolve(t, `CB thôn Một Lớn ${c}`)).unitId}`);
      expect(cell).toMatchObject({ name: `Chi bộ thôn Một xã Lớn ${c}`, kind: 'party_cell', parent: { name: `Đảng ủy xã Lớn ${c}` } });
      const party = await get<UnitDetail>(t, `/api/units/${cell.parent!.id}`);
      expect(party.parent).toMatchObject({ name: `Xã Lớn ${c}`, kind: 'commune', code: `lon-${c}` });
      const farmers = await get<UnitDetail>(t, `/api/units/${(await resolve(t, `Hội Nông dân xã Lớn ${c}`)).unitId}`);
      expect(farmers.parent).toMatchObject({ name: `Xã Lớn ${c}` });
    }

    const again = await postList(t, await unitList(rows));
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, aliasesAdded: 0 });
  });

  it('refuses a list with errors, naming each row, and stores none of it', async () => {
    const before = (await get<UnitPage>(t, '/api/units?limit=1')).total;
    const bad = await unitList([
      [null, 'Xã Mới Lập', 'Xã', null, null, null, null, null, null, null],
      [null, 'Chi bộ thôn Xa', 'Chi bộ', null, 'Đảng ủy xã Không Có', null, null, null, null, null],
      [null, 'Hội Nông dân xã Mới Lập', 'Hội', null, 'Xã Mới Lập', '31/11/2024', null, null, null, null],
      [null, 'Nhà văn hóa', 'Câu lạc bộ', null, null, null, null, null, null, null],
    ]);
    const response = await postList(t, bad);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string[] };
    expect(body.message).toEqual(expect.arrayContaining([
      expect.stringMatching(/dòng 5: cột “Hiệu lực từ” có ngày không hợp lệ “31\/11\/2024”/),
      expect.stringMatching(/dòng 6: loại đơn vị “Câu lạc bộ” không rõ/),
    ]));
    expect(body.message).toHaveLength(2);

    expect((await get<UnitPage>(t, '/api/units?limit=1')).total).toBe(before);
    const parentless = await unitList([[null, 'Chi bộ thôn Xa', 'Chi bộ', null, 'Đảng ủy xã Không Có', null, null, null, null, null]]);
    const second = await postList(t, parentless);
    expect(second.status).toBe(400);
    expect(((await second.json()) as { message: string[] }).message[0]).toMatch(/dòng 3: không tìm thấy đơn vị cấp trên “Đảng ủy xã Không Có”/);
    expect((await get<UnitPage>(t, '/api/units?limit=1')).total).toBe(before);
  });
});
