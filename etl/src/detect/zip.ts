/**
 * Guards an OOXML zip before any library inflates it: reads the central
 * directory ourselves, refuses bombs by declared sizes and ratios, then
 * inflates every entry with a hard output cap (declared sizes can lie) and
 * refuses XML that declares a DOCTYPE or entities (billion laughs).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Entry ratio above which a large entry counts as a bomb. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  // exceljs holds the whole XML in memory several times over: keep the inflated total modest. 64 MB
  // is about 1.6 million cells, beyond the 2-million-cell budget's reach anyway for real sheets; at
  // 200 MB a 1,000,000-row sheet (173 MB) reached exceljs and outgrew a reader thread's heap, and V8
  // can abort the whole process instead of ending the thread (nodejs/node#47224).
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10_000,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export type ZipProblem =
  | { code: 'CORRUPT_FILE'; detail: string }
  | { code: 'ZIP_BOMB'; detail: string }
  | { code: 'XML_ENTITY'; detail: string };

export type ZipCheck = { ok: true; entries: ZipEntryInfo[] } | { ok: false; problem: ZipProblem };

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** Lists the central directory; null when the file has none (truncated or not a zip). */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  if (len < 22) return null;
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 65_535);
  for (let i = len - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > len) return null;
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || view.getUint32(p, true) !== CEN_SIG) return null;
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > len) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(bytes: Uint8Array, e: ZipEntryInfo): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = e.localOffset;
  if (p + 30 > bytes.byteLength || view.getUint32(p, true) !== LOC_SIG) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.byteLength) return null;
  return bytes.subarray(start, end);
}

const DOCTYPE = Buffer.from('<!DOCTYPE');
const ENTITY = Buffer.from('<!ENTITY');

/** Full check: sizes and ratios from the directory, then a capped inflate of every entry. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  const entries = listZipEntries(bytes);
  if (!entries) return { ok: false, problem: { code: 'CORRUPT_FILE', detail: 'không đọc được mục lục nén (tệp bị cắt cụt hoặc hỏng)' } };
  if (entries.length > limits.maxEntries) {
    return { ok: false, problem: { code: 'ZIP_BOMB', detail: `tệp nén chứa ${entries.length} mục, vượt giới hạn ${limits.maxEntries}` } };
  }
  let total = 0;
  for (const e of entries) {
    if (e.compressedSize === 0xffffffff || e.uncompressedSize === 0xffffffff) {
      return { ok: false, problem: { code: 'ZIP_BOMB', detail: `mục "${e.name}" dùng kích thước ZIP64, quá lớn cho một bảng tính` } };
    }
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
      return { ok: false, problem: { code: 'ZIP_BOMB', detail: `mục "${e.name}" giải nén gấp ${Math.round(ratio)} lần (bom nén)` } };
    }
  }
  if (total > limits.maxUncompressedBytes) {
    return { ok: false, problem: { code: 'ZIP_BOMB', detail: `tổng dung lượng giải nén ${Math.round(total / 1048576)} MB vượt giới hạn ${Math.round(limits.maxUncompressedBytes / 1048576)} MB` } };
  }
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = entryData(bytes, e);
    if (!data) return { ok: false, problem: { code: 'CORRUPT_FILE', detail: `mục "${e.name}" bị cắt cụt` } };
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        // +1 so a lying declared size is caught instead of silently truncated.
        out = inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { ok: false, problem: { code: 'ZIP_BOMB', detail: `mục "${e.name}" giải nén lớn hơn kích thước khai báo` } };
        }
        return { ok: false, problem: { code: 'CORRUPT_FILE', detail: `mục "${e.name}" không giải nén được` } };
      }
    } else {
      return { ok: false, problem: { code: 'CORRUPT_FILE', detail: `mục "${e.name}" dùng kiểu nén ${e.method} không hỗ trợ` } };
    }
    if (out.byteLength !== e.uncompressedSize) {
      return { ok: false, problem: { code: 'ZIP_BOMB', detail: `mục "${e.name}" có kích thước thật khác kích thước khai báo` } };
    }
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      const buf = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
      if (buf.indexOf(DOCTYPE) >= 0 || buf.indexOf(ENTITY) >= 0) {
        return { ok: false, problem: { code: 'XML_ENTITY', detail: `mục "${e.name}" khai báo DOCTYPE/ENTITY (có thể là bom thực thể XML)` } };
      }
    }
  }
  return { ok: true, entries };
}
