import JSZip from 'jszip';
import { Paragraph, TextRun } from 'docx';
import { cleanText, count } from './text.js';

/**
 * Data tables of the report, written as WordprocessingML directly. The docx
 * package builds an object per cell and takes seconds for a province's
 * thousand-row annexes; these tables are plain (borders, a repeated header
 * row, a numbering row, a totals row), so the writer leaves a marker
 * paragraph where each goes and splices the table XML in after packing.
 */

export type TableCellValue = string | number | null;

export interface DocxTable {
  headers: string[];
  rows: TableCellValue[][];
  totals?: TableCellValue[];
  /** Relative column widths (default equal). */
  weights?: number[];
  /** Text width of the page in twips (A4 portrait with 3 cm + 2 cm margins: 9071). */
  textWidth: number;
}

/** The paragraph style table text uses (12 pt, no spacing). */
export const TABLE_STYLE = 'BangBieu';

const marker = (n: number): string => `\u27e6BANG-${n}\u27e7`;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BORDER = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
  .join('');

function cellXml(value: TableCellValue, width: number, opts: { bold?: boolean; center?: boolean; sizePt?: number }): string {
  const text = value === null ? '' : typeof value === 'number' ? count(value) : cleanText(value);
  const center = opts.center || typeof value === 'number';
  const rPr = opts.bold || opts.sizePt ? `<w:rPr>${opts.bold ? '<w:b/>' : ''}${opts.sizePt ? `<w:sz w:val="${opts.sizePt * 2}"/>` : ''}</w:rPr>` : '';
  const runs = text
    .split('\n')
    .map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('');
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${TABLE_STYLE}"/>${center ? '<w:jc w:val="center"/>' : ''}</w:pPr>${runs}</w:p></w:tc>`;
}

export function tableXml(table: DocxTable): string {
  const n = table.headers.length;
  const weights = table.weights ?? table.headers.map(() => 1);
  const total = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => Math.floor((table.textWidth * w) / total));
  const row = (cells: TableCellValue[], opts: { bold?: boolean; center?: boolean; sizePt?: number; header?: boolean }, firstCentered = false): string =>
    `<w:tr><w:trPr><w:cantSplit/>${opts.header ? '<w:tblHeader/>' : ''}</w:trPr>${Array.from({ length: n }, (_, i) =>
      cellXml(cells[i] ?? null, widths[i]!, { ...opts, center: opts.center || (firstCentered && i === 0) })).join('')}</w:tr>`;
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${BORDER}</w:tblBorders><w:tblLayout w:type="autofit"/>`,
    '<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>',
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(table.headers, { bold: true, center: true, header: true }),
    row(table.headers.map((_, i) => `(${i + 1})`), { center: true, sizePt: 11, header: true }),
    ...table.rows.map((r) => row(r, {}, true)),
    ...(table.totals ? [row(table.totals, { bold: true, center: true })] : []),
    '</w:tbl>',
  ];
  return parts.join('');
}

/** Collects the tables of one document and hands out their marker paragraphs. */
export class TableSplicer {
  private readonly tables: DocxTable[] = [];

  /** The paragraph to put where the table goes. */
  place(table: DocxTable): Paragraph {
    this.tables.push(table);
    return new Paragraph({ children: [new TextRun(marker(this.tables.length - 1))] });
  }

  /** Replaces each marker paragraph of the packed document with its table. */
  async splice(docx: Buffer): Promise<Buffer> {
    const zip = await JSZip.loadAsync(docx);
    const entry = zip.file('word/document.xml');
    if (!entry) throw new Error('word/document.xml missing');
    let xml = await entry.async('string');
    this.tables.forEach((table, n) => {
      const at = xml.indexOf(marker(n));
      if (at < 0) throw new Error(`table marker ${n} missing`);
      const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
      const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
      xml = xml.slice(0, start) + tableXml(table) + xml.slice(end);
    });
    zip.file('word/document.xml', xml);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  }
}
