/**
 * CSV reader: charset from BOM / byte patterns / strict UTF-8, falling back
 * to Windows-1258; delimiter sniffed among comma, semicolon and tab; quoted
 * fields per RFC 4180 (newlines inside quotes allowed).
 */
import type { EtlIssue } from '../contract.js';
import type { Grid, GridCell } from '../grid.js';
import iconv from 'iconv-lite';
import { decodeWindows1258, detectLegacyEncoding } from '../text/legacy-encoding.js';
import { type Budget, harmoniseLegacy, makeCell, type ReadResult, spend } from './cell.js';

export type Charset = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; charset: Charset } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: b.subarray(3).toString('utf8'), charset: 'utf-8-bom' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: b.subarray(2, 2 + ((b.length - 2) & ~1)).toString('utf16le'), charset: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) {
    const copy = Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)));
    return { text: copy.swap16().toString('utf16le'), charset: 'utf-16be' };
  }
  // UTF-16 without BOM: NULs on one byte parity only.
  const n = Math.min(b.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd > n / 8 && even === 0) return { text: b.subarray(0, b.length & ~1).toString('utf16le'), charset: 'utf-16le' };
  if (even > n / 8 && odd === 0) return { text: Buffer.from(b.subarray(0, b.length & ~1)).swap16().toString('utf16le'), charset: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), charset: 'utf-8' };
  } catch {
    // A sheet typed in .VnTime/VNI fonts exports its bytes as Windows-1252; those are then TCVN3/VNI codes.
    const latin = iconv.decode(b, 'windows1252');
    if (detectLegacyEncoding(latin) !== null) return { text: latin, charset: 'windows-1252' };
    return { text: decodeWindows1258(b), charset: 'windows-1258' };
  }
}

/** Counts delimiters outside quotes per line on the first lines; the most consistent wins. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const candidates = [',', ';', '\t'] as const;
  const lines: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const ch = text[i]!;
    if (ch === '"') inQ = !inQ;
    if (!inQ && (ch === '\n' || ch === '\r')) {
      if (cur.trim() !== '') lines.push(cur);
      cur = '';
    } else if (!inQ) cur += ch;
  }
  if (cur.trim() !== '') lines.push(cur);
  let best: ',' | ';' | '\t' = ',';
  let bestScore = -1;
  for (const d of candidates) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of freq) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    const lineHits = counts.filter((c) => c > 0).length;
    const score = lineHits * 1000 + modeCount * 10 + Math.min(mode, 9);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQ = false;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const ch = text[i]!;
    if (inQ) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQ = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      inQ = true;
      field = '';
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readCsv(bytes: Uint8Array, budget: Budget, sheetName = 'CSV'): ReadResult & { charset: Charset; delimiter: string } {
  const { text, charset } = decodeCsvBytes(bytes);
  const delimiter = sniffDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const grid: Grid = { name: sheetName, rows: [], hiddenRows: new Set(), hiddenColumns: new Set() };
  for (let r = 0; r < parsed.length; r++) {
    const src = parsed[r]!;
    const cells: (GridCell | undefined)[] = [];
    for (let c = 0; c < src.length; c++) {
      const v = src[c]!.replace(/\u0000/g, '');
      if (v.trim() === '') continue;
      const raw: GridCell['raw'] = /^-?\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : v;
      cells[c] = typeof raw === 'number' ? makeCell(v.trim(), raw) : makeCell(v, v);
    }
    grid.rows[r] = cells;
    if (!spend(budget, src.length + 1)) break;
  }
  harmoniseLegacy(grid);
  const issues: EtlIssue[] = [];
  const names: Record<string, string> = { ',': 'dấu phẩy', ';': 'dấu chấm phẩy', '\t': 'dấu tab' };
  issues.push({ severity: 'info', code: 'CSV_CHARSET', message: `Tệp CSV mã ${charset}, phân cách bằng ${names[delimiter] ?? delimiter}.`, value: charset });
  return { grids: [grid], issues, charset, delimiter };
}
