/**
 * Samples that need a real legacy writer or are broken on purpose.
 *
 * The .doc files are written by LibreOffice (`soffice --convert-to doc`) from a
 * .docx we build, so they carry real Word 97 structures (piece table, FKPs,
 * cell and row marks, sprmTDefTable). They are committed: when soffice is
 * absent (CI) the generator says so and keeps the committed file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as CFB from 'cfb';
import type { ExpectedFile } from '../lib/expected.js';
import { fileExpect } from '../lib/sample.js';
import { Body, type Kit, stabilise, table } from './kit.js';
import { buildMau01, buildTcvn3, DOCX_SAMPLES, mau01Expected, reg, report, tcvn3Expected, wordRecord } from './samples.js';

const U: Kit = { mode: 'nfc' };

export interface LegacySample {
  file: string;
  /** Writes the file into dir; false when it could not (an existing file is then kept). */
  write: (dir: string, log: (m: string) => void) => Promise<boolean>;
  expected: () => ExpectedFile | Promise<ExpectedFile>;
}

function soffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 60_000 });
      return bin;
    } catch {
      /* not installed */
    }
  }
  return null;
}

/** Converts docx bytes to a Word 97-2003 .doc (or re-saves a .docx) with LibreOffice; null when soffice is missing. */
function toDoc(docx: Uint8Array, target: 'doc' | 'docx' = 'doc'): Uint8Array | null {
  const bin = soffice();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'dvk-doc-'));
  try {
    const src = join(dir, 'in.docx');
    writeFileSync(src, docx);
    const out = join(dir, 'out');
    execFileSync(bin, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', target === 'doc' ? 'doc:MS Word 97' : 'docx:MS Word 2007 XML', '--outdir', out, src], { stdio: 'ignore', timeout: 180_000 });
    const file = join(out, `in.${target}`);
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function legacyDoc(file: string, build: () => Promise<Uint8Array>, expected: () => ExpectedFile | Promise<ExpectedFile>, target: 'doc' | 'docx' = 'doc'): LegacySample {
  return {
    file,
    expected,
    write: async (dir, log) => {
      const converted = toDoc(await build(), target);
      const doc = converted && target === 'docx' ? await stabilise(converted) : converted;
      if (!doc) {
        const kept = existsSync(join(dir, file));
        log(`${file}: không có LibreOffice (soffice) trên máy này; ${kept ? 'giữ tệp đã commit' : 'CHƯA có tệp — cài libreoffice-writer để tạo'}.`);
        return false;
      }
      writeFileSync(join(dir, file), doc);
      return true;
    },
  };
}

// A 2026 registration list saved as Word 97 by a commune office: one-row header, a two-paragraph cell.
const KIM_SON_ROWS = [
  { n: 'Dân vận khéo trong vận động hiến đất làm đường liên thôn', o: 'Chi bộ thôn Kim Sơn 1', f: 'Kinh tế', fc: 'economy' as const, s: 'Mới', sc: 'new' as const, p: 'Đinh Văn Toàn', note: '' },
  { n: 'Tổ tự quản vệ sinh môi trường khu dân cư', o: 'Chi bộ thôn Kim Sơn 2', f: 'Văn hóa - xã hội', fc: 'culture_society' as const, s: 'Duy trì', sc: 'continued' as const, p: 'Ngô Thị Lan', note: 'Duy trì từ năm 2024\n(nâng chỉ tiêu)' },
  { n: 'Camera an ninh khu dân cư', o: 'Công an xã Kim Sơn', f: 'Quốc phòng - an ninh', fc: 'defense_security' as const, s: 'Nhân rộng', sc: 'replicated' as const, p: 'Bùi Văn Hải', note: '' },
  { n: 'Một cửa thân thiện, giải quyết thủ tục đúng hẹn', o: 'UBND xã Kim Sơn', f: 'Xây dựng hệ thống chính trị', fc: 'political_system' as const, s: 'Mới', sc: 'new' as const, p: 'Lại Thế Vinh', note: '' },
];

function kimSonBody(): { body: Body; table: number } {
  const b = new Body(U);
  b.header(['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ KIM SƠN', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kim Sơn, ngày 06 tháng 3 năm 2026']);
  b.blank();
  b.p('DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
  const t = b.table(table(U, [
    ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Thời gian bắt đầu', 'Thời gian kết thúc', 'Loại mô hình', 'Người phụ trách', 'Ghi chú'],
    ...KIM_SON_ROWS.map((r, i) => [String(i + 1), r.n, r.o, r.f, '01/2026', '12/2026', r.s, r.p, r.note]),
  ], { headerRows: 1 }));
  b.signature(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Lại Thế Vinh']);
  return { body: b, table: t };
}

const docKimSon = legacyDoc('2026_kim-son_dang-ky-word-97.doc', () => kimSonBody().body.pack(), () => {
  const t = kimSonBody().table;
  return fileExpect({
    file: '2026_kim-son_dang-ky-word-97.doc', format: 'doc', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ KIM SƠN', level: 'commune',
    records: KIM_SON_ROWS.map((r, i) => wordRecord(reg({
      year: 2026, model_name: r.n, owner: r.o, owner_type: 'collective', field: r.fc, status: r.sc,
      start_date: '2026-01', end_date: '2026-12', person_in_charge: r.p, note: r.note === '' ? null : r.note,
    }), { table: t, row: i + 2 })),
  });
});

// The merged-header mẫu 01 saved as Word 97: gridSpan/vMerge become cell boundaries and TC flags.
const docMau01 = legacyDoc('2026_dong-hoa_mau01-word-97-gop-o.doc', () => buildMau01().body.pack(), () => {
  const m = buildMau01();
  return mau01Expected('2026_dong-hoa_mau01-word-97-gop-o.doc', 'doc', m.table, m.rows);
});

// The TCVN3 list saved as Word 97: fonts come from the character runs (.VnTime, .VnTimeH capitals).
const docTcvn3 = legacyDoc('2024_tan-phu_mau01-word-97-tcvn3.doc', () => buildTcvn3().body.pack(), () =>
  tcvn3Expected('2024_tan-phu_mau01-word-97-tcvn3.doc', 'doc', buildTcvn3().table));

// Samples re-saved as .docx by another writer (LibreOffice): Wingdings boxes become U+F0xx text in a
// symbol font, styles and table properties are written differently; the reading must not change.
function resaved(source: string, file: string): LegacySample {
  const sample = (): (typeof DOCX_SAMPLES)[number] => {
    const s = DOCX_SAMPLES.find((x) => x.file === source);
    if (!s) throw new Error(`no sample ${source}`);
    return s;
  };
  return legacyDoc(file, async () => (await sample().make()).bytes, async () => ({ ...(await sample().make()).expected, file }), 'docx');
}

// A 2024 year-end report saved as .doc but named .docx by the sender: read by content, with a warning.
function dongLaBody(): { body: Body; at: number } {
  const b = new Body(U);
  b.header(['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ ĐÔNG LA', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông La, ngày 10 tháng 12 năm 2024']);
  b.blank();
  b.p('BÁO CÁO', { bold: true, center: true });
  b.p('Tổng kết phong trào thi đua “Dân vận khéo” năm 2024', { bold: true, center: true });
  b.blank();
  const at = b.p('Năm 2024, toàn Đảng bộ xã đăng ký 8 mô hình “Dân vận khéo” (trong đó 3 mô hình mới, 5 mô hình duy trì).');
  b.p('Kết quả: Đảng ủy xã công nhận 6 mô hình cấp xã; Huyện ủy Kim Sơn công nhận 01 mô hình cấp huyện.');
  b.p('Đảng ủy xã đã biểu dương 03 tập thể, 05 cá nhân điển hình “Dân vận khéo” năm 2024.');
  b.signature(['T/M ĐẢNG ỦY', 'BÍ THƯ', 'Mai Xuân Trường']);
  return { body: b, at };
}

const docDongLa = legacyDoc('2024_dong-la_bao-cao-tong-ket-doc-doi-ten.docx', () => dongLaBody().body.pack(), () => fileExpect({
  file: '2024_dong-la_bao-cao-tong-ket-doc-doi-ten.docx', format: 'doc', kind: 'report', year: 2024, unit: 'ĐẢNG ỦY XÃ ĐÔNG LA', level: 'commune',
  records: [wordRecord(report({
    year: 2024, period: 'FY',
    // Nothing is said of replicated models or province recognition: null, not zero.
    models_registered: 8, models_new: 3, models_continued: 5, models_replicated: null,
    recognized_commune: 6, recognized_district: 1, recognized_province: null,
    exemplars_collective: 3, exemplars_individual: 5,
  }), { paragraph: dongLaBody().at })],
  issues: [{ severity: 'warning', code: 'EXTENSION_MISMATCH' }],
}));

const broken = (file: string, code: string): ExpectedFile => fileExpect({ file, format: null, kind: 'unknown', issues: [{ severity: 'error', code }] });

/** A download cut short: the first 55 % of a real form. */
function truncated(source: () => Promise<Uint8Array>): LegacySample {
  const file = 'hong_word-bi-cat-cut.docx';
  return {
    file,
    expected: () => broken(file, 'CORRUPT_FILE'),
    write: async (dir) => {
      const full = await source();
      writeFileSync(join(dir, file), full.subarray(0, Math.floor(full.length * 0.55)));
      return true;
    },
  };
}

/**
 * A password-protected .docx as Word saves it: an OLE compound file holding
 * EncryptionInfo (agile, version 4.4) and EncryptedPackage instead of a zip.
 */
const encrypted: LegacySample = {
  file: 'hong_word-co-mat-khau.docx',
  expected: () => broken('hong_word-co-mat-khau.docx', 'ENCRYPTED'),
  write: async (dir) => {
    const cfb = CFB.utils.cfb_new();
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c2FtcGxlLXNhbHQtMDAwMQ=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c2FtcGxlLXNhbHQtMDAwMg=="/></keyEncryptor></keyEncryptors></encryption>';
    const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, 'utf8')]);
    // Deterministic pseudo-ciphertext: the size prefix, then bytes from a fixed LCG.
    const pkg = Buffer.alloc(4096 + 8);
    pkg.writeUInt32LE(9876, 0);
    let x = 12345;
    for (let i = 8; i < pkg.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      pkg[i] = x >>> 24;
    }
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', pkg);
    writeFileSync(join(dir, 'hong_word-co-mat-khau.docx'), CFB.write(cfb, { type: 'buffer' }) as Buffer);
    return true;
  },
};

export function legacySamples(formSource: () => Promise<Uint8Array>): LegacySample[] {
  return [
    docKimSon, docMau01, docTcvn3, docDongLa,
    resaved('2026_tan-lai_mau04-bang-hoi-nong-dan.docx', '2026_tan-lai_mau04-bang-libreoffice.docx'),
    resaved('2025_tan-lai_bao-cao-nam-phu-luc-02.docx', '2025_tan-lai_bao-cao-nam-libreoffice.docx'),
    resaved('2024_tan-phu_mau01-word-tcvn3.docx', '2024_tan-phu_mau01-tcvn3-libreoffice.docx'),
    truncated(formSource), encrypted,
  ];
}
