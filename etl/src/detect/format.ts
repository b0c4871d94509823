/**
 * Sniffs a file's real format from its bytes, never from its extension:
 * units rename HTML exports to .xls and CSV to .xlsx, and Word to .xls.
 */
import * as CFB from 'cfb';
import { listZipEntries } from './zip.js';

export type Sniffed =
  | { format: 'xlsx' | 'docx' | 'xls' | 'doc' | 'csv' }
  | { format: null; code: string; detail: string };

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m?.[1]?.toLowerCase() ?? '';
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.byteLength < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** The first non-blank characters of a text file, lower-cased, for sniffing HTML and XML. */
function textHead(bytes: Uint8Array): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  let head: string;
  if (startsWith(bytes, [0xff, 0xfe])) head = Buffer.from(bytes.subarray(2, 2050)).toString('utf16le');
  else if (startsWith(bytes, [0xfe, 0xff])) {
    const b = Buffer.from(bytes.subarray(2, 2050 - (bytes.byteLength % 2)));
    if (b.length % 2 === 0) b.swap16();
    head = b.toString('utf16le');
  } else head = Buffer.from(bytes.subarray(start, start + 2048)).toString('latin1');
  return head.replace(/^[\s\u0000]+/, '').toLowerCase();
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.byteLength === 0) return { format: null, code: 'EMPTY_FILE', detail: 'tệp rỗng (0 byte)' };
  // Zip: OOXML workbook or document.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = listZipEntries(bytes);
    if (!entries) return { format: null, code: 'CORRUPT_FILE', detail: 'tệp nén bị cắt cụt hoặc hỏng, không đọc được mục lục' };
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return { format: 'xlsx' };
    if (names.has('xl/workbook.bin')) return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp Excel nhị phân .xlsb chưa được hỗ trợ; hãy lưu lại dạng .xlsx' };
    if (names.has('word/document.xml')) return { format: 'docx' };
    // Some producers name the workbook part differently; the package layout still says spreadsheet.
    const all = [...names];
    if (names.has('[Content_Types].xml') && all.some((n) => /^xl\/worksheets\/.+\.xml$/.test(n))) return { format: 'xlsx' };
    if (names.has('[Content_Types].xml') && all.some((n) => n.startsWith('word/'))) return { format: 'docx' };
    if (names.has('content.xml')) return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp OpenDocument (.ods/.odt) chưa được hỗ trợ; hãy lưu lại dạng .xlsx hoặc .docx' };
    return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp nén không phải bảng tính Excel hay văn bản Word' };
  }
  // OLE compound file: legacy .xls / .doc, or an encrypted OOXML package.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    let names: string[];
    try {
      const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
      names = cfb.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
    } catch {
      return { format: null, code: 'CORRUPT_FILE', detail: 'tệp OLE (Office cũ) bị hỏng hoặc bị cắt cụt' };
    }
    const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has('EncryptionInfo') || has('EncryptedPackage')) {
      return { format: null, code: 'ENCRYPTED', detail: 'tệp được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi gửi lại' };
    }
    if (has('Workbook') || has('Book')) return { format: 'xls' };
    if (has('WordDocument')) return { format: 'doc' };
    return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp Office cũ không phải bảng tính hay văn bản Word' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp PDF không đọc được bảng; hãy gửi tệp Excel hoặc Word gốc' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp RTF chưa được hỗ trợ; hãy lưu lại dạng .docx' };
  const head = textHead(bytes);
  if (head.length === 0) return { format: null, code: 'EMPTY_FILE', detail: 'tệp chỉ có khoảng trắng, không có nội dung' };
  if (/^<!doctype html|^<html|^<table|^<head|^<meta/.test(head) || (head.startsWith('<') && /<html[\s>]/.test(head))) {
    return { format: null, code: 'HTML_NOT_SPREADSHEET', detail: 'tệp thực chất là trang HTML (xuất từ web), không phải bảng tính Excel; hãy mở bằng Excel và lưu lại dạng .xlsx' };
  }
  if (head.startsWith('<?xml') || head.startsWith('<')) {
    return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'tệp XML (ví dụ bảng tính XML 2003) chưa được hỗ trợ; hãy lưu lại dạng .xlsx' };
  }
  if (looksBinary(bytes)) return { format: null, code: 'UNSUPPORTED_FORMAT', detail: 'không nhận ra định dạng tệp (dữ liệu nhị phân)' };
  return { format: 'csv' };
}

/** NULs outside a UTF-16 pattern or many control bytes mean binary, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 4096);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  let nulEven = 0;
  let nulOdd = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  // UTF-16 without BOM: NULs on one parity only.
  if (nulOdd > n / 4 && nulEven === 0) return false;
  if (nulEven > n / 4 && nulOdd === 0) return false;
  return nulEven + nulOdd > 0 || ctrl > n / 20;
}
