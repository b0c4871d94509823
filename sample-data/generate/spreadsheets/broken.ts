/**
 * Files that must be refused with a clear error and no records: truncated,
 * empty, HTML or CSV named .xlsx, password-protected, zip bomb, XML entity
 * bomb, and a workbook with no table.
 */
import * as CFB from 'cfb';
import JSZip from 'jszip';
import { error, info } from '../lib/expect.js';
import type { ExpectedIssue } from '../lib/expected.js';
import { prng } from '../lib/prng.js';
import { makeRegs } from '../lib/regs.js';
import { fileExpect, type Sample } from '../lib/sample.js';
import { SheetSpec, toXlsx } from '../lib/sheet.js';
import { fixZipTimes } from '../lib/zipfix.js';

function refused(file: string, code: string, format: 'xlsx' | 'csv' | null = null, more: ExpectedIssue[] = []): Sample['expected'] {
  return fileExpect({ file, format, kind: 'unknown', issues: [...more, error(code)] });
}

async function smallWorkbook(): Promise<Buffer> {
  const s = new SheetSpec('Sheet1');
  s.add(['STT', 'Tên mô hình', 'Chủ thể thực hiện']);
  makeRegs(prng(3000), 'Đông Hòa', 2026, 30).forEach((r, i) => s.add([i + 1, r.name, r.owner]));
  return toXlsx([s]);
}

async function zipOf(files: Record<string, Buffer | string>, level = 6): Promise<Buffer> {
  const zip = new JSZip();
  const when = new Date(Date.UTC(2026, 0, 15, 8, 0, 0));
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { date: when });
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
  return fixZipTimes(buf);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>';

export async function brokenSamples(): Promise<Sample[]> {
  const out: Sample[] = [];
  const good = await smallWorkbook();

  out.push({ file: 'hong_bi-cat-cut.xlsx', bytes: good.subarray(0, Math.floor(good.length * 0.6)), expected: refused('hong_bi-cat-cut.xlsx', 'CORRUPT_FILE') });
  out.push({ file: 'hong_tep-rong.xlsx', bytes: new Uint8Array(0), expected: refused('hong_tep-rong.xlsx', 'EMPTY_FILE') });

  const html = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Xuất dữ liệu</title></head><body><table border="1"><tr><th>STT</th><th>Tên mô hình</th><th>Đơn vị</th></tr><tr><td>1</td><td>Chính quyền thân thiện vì Nhân dân phục vụ</td><td>UBND xã</td></tr></table></body></html>\n';
  out.push({ file: 'hong_thuc-ra-la-html.xlsx', bytes: Buffer.from(html, 'utf8'), expected: refused('hong_thuc-ra-la-html.xlsx', 'HTML_NOT_SPREADSHEET') });

  const csv = 'STT,Tên mô hình,Chủ thể thực hiện\r\n1,Tổ tự quản an ninh trật tự khu dân cư,Chi bộ Công an xã\r\n2,Nói không với rác thải nhựa,Đoàn Thanh niên xã\r\n';
  out.push({ file: 'hong_thuc-ra-la-csv.xlsx', bytes: Buffer.from(csv, 'utf8'), expected: refused('hong_thuc-ra-la-csv.xlsx', 'NOT_A_WORKBOOK', 'csv') });

  // An Office-encrypted package: an OLE container with EncryptionInfo and EncryptedPackage streams.
  const cfb = CFB.utils.cfb_new();
  const info4 = Buffer.alloc(64);
  info4.writeUInt16LE(4, 0);
  info4.writeUInt16LE(4, 2);
  info4.writeUInt32LE(0x40, 4);
  const rand = prng(4040);
  const pkg = Buffer.alloc(4096);
  for (let i = 0; i < pkg.length; i++) pkg[i] = Math.floor(rand() * 256);
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.concat([info4, Buffer.from('<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', pkg);
  const enc = Buffer.from(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Uint8Array);
  out.push({ file: 'hong_co-mat-khau.xlsx', bytes: enc, expected: refused('hong_co-mat-khau.xlsx', 'ENCRYPTED') });

  // Zip bomb: 64 MB of zeros in one sheet entry compresses ~1000:1.
  const bomb = await zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': WORKBOOK, 'xl/worksheets/sheet1.xml': Buffer.alloc(64 * 1024 * 1024, 0x20) }, 9);
  out.push({ file: 'hong_bom-nen.xlsx', bytes: bomb, expected: refused('hong_bom-nen.xlsx', 'ZIP_BOMB', 'xlsx') });

  // Billion laughs in a real workbook's sheet XML.
  const zip = await JSZip.loadAsync(good);
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [${laughs}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`, { date: new Date(Date.UTC(2026, 0, 15, 8)) });
  const ent = fixZipTimes(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  out.push({ file: 'hong_bom-thuc-the-xml.xlsx', bytes: ent, expected: refused('hong_bom-thuc-the-xml.xlsx', 'XML_ENTITY', 'xlsx') });

  // A workbook holding a letter, not a list.
  const letter = new SheetSpec('Công văn');
  letter.add(['ĐẢNG ỦY XÃ ĐÔNG HÒA']);
  letter.add(['Số 21-CV/ĐU']);
  letter.blank();
  letter.add(['Kính gửi: Ban Tuyên giáo và Dân vận Tỉnh ủy']);
  letter.add(['Thực hiện Hướng dẫn số 12-HD/BTGDVTU, Đảng ủy xã Đông Hòa báo cáo danh sách mô hình sẽ gửi bổ sung sau ngày 15/3/2026.']);
  letter.add(['Trân trọng./.']);
  const noTable = await toXlsx([letter]);
  out.push({ file: 'hong_khong-co-bang.xlsx', bytes: noTable, expected: fileExpect({ file: 'hong_khong-co-bang.xlsx', format: 'xlsx', kind: 'unknown', issues: [info('SHEET_NO_TABLE', 'Công văn'), error('NO_TABLE')] }) });
  return out;
}
