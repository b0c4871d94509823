import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extensionOf, sniffFormat } from '../src/detect/format.js';
import { checkZip, listZipEntries } from '../src/detect/zip.js';
import { sample } from './helpers.js';

describe('sniffFormat (by content, never by extension)', () => {
  it('recognises a real xlsx, BIFF8 xls and CSV', () => {
    expect(sniffFormat(sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx'))).toEqual({ format: 'xlsx' });
    expect(sniffFormat(sample('2023_dong-la_dang-ky.xls'))).toEqual({ format: 'xls' });
    expect(sniffFormat(sample('2026_dong-hoa_dang-ky_utf8.csv'))).toEqual({ format: 'csv' });
    expect(sniffFormat(sample('2025-h2_kim-son_cong-nhan_utf16.csv'))).toEqual({ format: 'csv' });
    expect(sniffFormat(sample('2024_dong-lai_windows-1258.csv'))).toEqual({ format: 'csv' });
  });

  it('refuses empty, HTML, encrypted and truncated files with stable codes', () => {
    expect(sniffFormat(new Uint8Array(0))).toMatchObject({ format: null, code: 'EMPTY_FILE' });
    expect(sniffFormat(Buffer.from('  \r\n\t '))).toMatchObject({ format: null, code: 'EMPTY_FILE' });
    expect(sniffFormat(sample('hong_thuc-ra-la-html.xlsx'))).toMatchObject({ format: null, code: 'HTML_NOT_SPREADSHEET' });
    expect(sniffFormat(sample('hong_co-mat-khau.xlsx'))).toMatchObject({ format: null, code: 'ENCRYPTED' });
    expect(sniffFormat(sample('hong_bi-cat-cut.xlsx'))).toMatchObject({ format: null, code: 'CORRUPT_FILE' });
  });

  it('says what it is when it is neither a workbook nor text', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n...'))).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    expect(sniffFormat(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x00, 0x00, 0x07, 0x00, 0x02]))).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('reads the extension only for messages', () => {
    expect(extensionOf('Danh sách.XLSX')).toBe('xlsx');
    expect(extensionOf('khong-duoi')).toBe('');
  });
});

describe('zip guards', () => {
  it('lists a real workbook and passes it', () => {
    const bytes = sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx');
    expect(listZipEntries(bytes)?.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(checkZip(bytes)).toMatchObject({ ok: true });
  });

  it('refuses a bomb by its declared sizes and ratio', () => {
    expect(checkZip(sample('hong_bom-nen.xlsx'))).toMatchObject({ ok: false, problem: { code: 'ZIP_BOMB' } });
  });

  it('refuses DOCTYPE/ENTITY declarations inside the package', () => {
    expect(checkZip(sample('hong_bom-thuc-the-xml.xlsx'))).toMatchObject({ ok: false, problem: { code: 'XML_ENTITY' } });
  });

  it('catches an entry whose real size exceeds its declared size', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', 'a'.repeat(5000));
    const buf = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // Lie in both the local and the central header: declare 100 bytes for the 5000-byte sheet.
    const entries = listZipEntries(buf)!;
    const sheet = entries.find((e) => e.name.endsWith('sheet1.xml'))!;
    buf.writeUInt32LE(100, sheet.localOffset + 22);
    let p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (p >= 0 && buf.toString('utf8', p + 46, p + 46 + buf.readUInt16LE(p + 28)) !== 'xl/worksheets/sheet1.xml') p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1);
    buf.writeUInt32LE(100, p + 24);
    expect(checkZip(buf)).toMatchObject({ ok: false, problem: { code: 'ZIP_BOMB' } });
  });

  it('reports a corrupt deflate stream as corrupt, not as a crash', () => {
    const data = deflateRawSync(Buffer.from('<workbook/>'));
    const zip = Buffer.alloc(30 + 15 + data.length + 46 + 15 + 22);
    // Hand-built single-entry zip with garbage data.
    zip.writeUInt32LE(0x04034b50, 0);
    zip.writeUInt16LE(8, 8);
    zip.writeUInt32LE(999, 18);
    zip.writeUInt32LE(50, 22);
    zip.writeUInt16LE(15, 26);
    zip.write('xl/workbook.xml', 30);
    Buffer.from(data.map(() => 0xff)).copy(zip, 45);
    const cd = 45 + data.length;
    zip.writeUInt32LE(0x02014b50, cd);
    zip.writeUInt16LE(8, cd + 10);
    zip.writeUInt32LE(data.length, cd + 20);
    zip.writeUInt32LE(50, cd + 24);
    zip.writeUInt16LE(15, cd + 28);
    zip.writeUInt32LE(0, cd + 42);
    zip.write('xl/workbook.xml', cd + 46);
    const eocd = cd + 46 + 15;
    zip.writeUInt32LE(0x06054b50, eocd);
    zip.writeUInt16LE(1, eocd + 8);
    zip.writeUInt16LE(1, eocd + 10);
    zip.writeUInt32LE(46 + 15, eocd + 12);
    zip.writeUInt32LE(cd, eocd + 16);
    const r = checkZip(zip);
    expect(r.ok).toBe(false);
  });
});
