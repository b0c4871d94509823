/**
 * A small vocabulary over the `docx` package for writing the Word samples the
 * way units' clerks lay them out: a borderless two-column header block, centred
 * titles, labelled lines, bordered tables with merged headers, check boxes in
 * the several styles seen in real files, and legacy-font (TCVN3) runs.
 */
import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Packer,
  Paragraph,
  SymbolRun,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import { unicodeToTcvn3, unicodeToVni } from '../../../etl/src/text/legacy-encoding.js';
import { fixZipTimes } from '../lib/zipfix.js';

/** How a document's text is stored: Unicode NFC, Unicode NFD (Mac), or TCVN3 bytes in .VnTime fonts. */
export type TextMode = 'nfc' | 'nfd' | 'tcvn3' | 'vni';

export interface Kit {
  mode: TextMode;
}

/** A run spec: plain text, or a check box in one of the styles units use. */
export type Piece =
  | string
  | { text: string; bold?: boolean; italic?: boolean; caps?: boolean }
  | { box: boolean; style: 'unicode' | 'square' | 'wingdings' | 'wingdings-x' | 'control' | 'bracket' };

function storeText(kit: Kit, text: string, caps = false): { text: string; font: string } {
  switch (kit.mode) {
    case 'nfd':
      return { text: text.normalize('NFD'), font: 'Times New Roman' };
    case 'vni':
      return { text: unicodeToVni(text), font: 'VNI-Times' };
    case 'tcvn3':
      // .VnTimeH is an upper-case font: the bytes are the lower-case TCVN3 codes.
      return caps ? { text: unicodeToTcvn3(text, { upperCaseFont: true }), font: '.VnTimeH' } : { text: unicodeToTcvn3(text), font: '.VnTime' };
    default:
      return { text: text.normalize('NFC'), font: 'Times New Roman' };
  }
}

function isUpper(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

export function run(kit: Kit, piece: Piece): ParagraphChild[] {
  if (typeof piece === 'string') piece = { text: piece };
  if ('box' in piece) {
    const b = piece.box;
    switch (piece.style) {
      case 'unicode':
        return [new TextRun({ text: b ? '☒' : '☐', font: 'Segoe UI Symbol' })];
      case 'square':
        return [new TextRun({ text: b ? '■' : '□', font: 'Times New Roman' })];
      case 'wingdings':
        return [new SymbolRun({ char: b ? 'F0FE' : 'F0A8', symbolfont: 'Wingdings' })];
      case 'wingdings-x':
        return [new SymbolRun({ char: b ? 'F078' : 'F06F', symbolfont: 'Wingdings' })];
      case 'control':
        // The content control's state is the truth; the glyph shown is whatever Word drew.
        return [new CheckBox({ checked: b, checkedState: { value: '2612', font: 'MS Gothic' }, uncheckedState: { value: '2610', font: 'MS Gothic' } })];
      case 'bracket':
        return [new TextRun({ text: b ? '[x]' : '[ ]', font: 'Times New Roman' })];
    }
  }
  const caps = piece.caps ?? (kit.mode === 'tcvn3' && isUpper(piece.text));
  const s = storeText(kit, piece.text, caps);
  return [new TextRun({ text: s.text, font: s.font, bold: piece.bold, italics: piece.italic, size: 26 })];
}

export interface ParaOpts { bold?: boolean; italic?: boolean; center?: boolean; right?: boolean }

export function para(kit: Kit, content: string | Piece[], opts: ParaOpts = {}): Paragraph {
  const pieces: Piece[] = typeof content === 'string' ? [{ text: content, bold: opts.bold, italic: opts.italic }] : content;
  return new Paragraph({
    children: pieces.flatMap((p) => run(kit, p)),
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : undefined,
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * The header block every Party document opens with: issuing body on the left,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" and place/date on the right, in a borderless table.
 * With `nested`, the left column is itself a one-cell table (seen in files
 * copied from older templates).
 */
export function headerBlock(kit: Kit, left: string[], right: string[], opts: { nested?: boolean } = {}): Table {
  const leftParas = left.map((l, i) => para(kit, l, { bold: i > 0 || left.length === 1, center: true }));
  const rightParas = right.map((l, i) => para(kit, l, { bold: i === 0, italic: i > 0, center: true }));
  const leftChildren: (Paragraph | Table)[] = opts.nested
    ? [new Table({ rows: [new TableRow({ children: [new TableCell({ children: leftParas })] })], borders: NO_BORDERS, width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph({})]
    : leftParas;
  return new Table({
    borders: NO_BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [new TableCell({ children: leftChildren, width: { size: 45, type: WidthType.PERCENTAGE } }), new TableCell({ children: rightParas, width: { size: 55, type: WidthType.PERCENTAGE } })] })],
  });
}

export interface CellSpec { text?: string | Piece[]; colSpan?: number; rowSpan?: number; bold?: boolean; center?: boolean }

/** A bordered table; cells covered by a rowSpan above must be left out of later rows (docx adds the vMerge). */
export function table(kit: Kit, rows: (CellSpec | string)[][], opts: { borders?: boolean; headerRows?: number } = {}): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: opts.borders === false ? NO_BORDERS : undefined,
    rows: rows.map((cells, r) => new TableRow({
      children: cells.map((c) => {
        const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
        const bold = spec.bold ?? r < (opts.headerRows ?? 0);
        const text = spec.text ?? '';
        const lines = typeof text === 'string' ? text.split('\n') : [text];
        return new TableCell({
          columnSpan: spec.colSpan,
          rowSpan: spec.rowSpan,
          children: lines.map((l) => para(kit, typeof l === 'string' ? [{ text: l, bold }] : l, { center: spec.center ?? r < (opts.headerRows ?? 0) })),
        });
      }),
    })),
  });
}

export function blank(): Paragraph {
  return new Paragraph({});
}

export async function pack(children: (Paragraph | Table)[], meta: { title?: string; creator?: string } = {}): Promise<Uint8Array> {
  const doc = new Document({
    creator: meta.creator ?? 'Văn phòng',
    title: meta.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children }],
  });
  return stabilise(await Packer.toBuffer(doc));
}

/** Byte-stable output: fixed document dates and zip timestamps, so regenerating changes nothing. */
export async function stabilise(docx: Uint8Array | Buffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12026-01-15T08:00:00Z'));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return new Uint8Array(fixZipTimes(bytes));
}

/**
 * A document body that counts as the reader does: top-level paragraphs
 * (blank ones included) and top-level tables, 1-based, so a sample can state
 * where each record comes from.
 */
export class Body {
  readonly children: (Paragraph | Table)[] = [];
  private paragraphs = 0;
  private tables = 0;
  constructor(readonly kit: Kit) {}
  /** Adds a paragraph; returns its 1-based index. */
  p(content: string | Piece[], opts: ParaOpts = {}): number {
    this.children.push(para(this.kit, content, opts));
    return ++this.paragraphs;
  }
  blank(): number {
    this.children.push(blank());
    return ++this.paragraphs;
  }
  /** Adds a table; returns its 1-based index. */
  table(t: Table): number {
    this.children.push(t);
    return ++this.tables;
  }
  header(left: string[], right: string[], opts: { nested?: boolean } = {}): number {
    return this.table(headerBlock(this.kit, left, right, opts));
  }
  signature(lines: string[]): void {
    this.blank();
    lines.forEach((l, i) => this.p(l, { bold: i < lines.length - 1, right: true }));
  }
  pack(): Promise<Uint8Array> {
    return pack(this.children);
  }
}
