/**
 * Samples that need a real legacy writer or are broken on purpose.
 *
 * The .doc files are written by LibreOffice (`soffice --convert-to doc`) from a
 * .docx we build, so they carry real Word 97 structures (piece table, cell and
 * row marks). The .doc is committed: when soffice is absent (CI) the generator
 * says so and keeps the committed file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as CFB from 'cfb';
import type { RegistrationRecord } from '../../../etl/src/contract.js';
import { blank, headerBlock, type Kit, pack, para, table } from './kit.js';
import type { Expected } from './samples.js';

const U: Kit = { mode: 'nfc' };

export interface LegacySample {
  name: string;
  /** Writes the file into dir; returns false when it could not (and an existing file is kept). */
  write: (dir: string, log: (m: string) => void) => Promise<boolean>;
  expected: Expected;
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

/** Converts docx bytes to a Word 97-2003 .doc with LibreOffice; null when soffice is missing. */
function toDoc(docx: Uint8Array): Uint8Array | null {
  const bin = soffice();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'dvk-doc-'));
  try {
    const src = join(dir, 'in.docx');
    writeFileSync(src, docx);
    execFileSync(bin, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'doc:MS Word 97', '--outdir', dir, src], { stdio: 'ignore', timeout: 180_000 });
    const out = join(dir, 'in.doc');
    return existsSync(out) ? new Uint8Array(readFileSync(out)) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function legacyDoc(name: string, build: () => Promise<Uint8Array>, expected: Expected): LegacySample {
  return {
    name,
    expected,
    write: async (dir, log) => {
      const doc = toDoc(await build());
      if (!doc) {
        const kept = existsSync(join(dir, name));
        log(`${name}: LibreOffice (soffice) không có trên máy này; ${kept ? 'giữ tệp .doc đã commit' : 'CHƯA có tệp .doc — cài libreoffice-writer để tạo'}.`);
        return false;
      }
      writeFileSync(join(dir, name), doc);
      return true;
    },
  };
}

type Reg = Partial<RegistrationRecord>;
function reg(r: Reg): Reg {
  return {
    type: 'registration', field: null, field_inferred: false, owner: null, owner_type: null, status: null,
    start_date: null, end_date: null, launch_date: null, location: null, person_in_charge: null, goal: null, content: null, note: null,
    ...r,
  };
}

// A 2026 registration list saved as Word 97 (.doc) by a commune office.
const kimSonRows = [
  { n: 'Dân vận khéo trong vận động hiến đất làm đường liên thôn', o: 'Chi bộ thôn Kim Sơn 1', f: 'Kinh tế', fc: 'economy' as const, s: 'Mới', sc: 'new' as const, p: 'Đinh Văn Toàn', note: '' },
  { n: 'Tổ tự quản vệ sinh môi trường khu dân cư', o: 'Chi bộ thôn Kim Sơn 2', f: 'Văn hóa - xã hội', fc: 'culture_society' as const, s: 'Duy trì', sc: 'continued' as const, p: 'Ngô Thị Lan', note: 'Duy trì từ năm 2024\n(nâng chỉ tiêu)' },
  { n: 'Camera an ninh khu dân cư', o: 'Công an xã Kim Sơn', f: 'Quốc phòng - an ninh', fc: 'defense_security' as const, s: 'Nhân rộng', sc: 'replicated' as const, p: 'Bùi Văn Hải', note: '' },
  { n: 'Một cửa thân thiện, giải quyết thủ tục đúng hẹn', o: 'UBND xã Kim Sơn', f: 'Xây dựng hệ thống chính trị', fc: 'political_system' as const, s: 'Mới', sc: 'new' as const, p: 'Lại Thế Vinh', note: '' },
];

const docKimSon = legacyDoc(
  'dang-ky-mo-hinh-dang-uy-xa-kim-son-2026.doc',
  () => pack([
    headerBlock(U, ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ KIM SƠN', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kim Sơn, ngày 06 tháng 3 năm 2026']),
    blank(),
    para(U, 'DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true }),
    table(U, [
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Thời gian bắt đầu', 'Thời gian kết thúc', 'Loại mô hình', 'Người phụ trách', 'Ghi chú'],
      ...kimSonRows.map((r, i) => [String(i + 1), r.n, r.o, r.f, '01/2026', '12/2026', r.s, r.p, r.note]),
    ], { headerRows: 1 }),
    blank(),
    para(U, 'T/M BAN THƯỜNG VỤ', { bold: true, right: true }),
    para(U, 'BÍ THƯ', { bold: true, right: true }),
    para(U, 'Lại Thế Vinh', { bold: true, right: true }),
  ]),
  {
    file: 'dang-ky-mo-hinh-dang-uy-xa-kim-son-2026.doc',
    format: 'doc',
    kind: 'registration',
    year: 2026,
    unit: 'ĐẢNG ỦY XÃ KIM SƠN',
    level: 'commune',
    encoding: 'unicode',
    records: kimSonRows.map((r) => reg({
      year: 2026, model_name: r.n, owner: r.o, owner_type: 'collective', field: r.fc, status: r.sc,
      start_date: '2026-01', end_date: '2026-12', person_in_charge: r.p, note: r.note === '' ? null : r.note,
    })),
    issues: [],
  },
);

// A 2024 year-end report saved as .doc but named .docx by the sender.
const docDongLa = legacyDoc(
  'bao-cao-tong-ket-2024-dang-uy-xa-dong-la.docx',
  () => pack([
    headerBlock(U, ['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ ĐÔNG LA', '*'], ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông La, ngày 10 tháng 12 năm 2024']),
    blank(),
    para(U, 'BÁO CÁO', { bold: true, center: true }),
    para(U, 'Tổng kết phong trào thi đua “Dân vận khéo” năm 2024', { bold: true, center: true }),
    blank(),
    para(U, 'Năm 2024, toàn Đảng bộ xã đăng ký 8 mô hình “Dân vận khéo” (trong đó 3 mô hình mới, 5 mô hình duy trì).'),
    para(U, 'Kết quả: Đảng ủy xã công nhận 6 mô hình cấp xã; Huyện ủy Kim Sơn công nhận 01 mô hình cấp huyện.'),
    para(U, 'Đảng ủy xã đã biểu dương 03 tập thể, 05 cá nhân điển hình “Dân vận khéo” năm 2024.'),
    blank(),
    para(U, 'T/M ĐẢNG ỦY', { bold: true, right: true }),
    para(U, 'BÍ THƯ', { bold: true, right: true }),
    para(U, 'Mai Xuân Trường', { bold: true, right: true }),
  ]),
  {
    file: 'bao-cao-tong-ket-2024-dang-uy-xa-dong-la.docx',
    format: 'doc',
    kind: 'report',
    year: 2024,
    unit: 'ĐẢNG ỦY XÃ ĐÔNG LA',
    level: 'commune',
    encoding: 'unicode',
    records: [{
      type: 'report', year: 2024, period: 'FY',
      models_registered: 8, models_new: 3, models_continued: 5, models_replicated: null,
      recognized_commune: 6, recognized_district: 1, recognized_province: null,
      exemplars_collective: 3, exemplars_individual: 5,
    }],
    issues: [{ severity: 'warning', code: 'EXTENSION_MISMATCH' }],
  },
);

const broken = (file: string, code: string): Expected => ({
  file, format: null, kind: 'unknown', year: null, unit: null, level: null, encoding: 'unicode', records: [],
  issues: [{ severity: 'error', code }],
});

/** A download cut short: the first 55% of a real form. */
function truncated(source: () => Promise<Uint8Array>): LegacySample {
  const name = 'hong-tai-ve-bi-cat-cut.docx';
  return {
    name,
    expected: broken(name, 'CORRUPT_FILE'),
    write: async (dir) => {
      const full = await source();
      writeFileSync(join(dir, name), full.subarray(0, Math.floor(full.length * 0.55)));
      return true;
    },
  };
}

/**
 * A password-protected .docx as Word saves it: an OLE compound file holding
 * EncryptionInfo (agile, version 4.4) and EncryptedPackage instead of a zip.
 */
const encrypted: LegacySample = {
  name: 'dang-ky-co-mat-khau.docx',
  expected: broken('dang-ky-co-mat-khau.docx', 'ENCRYPTED'),
  write: async (dir) => {
    const cfb = CFB.utils.cfb_new();
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c2FtcGxlLXNhbHQtMDAwMQ=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="c2FtcGxlLXNhbHQtMDAwMg=="/></keyEncryptor></keyEncryptors></encryption>';
    const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, 'utf8')]);
    // Deterministic pseudo-ciphertext: the size prefix then bytes from a fixed LCG.
    const pkg = Buffer.alloc(4096 + 8);
    pkg.writeUInt32LE(9876, 0);
    let x = 12345;
    for (let i = 8; i < pkg.length; i++) { x = (x * 1103515245 + 12345) >>> 0; pkg[i] = x >>> 24; }
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', pkg);
    const out = CFB.write(cfb, { type: 'buffer' }) as Buffer;
    writeFileSync(join(dir, 'dang-ky-co-mat-khau.docx'), out);
    return true;
  },
};

export function legacySamples(formSource: () => Promise<Uint8Array>): LegacySample[] {
  return [docKimSon, docDongLa, truncated(formSource), encrypted];
}
