/**
 * Legacy .doc (Word 97–2003) reader: bytes → WordDocument.
 *
 * Text comes from `word-extractor` (piece table, fields, deletions). Its
 * public output loses table structure (cell and row marks both become tabs,
 * and row ends are missed when a row's sprmTDefTable is longer than 255
 * bytes), so we keep its raw pieces and rebuild tables from the marks: each
 * paragraph's properties (PAPX in the FKPs) say whether it is in a table and
 * whether its mark ends a row (sprmPFTtp); the row-end paragraph's
 * sprmTDefTable gives the cell boundaries, so horizontally merged cells get
 * their real column span, and each cell's TC flags give vertical merges.
 * When a table cannot be rebuilt with confidence its rows are dropped with a
 * warning: never wrong rows.
 */
import { createRequire } from 'node:module';
import * as CFB from 'cfb';
import type { EtlIssue, TextEncoding } from '../contract.js';
import type { DocumentBlock, Grid, GridCell } from '../grid.js';
import { detectLegacyEncoding, isTcvn3UpperCaseFont, tcvn3ToUnicode, vniToUnicode } from '../text/legacy-encoding.js';
import { nfc } from '../text/vietnamese.js';
import { isSymbolFont, symbolText, type WordReadResult } from './docx.js';

interface Piece { startCp: number; endCp: number; startFilePos: number; bpc: number; text: string }
export interface ParaProps { align?: 'left' | 'center' | 'right' | 'both'; inTable: boolean; ttp: boolean; innerTtp?: boolean; itap: number; /** Cell boundaries in twips, from sprmTDefTable. */ centers?: number[]; /** Per cell: 0 none, 1 restart, 2 continue. */ vmerge?: number[] }
interface FkpRun { fcStart: number; fcEnd: number; props: ParaProps }

interface RawDoc { body: string; pieces: Piece[]; runs: FkpRun[]; fonts: FontRun[] }

const require = createRequire(import.meta.url);

/** Walks a grpprl: sprm (2 bytes) + operand whose size follows spra; sprmTDefTable has a 2-byte size. */
function readSprms(buf: Buffer, start: number, end: number, props: ParaProps, data: Buffer | null, depth = 0): void {
  let o = start;
  while (o + 2 <= end) {
    const sprm = buf.readUInt16LE(o);
    o += 2;
    const spra = sprm >> 13;
    let size: number;
    if (sprm === 0xd608 || sprm === 0xd606) {
      if (o + 2 > end) return;
      size = buf.readUInt16LE(o) + 1; // cb counts itself minus one
    } else if (spra === 6) {
      if (o >= end) return;
      size = buf.readUInt8(o) + 1;
    } else {
      size = [1, 1, 2, 4, 2, 2, 0, 3][spra] ?? 1;
    }
    if (o + size > end) return;
    if (sprm === 0x2403 || sprm === 0x2461) props.align = (['left', 'center', 'right', 'both'] as const)[buf.readUInt8(o)] ?? 'left';
    else if (sprm === 0x2416) props.inTable = buf.readUInt8(o) !== 0;
    else if (sprm === 0x2417) props.ttp = buf.readUInt8(o) !== 0;
    else if (sprm === 0x244b) props.inTable = buf.readUInt8(o) !== 0; // sprmPFInnerTableCell
    else if (sprm === 0x244c) props.innerTtp = buf.readUInt8(o) !== 0; // sprmPFInnerTtp
    else if (sprm === 0x6649) props.itap = buf.readInt32LE(o); // sprmPItap
    else if (sprm === 0xd608) readTDefTable(buf, o + 2, o + size, props);
    else if (sprm === 0x6646 && data && depth === 0) {
      // sprmPHugePapx: the properties did not fit the FKP and live in the Data stream.
      const at = buf.readUInt32LE(o);
      if (at + 2 <= data.length) {
        const cb = data.readUInt16LE(at);
        if (at + 2 + cb <= data.length) readSprms(data, at + 2, at + 2 + cb, props, data, 1);
      }
    }
    o += size;
  }
}

/** sprmTDefTable: itcMac, rgdxaCenter[itcMac+1], then TC80[itcMac] (20 bytes each). */
function readTDefTable(buf: Buffer, start: number, end: number, props: ParaProps): void {
  if (start >= end) return;
  const n = buf.readUInt8(start);
  if (n === 0 || n > 63) return;
  const centers: number[] = [];
  let o = start + 1;
  for (let i = 0; i <= n; i++) {
    if (o + 2 > end) return;
    centers.push(buf.readInt16LE(o));
    o += 2;
  }
  const vmerge: number[] = [];
  for (let i = 0; i < n; i++) {
    if (o + 2 > end) { vmerge.push(0); continue; }
    const grf = buf.readUInt16LE(o);
    vmerge.push(grf & 0x20 ? (grf & 0x40 ? 1 : 2) : 0);
    o += 20;
  }
  props.centers = centers;
  props.vmerge = vmerge;
}

/** Paragraph properties of every paragraph run, from PlcBtePapx and its FKPs. */
function readPapx(wd: Buffer, table: Buffer, data: Buffer | null): FkpRun[] {
  const runs: FkpRun[] = [];
  const fc = wd.readUInt32LE(0x0102);
  const lcb = wd.readUInt32LE(0x0106);
  if (lcb < 8 || fc + lcb > table.length) return runs;
  const n = (lcb - 4) / 8;
  if (!Number.isInteger(n)) return runs;
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const base = pn * 512;
    if (base + 512 > wd.length) continue;
    const fkp = wd.subarray(base, base + 512);
    const crun = fkp.readUInt8(511);
    for (let j = 0; j < crun; j++) {
      const fcStart = fkp.readUInt32LE(j * 4);
      const fcEnd = fkp.readUInt32LE((j + 1) * 4);
      const bOff = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
      const props: ParaProps = { inTable: false, ttp: false, itap: 0 };
      if (bOff > 0 && bOff < 511) {
        const cb = fkp.readUInt8(bOff);
        let s: number;
        let len: number;
        if (cb !== 0) { s = bOff + 1; len = 2 * cb - 1; } else { s = bOff + 2; len = 2 * fkp.readUInt8(bOff + 1); }
        // Skip istd (2 bytes), then the sprms.
        if (s + len <= 512 && len >= 2) readSprms(fkp, s + 2, s + len, props, data);
      }
      runs.push({ fcStart, fcEnd, props });
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return runs;
}

interface FontRun { fcStart: number; fcEnd: number; font: string }

/** Font names from SttbfFfn (FFN: the name is UTF-16 at byte 39 after the length byte). */
function readFonts(wd: Buffer, table: Buffer): string[] {
  const fc = wd.readUInt32LE(0x0112);
  const lcb = wd.readUInt32LE(0x0116);
  const fonts: string[] = [];
  if (lcb < 4 || fc + lcb > table.length) return fonts;
  let o = fc;
  const count = table.readUInt16LE(o);
  o += 4; // cData, cbExtra
  for (let i = 0; i < count && o < fc + lcb; i++) {
    const cch = table.readUInt8(o);
    let name = '';
    for (let k = o + 1 + 39; k + 1 < o + 1 + cch; k += 2) {
      const c = table.readUInt16LE(k);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    fonts.push(name);
    o += 1 + cch;
  }
  return fonts;
}

/** Character runs with an explicit font (sprmCRgFtc0/1/2) from PlcBteChpx and its FKPs. */
function readChpx(wd: Buffer, table: Buffer, fonts: string[]): FontRun[] {
  const runs: FontRun[] = [];
  const fc = wd.readUInt32LE(0x00fa);
  const lcb = wd.readUInt32LE(0x00fe);
  if (lcb < 8 || fc + lcb > table.length || fonts.length === 0) return runs;
  const n = (lcb - 4) / 8;
  if (!Number.isInteger(n)) return runs;
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const base = pn * 512;
    if (base + 512 > wd.length) continue;
    const fkp = wd.subarray(base, base + 512);
    const crun = fkp.readUInt8(511);
    for (let j = 0; j < crun; j++) {
      const rgb = fkp.readUInt8((crun + 1) * 4 + j);
      if (rgb === 0) continue;
      const cb = fkp.readUInt8(rgb * 2);
      const end = Math.min(511, rgb * 2 + 1 + cb);
      let ftc: number | null = null;
      for (let o = rgb * 2 + 1; o + 2 <= end;) {
        const sprm = fkp.readUInt16LE(o);
        o += 2;
        const spra = sprm >> 13;
        const size = spra === 6 ? (o < end ? fkp.readUInt8(o) + 1 : 1) : ([1, 1, 2, 4, 2, 2, 0, 3][spra] ?? 1);
        if (o + size > end) break;
        // ASCII font first; the others only when no ASCII font is set.
        if (sprm === 0x4a4f) ftc = fkp.readUInt16LE(o);
        else if ((sprm === 0x4a50 || sprm === 0x4a51) && ftc === null) ftc = fkp.readUInt16LE(o);
        o += size;
      }
      const font = ftc === null ? undefined : fonts[ftc];
      if (font) runs.push({ fcStart: fkp.readUInt32LE(j * 4), fcEnd: fkp.readUInt32LE((j + 1) * 4), font });
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return runs;
}

function fontAt(runs: FontRun[], fc: number): string | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r.font;
  }
  return undefined;
}

interface WordExtractorDocument { getBody(o?: { filterUnicode?: boolean }): string }
type OleCtor = new () => { extract(reader: unknown): Promise<WordExtractorDocument> };

/** A word-extractor OLE extractor that also keeps the raw pieces and paragraph properties. */
function rawExtractorClass(data: Buffer | null): { Cls: OleCtor; BufferReader: new (b: Buffer) => { open(): Promise<unknown>; close(): Promise<unknown> } } {
  const Base = require('word-extractor/lib/word-ole-extractor') as new () => Record<string, unknown>;
  const BufferReader = require('word-extractor/lib/buffer-reader') as new (b: Buffer) => { open(): Promise<unknown>; close(): Promise<unknown> };
  class RawExtractor extends (Base as unknown as new () => {
    _pieces: Piece[];
    _boundaries: { ccpText: number };
    writeParagraphProperties(buffer: Buffer, table: Buffer): void;
    buildDocument(): WordExtractorDocument;
  }) {
    raw: RawDoc | null = null;
    private runs: FkpRun[] = [];
    private fontRuns: FontRun[] = [];
    override writeParagraphProperties(buffer: Buffer, table: Buffer): void {
      try { this.runs = readPapx(buffer, table, data); } catch { this.runs = []; }
      try { this.fontRuns = readChpx(buffer, table, readFonts(buffer, table)); } catch { this.fontRuns = []; }
      super.writeParagraphProperties(buffer, table);
    }
    override buildDocument(): WordExtractorDocument {
      const doc = super.buildDocument();
      const all = this._pieces.map((p) => p.text).join('');
      this.raw = { body: all.slice(0, this._boundaries.ccpText), pieces: this._pieces, runs: this.runs, fonts: this.fontRuns };
      return doc;
    }
  }
  return { Cls: RawExtractor as unknown as OleCtor, BufferReader };
}

/** cp → file position through the piece table (binary search: fast-saved files have many pieces). */
function cpToFc(pieces: Piece[], cp: number): number | null {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (cp < p.startCp) hi = mid - 1;
    else if (cp >= p.endCp) lo = mid + 1;
    else return p.startFilePos + (cp - p.startCp) * p.bpc;
  }
  return null;
}

function propsAt(runs: FkpRun[], fc: number): ParaProps | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r.props;
  }
  return null;
}

/** Same cleaning as word-extractor's: fields keep their result, control characters go. */
function cleanText(s: string): string {
  let out = s;
  let changed = true;
  while (changed) {
    changed = false;
    out = out.replace(/\x13[^\x13\x14\x15]*\x14?([^\x13\x14\x15]*)\x15/g, (_m, p1: string) => { changed = true; return p1; });
  }
  // 0x1F is Word's optional hyphen, which is also how a TCVN3 "ư" (0xAD) comes back: keep it as U+00AD.
  return out.replace(/[\x0b\x0c]/g, '\n').replace(/\x1e/g, '-').replace(/\x1f/g, '\u00ad').replace(/[\x00-\x08\x0e-\x1d]/g, '');
}

export interface DecodeState { enc: Map<string, number>; unicode: number; /** Text already decoded run by run (fonts known): lines only need NFC. */ decoded?: boolean; /** Document-level hint: no fonts are read from .doc, so the majority decides short lines. */ font?: string }

function decodeLine(st: DecodeState, raw: string): string {
  if (st.decoded) return nfc(raw.replace(/\u00ad/g, ''));
  const enc = detectLegacyEncoding(raw, st.font);
  if (enc) {
    st.enc.set(enc, (st.enc.get(enc) ?? 0) + 1);
    return nfc(enc === 'tcvn3' ? tcvn3ToUnicode(raw) : vniToUnicode(raw));
  }
  if (/[^\x00-\x7f\u00ad]/.test(raw)) st.unicode++;
  return nfc(raw.replace(/\u00ad/g, ''));
}

/**
 * Decodes a raw cp range run by run with each run's font (.VnTime, .VnTimeH,
 * VNI-Times), like the .docx reader; whitespace is kept for the caller.
 */
function decodeRange(st: DecodeState, raw: RawDoc, start: number, end: number): string {
  let out = '';
  let group = '';
  let groupFont: string | undefined;
  const flush = (): void => {
    if (group === '') return;
    if (isSymbolFont(groupFont)) {
      out += symbolText(groupFont, group);
      group = '';
      return;
    }
    const enc = detectLegacyEncoding(group.replace(/\x1f/g, '\u00ad'), groupFont ?? st.font);
    const g = group.replace(/\x1f/g, '\u00ad');
    if (enc) {
      st.enc.set(enc, (st.enc.get(enc) ?? 0) + 1);
      out += enc === 'tcvn3' ? tcvn3ToUnicode(g, { upperCaseFont: isTcvn3UpperCaseFont(groupFont) }) : vniToUnicode(g);
    } else {
      if (/[^\x00-\x7f\u00ad]/.test(g)) st.unicode++;
      out += g.replace(/\u00ad/g, '').normalize('NFC');
    }
    group = '';
  };
  for (let cp = start; cp < end; cp++) {
    const fc = cpToFc(raw.pieces, cp);
    const font = fc === null ? undefined : fontAt(raw.fonts, fc);
    if (font !== groupFont) {
      flush();
      groupFont = font;
    }
    group += raw.body[cp] ?? '';
  }
  flush();
  return out;
}

/** Decides the document's legacy font hint from lines long enough to judge. */
function hintFor(lines: string[]): string | undefined {
  let tcvn3 = 0;
  let vni = 0;
  for (const l of lines) {
    const e = detectLegacyEncoding(l);
    if (e === 'tcvn3') tcvn3++;
    else if (e === 'vni') vni++;
  }
  if (tcvn3 > 0 && vni === 0) return '.VnTime';
  if (vni > 0 && tcvn3 === 0) return 'VNI-Times';
  return undefined;
}

export interface RawRow { cells: string[][]; props: ParaProps | null }

/** Turns rows (cells of paragraph lines) into a Grid, using the row's cell boundaries when known. Exported for tests. */
export function rowsToGrid(rows: RawRow[], name: string, st: DecodeState, issues: EtlIssue[], fileName: string): Grid | null {
  const grid: Grid = { name, rows: [], hiddenRows: new Set(), hiddenColumns: new Set() };
  // Column edges: the union of all rows' cell boundaries (twips), so merged cells get their span.
  const edges = new Set<number>();
  let bounded = true;
  for (const r of rows) {
    const c = r.props?.centers;
    if (!c || c.length !== r.cells.length + 1) { bounded = false; break; }
    for (const x of c) edges.add(x);
  }
  // Boundaries drift by a few twips between rows: edges closer than 30 twips (0.5 mm) are one column edge.
  const sorted: number[] = [];
  for (const x of [...edges].sort((a, b) => a - b)) if (sorted.length === 0 || x - sorted[sorted.length - 1]! > 30) sorted.push(x);
  const near = (x: number): number => {
    let best = 0;
    for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i]! - x) < Math.abs(sorted[best]! - x)) best = i;
    return best;
  };
  if (!bounded) {
    const widths = new Set(rows.map((r) => r.cells.length));
    if (widths.size > 1) {
      issues.push({
        severity: 'warning',
        code: 'DOC_TABLE_UNCERTAIN',
        message: `Tệp "${fileName}", ${name}: bảng trong tệp .doc có số ô khác nhau giữa các dòng và không đọc được vị trí cột; không nhập các dòng của bảng này để tránh lệch cột. Hãy lưu tệp dạng .docx rồi gửi lại.`,
      });
      return null;
    }
  }
  rows.forEach((r, ri) => {
    const out: (GridCell | undefined)[] = [];
    grid.rows.push(out);
    r.cells.forEach((lines, ci) => {
      const text = lines.map((l) => decodeLine(st, l)).join('\n').trim();
      let col = ci;
      let span = 1;
      if (bounded && r.props?.centers) {
        col = near(r.props.centers[ci]!);
        span = Math.max(1, near(r.props.centers[ci + 1]!) - col);
      }
      const vm = r.props?.vmerge?.[ci] ?? 0;
      const above = ri > 0 ? grid.rows[ri - 1]?.[col] : undefined;
      if (vm === 2 && above) {
        const [or, oc] = above.mergedInto ?? [ri - 1, col];
        const origin = grid.rows[or]?.[oc];
        if (origin) origin.rowSpan = Math.max(origin.rowSpan ?? 1, ri - or + 1);
        for (let k = 0; k < span; k++) out[col + k] = { text: '', raw: null, mergedInto: [or, oc] };
        return;
      }
      const cell: GridCell = { text, raw: text === '' ? null : text };
      if (span > 1) cell.colSpan = span;
      out[col] = cell;
      for (let k = 1; k < span; k++) out[col + k] = { text: '', raw: null, mergedInto: [ri, col] };
    });
  });
  return grid;
}

export async function readDoc(bytes: Uint8Array, fileName: string): Promise<WordReadResult> {
  const fail = (code: string, message: string): WordReadResult => ({ document: null, encoding: 'unicode', issues: [{ severity: 'error', code, message }] });
  try {
    // Password-protected Word 97 files keep the FIB readable but flag fEncrypted.
    let cfb: CFB.CFB$Container;
    try {
      cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
    } catch {
      return fail('CORRUPT_FILE', `Tệp Word "${fileName}" bị hỏng hoặc bị cắt cụt (không đọc được cấu trúc tệp .doc). Đề nghị đơn vị gửi lại tệp.`);
    }
    const wd = CFB.find(cfb, 'WordDocument');
    const wdBytes = wd?.content ? Buffer.from(wd.content as Uint8Array) : null;
    if (!wdBytes || wdBytes.length < 0x200) {
      return fail('NOT_WORD_DOCUMENT', `Tệp "${fileName}" không có nội dung văn bản Word (thiếu luồng WordDocument).`);
    }
    if (wdBytes.readUInt16LE(0) !== 0xa5ec) {
      return fail('UNSUPPORTED_FORMAT', `Tệp "${fileName}" là văn bản Word quá cũ (trước Word 97) hoặc không phải Word; hãy mở bằng Word và lưu lại dạng .docx.`);
    }
    if (wdBytes.readUInt16LE(0x0a) & 0x0100) {
      return fail('ENCRYPTED', `Tệp "${fileName}" được đặt mật khẩu; đề nghị đơn vị gỡ mật khẩu rồi gửi lại.`);
    }

    const dataEntry = CFB.find(cfb, 'Data');
    const data = dataEntry?.content ? Buffer.from(dataEntry.content as Uint8Array) : null;
    const { Cls, BufferReader } = rawExtractorClass(data);
    const extractor = new Cls() as unknown as { extract(r: unknown): Promise<WordExtractorDocument>; raw: RawDoc | null };
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    let doc: WordExtractorDocument;
    try {
      await reader.open();
      doc = await extractor.extract(reader);
    } catch {
      return fail('CORRUPT_FILE', `Tệp Word "${fileName}" bị hỏng, không đọc được nội dung (.doc).`);
    } finally {
      await reader.close().catch(() => undefined);
    }
    const raw = extractor.raw;
    const issues: EtlIssue[] = [];
    const st: DecodeState = { enc: new Map(), unicode: 0 };
    const blocks: DocumentBlock[] = [];
    if (!raw || raw.runs.length === 0) {
      // No paragraph properties: paragraphs only, tables flattened; say so.
      const body = doc.getBody({ filterUnicode: false });
      let p = 0;
      for (const line of body.split('\n')) blocks.push({ type: 'paragraph', index: ++p, text: line.split('\t').map((x) => decodeLine(st, x)).join(' ').trim() });
      issues.push({ severity: 'warning', code: 'DOC_TABLES_FLATTENED', message: `Tệp "${fileName}": không đọc được thuộc tính đoạn văn của tệp .doc; bảng (nếu có) được đọc như đoạn văn, không nhập theo dòng.` });
      return { document: { blocks }, encoding: encodingOf(st), issues };
    }

    let pIndex = 0;
    let tIndex = 0;
    let rows: RawRow[] = [];
    let cells: string[][] = [];
    let lines: string[] = [];
    let unsure = 0;
    const flushTable = (): void => {
      if (cells.length > 0 || lines.length > 0) {
        // Cells after the last row mark: the row end was not found.
        unsure++;
        cells = [];
        lines = [];
      }
      if (rows.length === 0) return;
      tIndex++;
      const grid = rowsToGrid(rows, `Bảng ${tIndex}`, st, issues, fileName);
      if (grid) blocks.push({ type: 'table', index: tIndex, grid });
      rows = [];
    };
    let start = 0;
    const text = raw.body;
    st.font = hintFor(text.split(/[\r\x07\n]/).map(cleanText));
    // With the character runs' fonts, decode run by run (.VnTimeH capitals, mixed fonts); else by the hint.
    st.decoded = raw.fonts.length > 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\r' && ch !== '\x07' && ch !== '\n') continue;
      const para = st.decoded ? cleanText(decodeRange(st, raw, start, i)) : cleanText(text.slice(start, i));
      const fc = cpToFc(raw.pieces, i);
      const props = fc === null ? null : propsAt(raw.runs, fc);
      start = i + 1;
      if (props && props.itap > 1) {
        // Nested table: its text joins the enclosing cell, like the .docx reader does.
        if (para.trim() !== '') lines.push(para);
        continue;
      }
      if (props?.inTable || props?.ttp) {
        if (props.ttp) {
          // Row end: the cells gathered so far are this row.
          if (lines.length > 0 || para !== '') { cells.push([...lines, ...(para ? [para] : [])]); lines = []; }
          rows.push({ cells, props });
          cells = [];
          continue;
        }
        lines.push(para);
        if (ch === '\x07') { cells.push(lines); lines = []; }
        continue;
      }
      flushTable();
      const block: DocumentBlock = { type: 'paragraph', index: ++pIndex, text: decodeLine(st, para.replace(/\t/g, ' ')) };
      if (props?.align) block.align = props.align;
      blocks.push(block);
    }
    flushTable();
    if (unsure > 0) {
      issues.push({ severity: 'warning', code: 'DOC_TABLE_UNCERTAIN', message: `Tệp "${fileName}": ${unsure} bảng trong tệp .doc có ô không thuộc dòng nào (thiếu dấu kết thúc dòng); các ô đó không được nhập.` });
    }
    return { document: { blocks }, encoding: encodingOf(st), issues };
  } catch {
    return fail('CORRUPT_FILE', `Tệp Word "${fileName}" bị hỏng, không đọc được nội dung (.doc).`);
  }
}

function encodingOf(st: DecodeState): TextEncoding {
  const legacy = [...st.enc.keys()];
  if (legacy.length === 0) return 'unicode';
  if (legacy.length > 1 || st.unicode > 0) return 'mixed';
  return legacy[0] === 'vni' ? 'vni' : 'tcvn3';
}
