/**
 * .docx reader: bytes → WordDocument (paragraphs and tables in body order).
 *
 * Pipeline: guarded unzip (declared and actual sizes) → word/document.xml parsed
 * with entities off and DOCTYPE refused → body walked in order. Tables become
 * Grids with gridSpan/vMerge merges, so Word tables go through the same table
 * finding and column mapping as spreadsheets. Each run keeps its font, so
 * TCVN3 (.VnTime) and VNI runs are converted run by run.
 *
 * Never throws: every failure is an error issue with a stable code.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { EtlIssue, TextEncoding } from '../contract.js';
import type { DocumentBlock, Grid, GridCell, WordDocument } from '../grid.js';
import { nfc } from '../text/vietnamese.js';
import { detectLegacyEncoding, isTcvn3UpperCaseFont, tcvn3ToUnicode, vniToUnicode } from '../text/legacy-encoding.js';
import { checkZip, type ZipLimits } from '../detect/zip.js';

export interface WordReadResult {
  /** null when the file could not be read at all (an error issue says why). */
  document: WordDocument | null;
  /**
   * The page header's content (first section), for documents that put the
   * issuing unit there instead of in the body. Never part of `document`.
   */
  pageHeader?: DocumentBlock[];
  encoding: TextEncoding;
  issues: EtlIssue[];
}

/** Limits beyond the shared zip guard (detect/zip.ts): a real unit's report is far below. */
export const DOCX_LIMITS = {
  /** Uncompressed size of the main document part. */
  maxPartBytes: 40 * 1024 * 1024,
  maxNesting: 12,
};

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Real documents nest a few dozen levels; a deeper file is hostile and must fail, not overflow the stack.
  maxNestedTags: 256,
});

function issue(severity: EtlIssue['severity'], code: string, message: string, extra: Partial<EtlIssue> = {}): EtlIssue {
  return { severity, code, message, ...extra };
}

/** One entry as text; sizes were already checked against the inflated bytes by checkZip. */
async function readEntry(zip: JSZip, name: string, limit: number): Promise<string | 'TOO_LARGE' | null> {
  const file = zip.file(name);
  if (!file) return null;
  const data = await file.async('uint8array');
  if (data.length > limit) return 'TOO_LARGE';
  return new TextDecoder('utf-8', { fatal: false }).decode(data);
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
/** Entity processing is off in the parser, so the five XML entities and char refs are decoded here. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, e: string) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

function tagOf(node: XNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}
function kids(node: XNode): XNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attrs(node: XNode): Record<string, string> {
  const a = node[':@'];
  return a && typeof a === 'object' ? (a as Record<string, string>) : {};
}
function child(node: XNode, tag: string): XNode | undefined {
  return kids(node).find((k) => tagOf(k) === tag);
}
function attr(node: XNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const v = attrs(node)[name];
  return v === undefined ? undefined : decodeEntities(String(v));
}
function textOf(node: XNode): string {
  let s = '';
  for (const k of kids(node)) if ('#text' in k) s += String(k['#text']);
  return decodeEntities(s);
}
/** w:b / w:b w:val="0|false|1|true" */
function onOff(node: XNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = attr(node, 'w:val');
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

/** Symbol fonts' check-box glyphs → the Unicode box we reason with downstream. */
const SYMBOL_BOXES: Record<string, Record<number, string>> = {
  wingdings: { 0xfd: '☒', 0xfe: '☑', 0x78: '☒', 0xa8: '☐', 0x6f: '☐', 0x71: '☐', 0x6e: '■', 0xfc: '✓', 0xfb: '✗', 0xa1: '○', 0x6c: '●' },
  'wingdings 2': { 0x54: '☒', 0x52: '☑', 0x51: '☒', 0xa3: '☐', 0x2a: '☐', 0x50: '✓', 0x4f: '✗' },
  symbol: { 0xd6: '√', 0xb4: '×' },
};

/** Fonts whose code points are pictures, not letters. */
export function isSymbolFont(font: string | undefined): boolean {
  return /^(wingdings( 2| 3)?|webdings|symbol)$/i.test((font ?? '').trim());
}

/**
 * Text typed in a symbol font ("þ" or U+F0FE in Wingdings is a ticked box):
 * each character through the same table as w:sym.
 */
export function symbolText(font: string | undefined, text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += /\s/.test(ch) ? ch : symbolChar(font, cp.toString(16));
  }
  return out;
}

export function symbolChar(font: string | undefined, code: string | undefined): string {
  if (!code) return '';
  let n = parseInt(code, 16);
  if (!Number.isFinite(n)) return '';
  if (n >= 0xf000 && n <= 0xf0ff) n -= 0xf000; // symbol fonts use the private-use F0xx range
  const table = SYMBOL_BOXES[(font ?? '').toLowerCase()];
  const mapped = table?.[n];
  if (mapped) return mapped;
  return n >= 0x20 && n < 0x7f ? String.fromCharCode(n) : '';
}

interface StyleInfo { basedOn?: string; font?: string; bold?: boolean }
interface Ctx {
  styles: Map<string, StyleInfo>;
  defaultFont?: string;
  encodings: Map<string, number>;
  /** Runs of real (non-ASCII) Unicode text, to tell 'mixed' from a pure legacy document. */
  unicodeRuns: number;
  issues: EtlIssue[];
  fileName: string;
}

function rFontsName(rPr: XNode | undefined): string | undefined {
  const f = rPr ? child(rPr, 'w:rFonts') : undefined;
  if (!f) return undefined;
  return attr(f, 'w:ascii') ?? attr(f, 'w:hAnsi') ?? attr(f, 'w:cs') ?? attr(f, 'w:eastAsia');
}

function styleFont(ctx: Ctx, id: string | undefined, depth = 0): { font?: string; bold?: boolean } {
  if (!id || depth > 10) return {};
  const s = ctx.styles.get(id);
  if (!s) return {};
  const base = styleFont(ctx, s.basedOn, depth + 1);
  return { font: s.font ?? base.font, bold: s.bold ?? base.bold };
}

function parseStyles(xml: string | null, ctx: Ctx): void {
  if (!xml || hasDoctype(xml)) return;
  let root: XNode[];
  try { root = parser.parse(xml) as XNode[]; } catch { return; }
  const stylesNode = root.find((n) => tagOf(n) === 'w:styles');
  if (!stylesNode) return;
  for (const n of kids(stylesNode)) {
    const t = tagOf(n);
    if (t === 'w:docDefaults') {
      const rPr = child(child(n, 'w:rPrDefault') ?? {}, 'w:rPr');
      ctx.defaultFont = rFontsName(rPr);
    } else if (t === 'w:style') {
      const id = attr(n, 'w:styleId');
      if (!id) continue;
      const rPr = child(n, 'w:rPr');
      ctx.styles.set(id, {
        basedOn: attr(child(n, 'w:basedOn'), 'w:val'),
        font: rFontsName(rPr),
        bold: onOff(rPr ? child(rPr, 'w:b') : undefined),
      });
    }
  }
}

function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(xml);
}

/** Text of one run (or run-like content) after legacy decoding, with its font. */
interface RunText { text: string; font?: string; bold?: boolean; encoding?: 'tcvn3' | 'vni' }

function decodeRun(ctx: Ctx, raw: string, font: string | undefined): RunText {
  if (!raw) return { text: '', font };
  // Run text keeps its spaces (nfc() trims), so decode with the converters and
  // normalise whole lines later.
  const enc = detectLegacyEncoding(raw, font);
  if (enc === 'tcvn3' || enc === 'vni') {
    ctx.encodings.set(enc, (ctx.encodings.get(enc) ?? 0) + 1);
    const text = enc === 'tcvn3' ? tcvn3ToUnicode(raw, { upperCaseFont: isTcvn3UpperCaseFont(font) }) : vniToUnicode(raw);
    return { text, font, encoding: enc };
  }
  // Only Unicode letters make a document "mixed"; check boxes and curly quotes do not.
  if (/[^\x00-\x7f]/.test(raw) && /(?![a-zA-Z])\p{L}/u.test(raw)) ctx.unicodeRuns++;
  return { text: raw.replace(/\u00ad/g, '').normalize('NFC'), font };
}

interface ParaState { pStyle?: { font?: string; bold?: boolean } }

/** Collects the text of paragraph content (runs, hyperlinks, inserts, inline content controls) in order. */
function collectInline(ctx: Ctx, nodes: XNode[], ps: ParaState, out: RunText[], depth: number): void {
  if (depth > DOCX_LIMITS.maxNesting * 4) return;
  for (const n of nodes) {
    const t = tagOf(n);
    switch (t) {
      case 'w:r': collectRun(ctx, n, ps, out); break;
      case 'w:sdt': {
        const box = checkboxState(n);
        if (box !== null) out.push({ text: box ? '☒' : '☐' });
        else collectInline(ctx, kids(child(n, 'w:sdtContent') ?? {}), ps, out, depth + 1);
        break;
      }
      case 'w:hyperlink': case 'w:ins': case 'w:smartTag': case 'w:fldSimple': case 'w:customXml':
      case 'w:moveTo': case 'w:dir': case 'w:bdo':
        collectInline(ctx, kids(n), ps, out, depth + 1);
        break;
      case 'mc:AlternateContent': {
        const choice = child(n, 'mc:Fallback') ?? child(n, 'mc:Choice');
        if (choice) collectInline(ctx, kids(choice), ps, out, depth + 1);
        break;
      }
      default: break; // w:del, w:moveFrom, bookmarks, proofing marks: not visible text
    }
  }
}

/** w14:checkbox content control → checked state; null when the sdt is not a check box. */
function checkboxState(sdt: XNode): boolean | null {
  const pr = child(sdt, 'w:sdtPr');
  const cb = pr ? child(pr, 'w14:checkbox') : undefined;
  if (!cb) return null;
  const checked = child(cb, 'w14:checked');
  if (!checked) return false;
  // CT_OnOff: no value means on.
  const v = attr(checked, 'w14:val');
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}

function collectRun(ctx: Ctx, run: XNode, ps: ParaState, out: RunText[]): void {
  const rPr = child(run, 'w:rPr');
  const rStyle = attr(child(rPr ?? {}, 'w:rStyle'), 'w:val');
  const rs = styleFont(ctx, rStyle);
  const font = rFontsName(rPr) ?? rs.font ?? ps.pStyle?.font ?? ctx.defaultFont;
  const bold = onOff(rPr ? child(rPr, 'w:b') : undefined) ?? rs.bold ?? ps.pStyle?.bold;
  // Hidden text (w:vanish) is not on the page a reader sees; like hidden rows, it is not read.
  if (rPr && onOff(child(rPr, 'w:vanish'))) return;
  let buf = '';
  const flush = (): void => {
    if (!buf) return;
    if (isSymbolFont(font)) {
      out.push({ text: symbolText(font, buf), bold });
      buf = '';
      return;
    }
    const d = decodeRun(ctx, buf, font);
    out.push({ ...d, bold });
    buf = '';
  };
  for (const k of kids(run)) {
    switch (tagOf(k)) {
      case 'w:t': buf += textOf(k); break;
      case 'w:tab': case 'w:ptab': buf += '\t'; break;
      case 'w:br': case 'w:cr': buf += '\n'; break;
      case 'w:noBreakHyphen': buf += '-'; break;
      // Writers store U+00AD as w:softHyphen; in a TCVN3 run that byte is the letter "ư".
      case 'w:softHyphen': buf += '\u00ad'; break;
      case 'w:sym': {
        flush();
        out.push({ text: symbolChar(attr(k, 'w:font'), attr(k, 'w:char')), bold });
        break;
      }
      case 'w:fldChar': {
        // Legacy form-field check box (FORMCHECKBOX): the state lives in ffData.
        const ff = child(k, 'w:ffData');
        const cb = ff ? child(ff, 'w:checkBox') : undefined;
        if (cb) {
          flush();
          const checked = onOff(child(cb, 'w:checked')) ?? onOff(child(cb, 'w:default')) ?? false;
          out.push({ text: checked ? '☒' : '☐', bold });
        }
        break;
      }
      default: break; // w:instrText (field codes), w:delText, drawings
    }
  }
  flush();
}

function paragraphText(ctx: Ctx, p: XNode): { text: string; bold?: boolean; font?: string; align?: 'left' | 'center' | 'right' | 'both'; encoding?: 'tcvn3' | 'vni' } {
  const pPr = child(p, 'w:pPr');
  const pStyleId = attr(child(pPr ?? {}, 'w:pStyle'), 'w:val');
  const ps: ParaState = { pStyle: styleFont(ctx, pStyleId) };
  const runs: RunText[] = [];
  collectInline(ctx, kids(p), ps, runs, 0);
  // Line breaks inside a paragraph are kept; each line is NFC, trimmed and collapsed.
  const text = runs.map((r) => r.text).join('').split('\n').map(nfc).join('\n').trim();
  const visible = runs.filter((r) => r.text.trim() !== '');
  const bold = visible.length > 0 && visible.every((r) => r.bold === true) ? true : undefined;
  // Dominant font by visible characters: what a reader would say the paragraph is set in.
  const weight = new Map<string, number>();
  for (const r of visible) if (r.font) weight.set(r.font, (weight.get(r.font) ?? 0) + r.text.length);
  let font: string | undefined;
  let best = 0;
  for (const [f, w] of weight) if (w > best) { best = w; font = f; }
  const jc = attr(child(pPr ?? {}, 'w:jc'), 'w:val');
  const align = jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : jc === 'both' || jc === 'distribute' ? 'both' : jc === 'left' || jc === 'start' ? 'left' : undefined;
  const enc = visible.find((r) => r.encoding)?.encoding;
  return { text, bold, font, align, encoding: enc };
}

/** Text of a table cell: paragraphs joined by newlines; nested tables flattened row by row. */
function cellContent(ctx: Ctx, tc: XNode, depth: number): { text: string; font?: string; bold?: boolean; encoding?: 'tcvn3' | 'vni' } {
  const lines: string[] = [];
  let font: string | undefined;
  let bold: boolean | undefined;
  let encoding: 'tcvn3' | 'vni' | undefined;
  let first = true;
  const walk = (nodes: XNode[], d: number): void => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:p') {
        const p = paragraphText(ctx, n);
        lines.push(p.text);
        if (p.text.trim()) {
          if (first) { font = p.font; bold = p.bold; first = false; } else if (!p.bold) bold = undefined;
          encoding ??= p.encoding;
        }
      } else if (t === 'w:tbl') {
        if (d >= DOCX_LIMITS.maxNesting) continue;
        for (const tr of kids(n).filter((k) => tagOf(k) === 'w:tr')) {
          const cells = kids(tr).filter((k) => tagOf(k) === 'w:tc').map((c) => cellContent(ctx, c, d + 1).text.trim());
          lines.push(cells.filter((c) => c !== '').join(' '));
        }
      } else if (t === 'w:sdt') {
        walk(kids(child(n, 'w:sdtContent') ?? {}), d);
      } else if (t === 'w:customXml') {
        walk(kids(n), d);
      }
    }
  };
  walk(kids(tc), depth);
  // Trailing empty paragraphs are layout, not content.
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return { text: lines.join('\n'), font, bold, encoding };
}

function buildGrid(ctx: Ctx, tbl: XNode, name: string): Grid {
  const rows: (GridCell | undefined)[][] = [];
  const trs: XNode[] = [];
  const gatherRows = (nodes: XNode[]): void => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:tr') trs.push(n);
      else if (t === 'w:sdt') gatherRows(kids(child(n, 'w:sdtContent') ?? {}));
      else if (t === 'w:customXml') gatherRows(kids(n));
    }
  };
  gatherRows(kids(tbl));
  trs.forEach((tr, r) => {
    const row: (GridCell | undefined)[] = [];
    rows.push(row);
    const trPr = child(tr, 'w:trPr');
    let col = Number(attr(child(trPr ?? {}, 'w:gridBefore'), 'w:val') ?? 0) || 0;
    const tcs: XNode[] = [];
    const gatherCells = (nodes: XNode[]): void => {
      for (const n of nodes) {
        const t = tagOf(n);
        if (t === 'w:tc') tcs.push(n);
        else if (t === 'w:sdt') gatherCells(kids(child(n, 'w:sdtContent') ?? {}));
        else if (t === 'w:customXml') gatherCells(kids(n));
      }
    };
    gatherCells(kids(tr));
    for (const tc of tcs) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.min(64, Math.max(1, Number(attr(child(tcPr ?? {}, 'w:gridSpan'), 'w:val') ?? 1) || 1));
      const vMergeNode = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const vMerge = vMergeNode ? (attr(vMergeNode, 'w:val') ?? 'continue') : undefined;
      const above = r > 0 ? rows[r - 1]?.[col] : undefined;
      if (vMerge === 'continue' && above) {
        // Continue the merge that starts above: grow its origin, cover these positions.
        const [or, oc] = above.mergedInto ?? [r - 1, col];
        const origin = rows[or]?.[oc];
        if (origin) origin.rowSpan = Math.max(origin.rowSpan ?? 1, r - or + 1);
        for (let k = 0; k < span; k++) row[col + k] = { text: '', raw: null, mergedInto: [or, oc] };
        col += span;
        continue;
      }
      const c = cellContent(ctx, tc, 1);
      const cell: GridCell = { text: c.text, raw: c.text === '' ? null : c.text };
      if (c.font) cell.font = c.font;
      if (c.bold) cell.bold = true;
      if (c.encoding) cell.encoding = c.encoding;
      if (span > 1) cell.colSpan = span;
      row[col] = cell;
      for (let k = 1; k < span; k++) row[col + k] = { text: '', raw: null, mergedInto: [r, col] };
      col += span;
    }
  });
  return { name, rows, hiddenRows: new Set(), hiddenColumns: new Set() };
}

function walkBody(ctx: Ctx, nodes: XNode[], blocks: DocumentBlock[], counters: { p: number; t: number }, depth: number): void {
  if (depth > DOCX_LIMITS.maxNesting) return;
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === 'w:p') {
      const p = paragraphText(ctx, n);
      const block: DocumentBlock = { type: 'paragraph', index: ++counters.p, text: p.text };
      if (p.bold) block.bold = true;
      if (p.font) block.font = p.font;
      if (p.align) block.align = p.align;
      blocks.push(block);
    } else if (t === 'w:tbl') {
      counters.t++;
      blocks.push({ type: 'table', index: counters.t, grid: buildGrid(ctx, n, `Bảng ${counters.t}`) });
    } else if (t === 'w:sdt') {
      walkBody(ctx, kids(child(n, 'w:sdtContent') ?? {}), blocks, counters, depth + 1);
    } else if (t === 'w:customXml' || t === 'w:ins') {
      walkBody(ctx, kids(n), blocks, counters, depth + 1);
    }
  }
}

/** Resolves the main document part from the package relationships (falls back to word/document.xml). */
async function mainPartName(zip: JSZip): Promise<string> {
  const rels = await readEntry(zip, '_rels/.rels', 1024 * 1024);
  if (typeof rels === 'string' && rels !== 'TOO_LARGE' && !hasDoctype(rels)) {
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
    const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
    if (target) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}

/** The first section's default (or first-page) header part, walked like the body. */
async function readPageHeader(zip: JSZip, body: XNode, dir: string, partName: string, ctx: Ctx): Promise<DocumentBlock[]> {
  try {
    const refs = kids(body).filter((k) => tagOf(k) === 'w:sectPr').flatMap((sect) => kids(sect).filter((k) => tagOf(k) === 'w:headerReference'));
    const ref = refs.find((r) => attr(r, 'w:type') === 'first') ?? refs.find((r) => attr(r, 'w:type') === 'default') ?? refs[0];
    const id = attr(ref, 'r:id');
    if (!id) return [];
    const rels = await readEntry(zip, `${dir}_rels/${partName.slice(dir.length)}.rels`, 1024 * 1024);
    if (typeof rels !== 'string' || rels === 'TOO_LARGE' || hasDoctype(rels)) return [];
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
    const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
    if (!target || target.includes('..')) return [];
    const xml = await readEntry(zip, target.startsWith('/') ? target.slice(1) : `${dir}${target}`, 2 * 1024 * 1024);
    if (typeof xml !== 'string' || xml === 'TOO_LARGE' || hasDoctype(xml)) return [];
    const root = parser.parse(xml) as XNode[];
    const hdr = root.find((n) => tagOf(n) === 'w:hdr');
    const blocks: DocumentBlock[] = [];
    // Indexes 0: these blocks are not body paragraphs or tables.
    if (hdr) walkBody(ctx, kids(hdr), blocks, { p: -1, t: -1 }, 0);
    return blocks.map((b) => ({ ...b, index: 0 }));
  } catch {
    return [];
  }
}

function encodingOf(ctx: Ctx): TextEncoding {
  const legacy = [...ctx.encodings.keys()];
  if (legacy.length === 0) return 'unicode';
  if (legacy.length > 1 || ctx.unicodeRuns > 0) return 'mixed';
  return legacy[0] === 'vni' ? 'vni' : 'tcvn3';
}

export async function readDocx(bytes: Uint8Array, fileName: string, limits?: ZipLimits): Promise<WordReadResult> {
  const fail = (code: string, message: string): WordReadResult => ({
    document: null,
    encoding: 'unicode',
    issues: [issue('error', code, message)],
  });
  try {
    // Sizes, ratios, capped inflate and DOCTYPE/ENTITY refusal: the same guard as .xlsx.
    const check = checkZip(bytes, limits);
    if (!check.ok) {
      const p = check.problem;
      const what = p.code === 'CORRUPT_FILE' ? 'bị hỏng hoặc bị cắt cụt' : p.code === 'ZIP_BOMB' ? 'nghi là tệp độc hại (bom nén), không đọc' : 'chứa khai báo DOCTYPE/ENTITY mà Word không bao giờ ghi, không đọc vì lý do an toàn';
      return fail(p.code, `Tệp Word "${fileName}" ${what}: ${p.detail}. Đề nghị đơn vị gửi lại tệp.`);
    }
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    } catch {
      return fail('CORRUPT_FILE', `Tệp "${fileName}" bị hỏng, không giải nén được. Đề nghị đơn vị gửi lại tệp.`);
    }
    const partName = await mainPartName(zip);
    let xml: string | 'TOO_LARGE' | null;
    try {
      xml = await readEntry(zip, partName, DOCX_LIMITS.maxPartBytes);
    } catch {
      return fail('CORRUPT_FILE', `Tệp "${fileName}" bị hỏng: không giải nén được nội dung văn bản (${partName}). Đề nghị đơn vị gửi lại tệp.`);
    }
    if (xml === null) {
      return fail('NOT_WORD_DOCUMENT', `Tệp "${fileName}" không có phần nội dung văn bản Word (${partName}); có thể không phải tệp .docx.`);
    }
    if (xml === 'TOO_LARGE') {
      return fail('ZIP_BOMB', `Tệp "${fileName}": nội dung văn bản giải nén vượt ${DOCX_LIMITS.maxPartBytes} byte; nghi là tệp độc hại, không đọc.`);
    }
    if (hasDoctype(xml)) {
      return fail('XML_ENTITY', `Tệp "${fileName}" chứa khai báo DOCTYPE/ENTITY trong ${partName}, điều mà Word không bao giờ ghi; không đọc vì lý do an toàn.`);
    }
    let root: XNode[];
    try {
      // Revision ids and paragraph ids are most of a real Word file's attributes and carry no content.
      root = parser.parse(xml.replace(/\s(?:w:rsid\w*|w14:paraId|w14:textId)="[^"]*"/g, '')) as XNode[];
    } catch {
      return fail('CORRUPT_FILE', `Tệp "${fileName}" bị hỏng: nội dung ${partName} không phải XML hợp lệ.`);
    }
    const docNode = root.find((n) => tagOf(n) === 'w:document');
    const body = docNode ? child(docNode, 'w:body') : undefined;
    if (!body) {
      return fail('NOT_WORD_DOCUMENT', `Tệp "${fileName}" không có thân văn bản Word (w:body) trong ${partName}.`);
    }

    const ctx: Ctx = { styles: new Map(), encodings: new Map(), unicodeRuns: 0, issues: [], fileName };
    const dir = partName.includes('/') ? partName.slice(0, partName.lastIndexOf('/') + 1) : '';
    try {
      const styles = await readEntry(zip, `${dir}styles.xml`, DOCX_LIMITS.maxPartBytes);
      parseStyles(typeof styles === 'string' && styles !== 'TOO_LARGE' ? styles : null, ctx);
    } catch {
      ctx.issues.push(issue('warning', 'STYLES_UNREADABLE', `Tệp "${fileName}": không đọc được bảng kiểu (styles.xml); phông chữ mặc định không xác định được.`));
    }

    const blocks: DocumentBlock[] = [];
    walkBody(ctx, kids(body), blocks, { p: 0, t: 0 }, 0);
    const pageHeader = await readPageHeader(zip, body, dir, partName, ctx);
    return { document: { blocks }, encoding: encodingOf(ctx), issues: ctx.issues, ...(pageHeader.length > 0 ? { pageHeader } : {}) };
  } catch {
    return fail('CORRUPT_FILE', `Tệp "${fileName}" bị hỏng, không đọc được nội dung văn bản Word.`);
  }
}
